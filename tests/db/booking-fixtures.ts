import { type ClinicApp, createApp } from '../../electron/app.ts';
import type { WriteDb } from '../../electron/db/database.ts';
import type { Envelope } from '../../shared/result.ts';
import { FX, T0, count, seedFixture } from './fixtures.ts';

/**
 * The fixture clinic (tests/db/fixtures.ts) plus what booking needs: doctor B working Mondays
 * 09:00–14:00 local in Room 2 with a 45-minute Cleaning, a second patient with a national id, a
 * flagged patient, a vacation of doctor A on Monday 30 Nov and a closure on Monday 7 Dec morning.
 * The clock stands at Monday 2026-11-23 11:00 Madrid (10:00Z).
 */
export const BX = {
  room2: '01900000-0000-7000-8000-00000000e002',
  patient2: '01900000-0000-7000-8000-00000000a002',
  blockedPatient: '01900000-0000-7000-8000-00000000a003',
  missing: '01900000-0000-7000-8000-0000000000ff',
} as const;

export const NOW = '2026-11-23T10:00:00.000Z';

export function seedBooking(db: WriteDb): void {
  seedFixture(db);
  const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args);
  run(`INSERT INTO rooms (id, clinic_id, name, updated_at) VALUES (?, ?, 'Room 2', ?)`, BX.room2, FX.clinic, T0);
  run(
    `INSERT INTO doctor_working_hours (id, clinic_id, doctor_id, room_id, weekday, start_minute, end_minute, updated_at)
     VALUES ('01900000-0000-7000-8000-000000001101', ?, ?, ?, 1, 540, 840, ?)`,
    FX.clinic,
    FX.doctorB,
    BX.room2,
    T0,
  );
  run(
    `INSERT INTO doctor_appointment_types (id, clinic_id, doctor_id, appointment_type_id, duration_minutes, updated_at)
     VALUES ('01900000-0000-7000-8000-000000005001', ?, ?, ?, 45, ?)`,
    FX.clinic,
    FX.doctorB,
    FX.type,
    T0,
  );
  run(
    `INSERT INTO patients (id, clinic_id, first_name, last_name, birth_date, phone, national_id, updated_at)
     VALUES (?, ?, 'José', 'Pérez Núñez', '1980-05-01', '611 22 33 44', '12345678Z', ?)`,
    BX.patient2,
    FX.clinic,
    T0,
  );
  run(
    `INSERT INTO patients (id, clinic_id, first_name, last_name, phone, blocked, blocked_reason, updated_at)
     VALUES (?, ?, 'Bruno', 'Blocked', '622 000 000', 1, 'Unpaid balance', ?)`,
    BX.blockedPatient,
    FX.clinic,
    T0,
  );
  run(
    `INSERT INTO doctor_vacations (id, clinic_id, doctor_id, starts_at, ends_at, reason, updated_at)
     VALUES ('01900000-0000-7000-8000-000000004101', ?, ?, '2026-11-29T23:00:00.000Z', '2026-11-30T23:00:00.000Z', 'Congress', ?)`,
    FX.clinic,
    FX.doctorA,
    T0,
  );
  run(
    `INSERT INTO clinic_blocked_periods (id, clinic_id, starts_at, ends_at, reason, updated_at)
     VALUES ('01900000-0000-7000-8000-000000003101', ?, '2026-12-07T07:00:00.000Z', '2026-12-07T11:00:00.000Z', 'Inspection', ?)`,
    FX.clinic,
    T0,
  );
}

export interface BookingTestApp {
  app: ClinicApp;
  clock: { now: Date };
  /** invoke that returns the value or throws with the error envelope (for happy paths). */
  call<T = unknown>(name: string, input: unknown): Promise<T>;
  /** The error of a failing call (fails the test if the call succeeds). */
  error(name: string, input: unknown): Promise<{ code: string; message: string; field?: string; details?: Record<string, unknown> }>;
  writes(): number[];
}

export function bookingApp(): BookingTestApp {
  const clock = { now: new Date(NOW) };
  const app = createApp({ dataDir: ':memory:', demo: false, now: () => clock.now });
  seedBooking(app.db);
  return {
    app,
    clock,
    async call<T>(name: string, input: unknown) {
      const res = (await app.invoke(name, input)) as Envelope<T>;
      if (!res.ok) throw new Error(`${name} failed: ${JSON.stringify(res.error)}`);
      return res.value;
    },
    async error(name, input) {
      const res = await app.invoke(name, input);
      if (res.ok) throw new Error(`${name} unexpectedly succeeded: ${JSON.stringify(res.value)}`);
      return res.error;
    },
    writes: () => ['appointments', 'patients', 'audit_log', 'outbox'].map((t) => count(app.db, t)),
  };
}

/** Local Madrid wall time on a date in winter (UTC+1) as an instant. */
export const madrid = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), h - 1, m)).toISOString();
};

/** The Monday the booking tests book on (NOW's day). */
export const BOOKING_DAY = '2026-11-23';

/** An `appointments.book` input: patient 2 with doctor A at 12:00 on BOOKING_DAY, unless overridden. */
export const bookInput = (over: Record<string, unknown> = {}) => ({
  patientId: BX.patient2,
  doctorId: FX.doctorA,
  appointmentTypeId: FX.type,
  startsAt: madrid(BOOKING_DAY, '12:00'),
  ...over,
});
