import type { BusyInterval, DoctorWeek, Period, Vacation } from '../../../shared/domain/availability.ts';
import type { Instant } from '../../../shared/domain/clinic-time.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

/** The inputs of the availability logic (shared/domain/availability.ts), read as plain data. */

export interface DoctorInfo {
  id: string;
  displayName: string;
  active: boolean;
}

export function getDoctorInfo(db: ReadDb, clinicId: string, id: string): DoctorInfo | null {
  const row = stmt<{ id: string; display_name: string; active: number }>(
    db,
    'SELECT id, display_name, active FROM doctors WHERE id = ? AND clinic_id = ? AND deleted_at IS NULL',
  ).get(id, clinicId);
  return row ? { id: row.id, displayName: row.display_name, active: row.active === 1 } : null;
}

/** Weekly hours (all weekdays, with validity dates) and breaks of the given doctors. */
export function listDoctorWeeks(db: ReadDb, clinicId: string, doctorIds: string[]): DoctorWeek[] {
  const weeks = new Map<string, DoctorWeek>(doctorIds.map((id) => [id, { id, hours: [], breaks: [] }]));
  const hours = stmt<{
    doctor_id: string;
    weekday: number;
    start_minute: number;
    end_minute: number;
    room_id: string | null;
    valid_from: string | null;
    valid_to: string | null;
  }>(
    db,
    `SELECT doctor_id, weekday, start_minute, end_minute, room_id, valid_from, valid_to
     FROM doctor_working_hours WHERE clinic_id = ? AND deleted_at IS NULL ORDER BY doctor_id, weekday, start_minute`,
  ).all(clinicId);
  for (const h of hours) {
    weeks.get(h.doctor_id)?.hours.push({
      weekday: h.weekday,
      startMinute: h.start_minute,
      endMinute: h.end_minute,
      roomId: h.room_id,
      validFrom: h.valid_from,
      validTo: h.valid_to,
    });
  }
  const breaks = stmt<{ doctor_id: string; weekday: number; start_minute: number; end_minute: number }>(
    db,
    `SELECT doctor_id, weekday, start_minute, end_minute FROM doctor_breaks
     WHERE clinic_id = ? AND deleted_at IS NULL ORDER BY doctor_id, weekday, start_minute`,
  ).all(clinicId);
  for (const b of breaks) {
    weeks.get(b.doctor_id)?.breaks.push({ weekday: b.weekday, startMinute: b.start_minute, endMinute: b.end_minute });
  }
  return doctorIds.map((id) => weeks.get(id)!);
}

export interface AppointmentTypeInfo {
  id: string;
  name: string;
  durationMinutes: number;
  active: boolean;
}

export function getAppointmentType(db: ReadDb, clinicId: string, id: string): AppointmentTypeInfo | null {
  const row = stmt<{ id: string; name: string; duration_minutes: number; active: number }>(
    db,
    `SELECT id, name, duration_minutes, active FROM appointment_types
     WHERE id = ? AND clinic_id = ? AND deleted_at IS NULL`,
  ).get(id, clinicId);
  return row ? { id: row.id, name: row.name, durationMinutes: row.duration_minutes, active: row.active === 1 } : null;
}

/** Per-doctor durations of one appointment type (doctor_appointment_types). */
export function durationOverrides(db: ReadDb, clinicId: string, typeId: string): Map<string, number> {
  const rows = stmt<{ doctor_id: string; duration_minutes: number }>(
    db,
    `SELECT doctor_id, duration_minutes FROM doctor_appointment_types
     WHERE clinic_id = ? AND appointment_type_id = ? AND deleted_at IS NULL`,
  ).all(clinicId, typeId);
  return new Map(rows.map((r) => [r.doctor_id, r.duration_minutes]));
}

export function getRoomInfo(db: ReadDb, clinicId: string, id: string): { id: string; name: string; active: boolean } | null {
  const row = stmt<{ id: string; name: string; active: number }>(
    db,
    'SELECT id, name, active FROM rooms WHERE id = ? AND clinic_id = ? AND deleted_at IS NULL',
  ).get(id, clinicId);
  return row ? { id: row.id, name: row.name, active: row.active === 1 } : null;
}

