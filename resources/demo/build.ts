/**
 * The demo clinic as rows, with no database in sight: the app's local demo (electron/demo/seed.ts,
 * better-sqlite3) and the embedded server's seed (stack/seed.ts, Postgres) load the same rows.
 * Deterministic per clinic day: a day's appointments (slots, doctors, types, patients, ids) depend
 * on the seed, the sizes and the clinic-local date of `now`, never on its hour; only statuses (and
 * the times they carry) follow the instant. Rows use the local column names and formats (flags
 * 0/1, UTC ISO instants, integer cents); patients and appointments are generators, so a million
 * rows never sit in memory.
 */
import { type IsoDate, addDaysIso, localMinuteToInstant, todayIn } from '../../shared/domain/clinic-time.ts';
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
  /**
   * Months of appointments around now (two thirds past). Default: 18 months of history (a recall
   * campaign finds patients due) and six weeks ahead. Extended back when the target needs it.
   */
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
/** Default window: 18 months back (548 days), six weeks ahead. */
const DEFAULT_BACK_DAYS = 548;
const DEFAULT_AHEAD_DAYS = 42;
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
export function sizeWindow(doctors: number, monthsAround: number | undefined, target: number | undefined) {
  const weekSlots = weeklyBookableSlots(doctors).reduce((a, b) => a + b, 0) * 0.95;
  const footprint = averageFootprint(DEMO_SLOT_MINUTES);
  let back = monthsAround === undefined ? DEFAULT_BACK_DAYS : Math.round((monthsAround * 30.4 * 2) / 3);
  let ahead = monthsAround === undefined ? DEFAULT_AHEAD_DAYS : Math.max(1, Math.round(monthsAround * 30.4) - back);
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
  const size = sizeWindow(Math.max(1, options.doctors ?? 6), options.monthsAround, options.appointments);
  return { today, firstDay: addDaysIso(today, -size.back), lastDay: addDaysIso(today, size.ahead), ...size };
}

export type DemoRow = Record<string, unknown>;

export interface DemoTable {
  table: string;
  rows: Iterable<DemoRow>;
}

export interface DemoBuild {
  /** In foreign-key order; patients before appointments (appointments read the patient ids). */
  tables: DemoTable[];
  window: { today: IsoDate; firstDay: IsoDate; lastDay: IsoDate };
  patientCount: number;
}

/** Builds the demo clinic's rows for these options (see DemoOptions for the defaults). */
export function buildDemo(options: DemoOptions): DemoBuild {
  const seed = options.seed ?? 20260101;
  const doctorCount = Math.max(1, options.doctors ?? 6);
  const patientCount = Math.max(1, options.patients ?? 2000);
  const nowMs = options.now.getTime();
  const tz = DEMO_TIME_ZONE;
  const { today, firstDay, lastDay, ahead, fill } = demoWindow({ ...options, doctors: doctorCount });
  const setupMs = Date.parse(localMinuteToInstant(firstDay, 0, tz)) - 30 * DAY_MS;
  // Everything but statuses stops at the start of the clinic day: the hour never moves a row.
  const todayStartMs = Date.parse(localMinuteToInstant(today, 0, tz));

  const plan = planClinic({
    rng: createRng(seed, 'clinic'),
    idAt: makeIdFactory(createRng(seed, 'clinic-ids')),
    setupMs,
    doctors: doctorCount,
    firstDay,
    lastDay,
  });
  const patientPlan: PatientPlan = {
    clinicId: plan.clinicId,
    count: patientCount,
    fromMs: setupMs + DAY_MS,
    toMs: todayStartMs - DAY_MS,
    nowYear: Number(today.slice(0, 4)),
  };
  const footprint = averageFootprint(plan.slotMinutes);
  // With chance q per free grid position and footprint F slots, the booked share is qF/(qF+1-q).
  const placeChance = fill / (footprint * (1 - fill) + fill);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  /** Far future days are less booked: the share of a day's bookings made by today. */
  const keepShare = (day: IsoDate) => {
    const daysAhead = (Date.parse(`${day}T00:00:00Z`) - todayMs) / DAY_MS;
    return daysAhead <= 0 ? 1 : 1 - (1 - FUTURE_TAIL) * Math.min(1, daysAhead / ahead);
  };

  const patientIds: string[] = [];
  const patients = tap(generatePatients(patientPlan, createRng(seed, 'patients'), makeIdFactory(createRng(seed, 'patient-ids'))), (r) =>
    patientIds.push(r.id as string),
  );
  const appointments = generateAppointments(
    {
      plan,
      firstDay,
      lastDay,
      nowMs,
      todayStartMs,
      setupMs,
      placeChance,
      keepShare,
      patientsBy: (ms) => registeredBy(patientPlan, ms),
      patientIds: (i) => patientIds[i]!,
    },
    (day, purpose) => createRng(seed, `appointments:${purpose}:${day}`),
  );
  return {
    tables: [
      ...Object.entries(plan.rows).map(([table, rows]) => ({ table, rows })),
      { table: 'patients', rows: patients },
      { table: 'appointments', rows: appointments },
    ],
    window: { today, firstDay, lastDay },
    patientCount,
  };
}

function* tap<T extends DemoRow>(rows: Iterable<T>, fn: (row: T) => void): Generator<T> {
  for (const r of rows) {
    fn(r);
    yield r;
  }
}
