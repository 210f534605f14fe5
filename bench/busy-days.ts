import type { ClinicApp } from '../electron/app.ts';
import { bulkInsert } from '../electron/db/bulk-insert.ts';
import type { Rng } from '../electron/demo/random.ts';
import { addDaysIso, localMinuteToInstant } from '../shared/domain/clinic-time.ts';
import { uuidv7 } from '../shared/domain/ids.ts';

/** A busy day as the issue defines it: 20 doctors × 25 half-hour appointments (08:00–20:30). */
export const BUSY_DOCTORS = 20;
export const BUSY_PER_DOCTOR = 25;
const FIRST_MINUTE = 8 * 60;
const SLOT = 30;

export interface BusyDays {
  dates: string[];
  timeZone: string;
  appointmentsPerDay: number;
}

/**
 * Writes `days` consecutive busy days starting at `first` straight into the bench database (bench
 * set-up, not app code). Uses the clinic's first 20 active doctors, adding bench doctors when the
 * clinic has fewer; `first` must lie after the demo window so no slot overlaps a demo booking.
 */
export function addBusyDays(app: ClinicApp, first: string, days: number, rng: Rng): BusyDays {
  const db = app.db;
  const clinic = db.prepare('SELECT id, time_zone FROM clinics WHERE deleted_at IS NULL LIMIT 1').get() as { id: string; time_zone: string };
  const stamp = new Date().toISOString();
  const doctors = (
    db.prepare('SELECT id FROM doctors WHERE clinic_id = ? AND active = 1 AND deleted_at IS NULL ORDER BY id LIMIT ?').all(clinic.id, BUSY_DOCTORS) as {
      id: string;
    }[]
  ).map((d) => d.id);
  const extra = Array.from({ length: BUSY_DOCTORS - doctors.length }, (_, i) => ({
    id: uuidv7(),
    clinic_id: clinic.id,
    display_name: `Bench Dr ${i + 1}`,
    color: '#4f7cac',
    active: 1,
    version: 0,
    updated_at: stamp,
  }));
  const type = db.prepare('SELECT id FROM appointment_types WHERE clinic_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 1').get(clinic.id) as {
    id: string;
  };
  const maxRowid = (db.prepare('SELECT max(rowid) AS n FROM patients').get() as { n: number }).n;
  const patientAt = db.prepare('SELECT id FROM patients WHERE rowid >= ? ORDER BY rowid LIMIT 1').pluck();
  const patients = Array.from({ length: 500 }, () => patientAt.get(rng.int(1, maxRowid)) as string);
  const dates = Array.from({ length: days }, (_, i) => addDaysIso(first, i));
  const statuses = ['scheduled', 'scheduled', 'scheduled', 'confirmed'] as const;
  function* appointments() {
    for (const date of dates) {
      for (const doctor of [...doctors, ...extra.map((d) => d.id)]) {
        for (let slot = 0; slot < BUSY_PER_DOCTOR; slot++) {
          const start = FIRST_MINUTE + slot * SLOT;
          yield {
            id: uuidv7(),
            clinic_id: clinic.id,
            doctor_id: doctor,
            patient_id: patients[rng.int(0, patients.length - 1)]!,
            appointment_type_id: type.id,
            starts_at: localMinuteToInstant(date, start, clinic.time_zone),
            ends_at: localMinuteToInstant(date, start + SLOT, clinic.time_zone),
            status: statuses[rng.int(0, statuses.length - 1)]!,
            version: 0,
            updated_at: stamp,
          };
        }
      }
    }
  }
  if (extra.length > 0) bulkInsert(db, 'doctors', extra);
  bulkInsert(db, 'appointments', appointments());
  return { dates, timeZone: clinic.time_zone, appointmentsPerDay: BUSY_DOCTORS * BUSY_PER_DOCTOR };
}
