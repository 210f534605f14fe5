import { type IsoDate, addDaysIso, localMinuteToInstant, todayIn } from '../../shared/domain/clinic-time.ts';
import { type BulkRow, bulkInsert, hasAnyRow, withBulkLoadSettings } from '../db/bulk-insert.ts';
import type { WriteDb } from '../db/database.ts';
import { generateAppointments } from './appointments.ts';
import { APPOINTMENT_TYPES, DEMO_SLOT_MINUTES, DEMO_TIME_ZONE, planClinic, weeklyBookableSlots } from './clinic-plan.ts';
import { type PatientPlan, generatePatients, registeredBy } from './patients.ts';
import { createRng, makeIdFactory } from './random.ts';

export interface DemoOptions {
  now: Date;
  seed?: number;
  patients?: number;
  /** Target count (roughly met); default: a busy clinic (~70 % of bookable time) over the window. */
  appointments?: number;
  doctors?: number;
  /** Months of appointments around now (two thirds past); extended back when the target needs it. */
  monthsAround?: number;
  /** Called with progress lines (the CLI prints them). */
  log?: (line: string) => void;
}

export interface DemoResult {
  seeded: boolean;
  counts?: Record<string, number>;
}

const DAY_MS = 86_400_000;
const DEFAULT_FILL = 0.7;
const MAX_FILL = 0.9;
const MAX_BACK_DAYS = 3650;
/** Far future days are less booked: fill falls linearly to this share at the window's end. */
const FUTURE_TAIL = 0.4;

/** Average grid footprint of one appointment, in slots (a 20-minute visit holds two 15-minute slots). */
function averageFootprint(slot: number): number {
  let w = 0;
  let s = 0;
  for (const t of APPOINTMENT_TYPES) {
    w += t.weight;
    s += t.weight * Math.ceil(t.minutes / slot);
  }
  return s / w;
}

/** Chooses the window and fill ratio so the target fits (closures, vacations: ~5 % off). */
export function sizeWindow(doctors: number, monthsAround: number, target: number | undefined) {
  const weekSlots = weeklyBookableSlots(doctors).reduce((a, b) => a + b, 0) * 0.95;
  const footprint = averageFootprint(DEMO_SLOT_MINUTES);
  let back = Math.round((monthsAround * 30.4 * 2) / 3);
  let ahead = Math.max(1, Math.round(monthsAround * 30.4) - back);
  const capacity = () => ((back + 1 + ahead * (1 + FUTURE_TAIL) / 2) / 7) * (weekSlots / footprint);
  if (target === undefined) return { back, ahead, fill: DEFAULT_FILL };
  while (target / capacity() > MAX_FILL && back < MAX_BACK_DAYS) {
    back += 30;
    ahead = Math.max(ahead, 91);
  }
  return { back, ahead, fill: Math.min(0.95, target / capacity()) };
}

/** The local days [firstDay, lastDay] the demo books appointments on, for these options. */
export function demoWindow(options: Pick<DemoOptions, 'now' | 'doctors' | 'appointments' | 'monthsAround'>) {
  const today = todayIn(DEMO_TIME_ZONE, options.now);
  const size = sizeWindow(Math.max(1, options.doctors ?? 6), options.monthsAround ?? 3, options.appointments);
  return { today, firstDay: addDaysIso(today, -size.back), lastDay: addDaysIso(today, size.ahead), ...size };
}

/**
 * Fills an empty database with the demo clinic, deterministically for (seed, now): the same
 * inputs give the same rows. A database that already has a clinic is left alone (fast no-op),
 * so the app can call this on every start. Rows are initial state (version 0), not outbox writes.
 */
export function seedDemoClinic(db: WriteDb, options: DemoOptions): DemoResult {
  if (hasAnyRow(db, 'clinics')) return { seeded: false };
  const seed = options.seed ?? 20260101;
  const doctorCount = Math.max(1, options.doctors ?? 6);
  const patientCount = Math.max(1, options.patients ?? 2000);
  const nowMs = options.now.getTime();
  const tz = DEMO_TIME_ZONE;
  const { today, firstDay, lastDay, ahead, fill } = demoWindow({ ...options, doctors: doctorCount });
  const setupMs = Date.parse(localMinuteToInstant(firstDay, 0, tz)) - 30 * DAY_MS;

  const plan = planClinic({
    rng: createRng(seed, 'clinic'),
    idAt: makeIdFactory(createRng(seed, 'clinic-ids')),
    setupMs,
    doctors: doctorCount,
    today,
    firstDay,
    lastDay,
  });
  const patientPlan: PatientPlan = {
    clinicId: plan.clinicId,
    count: patientCount,
    fromMs: setupMs + DAY_MS,
    toMs: nowMs - DAY_MS,
    nowYear: Number(today.slice(0, 4)),
  };
  const footprint = averageFootprint(plan.slotMinutes);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const placeChance = (day: IsoDate) => {
    const ahead_ = (Date.parse(`${day}T00:00:00Z`) - todayMs) / DAY_MS;
    const f = ahead_ <= 0 ? fill : fill * (1 - (1 - FUTURE_TAIL) * (ahead_ / ahead));
    // With chance q per free grid position and footprint F slots, the booked share is qF/(qF+1-q).
    return f / (footprint * (1 - f) + f);
  };

  const counts: Record<string, number> = {};
  const log = options.log ?? (() => {});
  const load = () => {
    for (const [table, rows] of Object.entries(plan.rows)) counts[table] = bulkInsert(db, table, rows);
    const patientIds: string[] = [];
    let t = performance.now();
    counts.patients = bulkInsert(
      db,
      'patients',
      tap(generatePatients(patientPlan, createRng(seed, 'patients'), makeIdFactory(createRng(seed, 'patient-ids'))), (r) =>
        patientIds.push(r.id as string),
      ),
    );
    log(`patients: ${counts.patients} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    counts.appointments = bulkInsert(
      db,
      'appointments',
      generateAppointments(
        {
          plan,
          firstDay,
          lastDay,
          nowMs,
          setupMs,
          placeChance,
          patientsBy: (ms) => registeredBy(patientPlan, ms),
          patientIds: (i) => patientIds[i]!,
        },
        createRng(seed, 'appointments'),
        makeIdFactory(createRng(seed, 'appointment-ids')),
      ),
    );
    log(`appointments: ${counts.appointments} (${firstDay} .. ${lastDay}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  // A small demo loads atomically (a crash never leaves half a clinic that looks seeded).
  const small = patientCount <= 20_000 && (options.appointments ?? 0) <= 50_000;
  if (small) withBulkLoadSettings(db, db.transaction(load));
  else withBulkLoadSettings(db, load, { tables: ['patients', 'appointments'] });
  return { seeded: true, counts };
}

function* tap<T extends BulkRow>(rows: Iterable<T>, fn: (row: T) => void): Generator<T> {
  for (const r of rows) {
    fn(r);
    yield r;
  }
}
