import { type WriteDb, openDatabase } from '../../electron/db/database.ts';
import { migrate } from '../../electron/db/schema/migrate.ts';

/** A tiny hand-made clinic for DB tests: two doctors (one working Mondays), a room, a patient. */
export const FX = {
  clinic: '01900000-0000-7000-8000-00000000c001',
  staff: '01900000-0000-7000-8000-00000000c101',
  doctorA: '01900000-0000-7000-8000-00000000d001',
  doctorB: '01900000-0000-7000-8000-00000000d002',
  room: '01900000-0000-7000-8000-00000000e001',
  type: '01900000-0000-7000-8000-00000000f001',
  patient: '01900000-0000-7000-8000-00000000a001',
  appt: '01900000-0000-7000-8000-00000000b001',
  apptOtherDay: '01900000-0000-7000-8000-00000000b002',
} as const;

export const T0 = '2026-01-01T00:00:00.000Z';

export function freshDb(): WriteDb {
  const db = openDatabase({ path: ':memory:' });
  migrate(db);
  return db;
}

/** Monday 2026-11-23 in Europe/Madrid (UTC+1): doctor A works 09:00–14:00 and 15:00–19:00. */
export function seedFixture(db: WriteDb): void {
  const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args);
  run(
    `INSERT INTO clinics (id, clinic_id, name, time_zone, slot_minutes, currency, updated_at)
     VALUES (?, ?, 'Fixture Clinic', 'Europe/Madrid', 15, 'EUR', ?)`,
    FX.clinic,
    FX.clinic,
    T0,
  );
  run(
    `INSERT INTO staff (id, clinic_id, display_name, role, updated_at) VALUES (?, ?, 'Rosa Desk', 'receptionist', ?)`,
    FX.staff,
    FX.clinic,
    T0,
  );
  run(`INSERT INTO rooms (id, clinic_id, name, updated_at) VALUES (?, ?, 'Room 1', ?)`, FX.room, FX.clinic, T0);
  for (const [id, name] of [
    [FX.doctorA, 'Dr. Ana Alonso'],
    [FX.doctorB, 'Dr. Ben Brown'],
  ]) {
    run(`INSERT INTO doctors (id, clinic_id, display_name, updated_at) VALUES (?, ?, ?, ?)`, id, FX.clinic, name, T0);
  }
  const hours = (id: string, weekday: number, start: number, end: number) =>
    run(
      `INSERT INTO doctor_working_hours (id, clinic_id, doctor_id, room_id, weekday, start_minute, end_minute, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      FX.clinic,
      FX.doctorA,
      FX.room,
      weekday,
      start,
      end,
      T0,
    );
  hours('01900000-0000-7000-8000-000000001001', 1, 9 * 60, 14 * 60);
  hours('01900000-0000-7000-8000-000000001002', 1, 15 * 60, 19 * 60);
  hours('01900000-0000-7000-8000-000000001003', 7, 9 * 60, 13 * 60);
  run(
    `INSERT INTO doctor_breaks (id, clinic_id, doctor_id, weekday, start_minute, end_minute, label, updated_at)
     VALUES ('01900000-0000-7000-8000-000000002001', ?, ?, 1, 780, 810, 'Coffee', ?)`,
    FX.clinic,
    FX.doctorA,
    T0,
  );
  run(
    `INSERT INTO appointment_types (id, clinic_id, name, duration_minutes, color, updated_at)
     VALUES (?, ?, 'Cleaning', 30, '#88aacc', ?)`,
    FX.type,
    FX.clinic,
    T0,
  );
  run(
    `INSERT INTO patients (id, clinic_id, first_name, last_name, phone, updated_at)
     VALUES (?, ?, 'Lucía', 'García', '+34 600 000 001', ?)`,
    FX.patient,
    FX.clinic,
    T0,
  );
  const appt = (id: string, start: string, end: string) =>
    run(
      `INSERT INTO appointments (id, clinic_id, doctor_id, room_id, patient_id, appointment_type_id, starts_at, ends_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      FX.clinic,
      FX.doctorA,
      FX.room,
      FX.patient,
      FX.type,
      start,
      end,
      T0,
    );
  appt(FX.appt, '2026-11-23T09:00:00.000Z', '2026-11-23T09:30:00.000Z');
  appt(FX.apptOtherDay, '2026-11-24T09:00:00.000Z', '2026-11-24T09:30:00.000Z');
}

export function count(db: WriteDb, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