export function roomNames(db: ReadDb, clinicId: string): Map<string, string> {
  const rows = stmt<{ id: string; name: string }>(db, 'SELECT id, name FROM rooms WHERE clinic_id = ?').all(clinicId);
  return new Map(rows.map((r) => [r.id, r.name]));
}

interface BusyRow {
  id: string;
  doctor_id: string;
  room_id: string | null;
  patient_id: string;
  starts_at: Instant;
  ends_at: Instant;
}

const toBusy = (r: BusyRow): BusyInterval => ({
  appointmentId: r.id,
  doctorId: r.doctor_id,
  roomId: r.room_id,
  patientId: r.patient_id,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
});

const ACTIVE = `status NOT IN ('cancelled', 'no_show') AND deleted_at IS NULL`;
/** No appointment is longer than a day, so a start bound one day early finds every overlap. */
const dayBefore = (instant: Instant) => new Date(Date.parse(instant) - 86_400_000).toISOString();

/** Active appointments of the whole clinic overlapping [start, end) (appointments_clinic_start). */
export function listBusyOverlapping(db: ReadDb, clinicId: string, start: Instant, end: Instant): BusyInterval[] {
  return stmt<BusyRow>(
    db,
    `SELECT id, doctor_id, room_id, patient_id, starts_at, ends_at FROM appointments
     WHERE clinic_id = ? AND starts_at >= ? AND starts_at < ? AND ends_at > ? AND ${ACTIVE}`,
  )
    .all(clinicId, dayBefore(start), end, start)
    .map(toBusy);
}

/**
 * Active appointments overlapping [start, end) that can block one doctor's slots: the doctor's
 * own, those in the given rooms, and the patient's. Filtered in SQL so a busy clinic's other
 * doctors never become JS objects.
 */
export function listBusyForDoctor(
  db: ReadDb,
  clinicId: string,
  start: Instant,
  end: Instant,
  who: { doctorId: string; roomIds: string[]; patientId: string | null },
): BusyInterval[] {
  return stmt<BusyRow>(
    db,
    `SELECT id, doctor_id, room_id, patient_id, starts_at, ends_at FROM appointments
     WHERE clinic_id = ? AND starts_at >= ? AND starts_at < ? AND ends_at > ? AND ${ACTIVE}
       AND (doctor_id = ? OR patient_id = ? OR room_id IN (SELECT value FROM json_each(?)))`,
  )
    .all(clinicId, dayBefore(start), end, start, who.doctorId, who.patientId, JSON.stringify(who.roomIds))
    .map(toBusy);
}

/** Active appointments of one doctor overlapping [start, end) (appointments_doctor_start). */
export function listDoctorBusyOverlapping(db: ReadDb, doctorId: string, start: Instant, end: Instant): BusyInterval[] {
  return stmt<BusyRow>(
    db,
    `SELECT id, doctor_id, room_id, patient_id, starts_at, ends_at FROM appointments
     WHERE doctor_id = ? AND starts_at >= ? AND starts_at < ? AND ends_at > ? AND ${ACTIVE}`,
  )
    .all(doctorId, dayBefore(start), end, start)
    .map(toBusy);
}

export function listVacations(db: ReadDb, clinicId: string, start: Instant, end: Instant): (Vacation & { reason: string | null })[] {
  return stmt<{ doctor_id: string; starts_at: Instant; ends_at: Instant; reason: string | null }>(
    db,
    `SELECT doctor_id, starts_at, ends_at, reason FROM doctor_vacations
     WHERE clinic_id = ? AND deleted_at IS NULL AND starts_at < ? AND ends_at > ? ORDER BY starts_at`,
  )
    .all(clinicId, end, start)
    .map((r) => ({ doctorId: r.doctor_id, startsAt: r.starts_at, endsAt: r.ends_at, reason: r.reason }));
}

export function listBlocked(db: ReadDb, clinicId: string, start: Instant, end: Instant): (Period & { reason: string | null })[] {
  return stmt<{ starts_at: Instant; ends_at: Instant; reason: string | null }>(
    db,
    `SELECT starts_at, ends_at, reason FROM clinic_blocked_periods
     WHERE clinic_id = ? AND deleted_at IS NULL AND starts_at < ? AND ends_at > ? ORDER BY starts_at`,
  )
    .all(clinicId, end, start)
    .map((r) => ({ startsAt: r.starts_at, endsAt: r.ends_at, reason: r.reason }));
}
