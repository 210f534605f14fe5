import { beforeAll, describe, expect, it } from 'vitest';
import { type WriteDb, openDatabase } from '../../electron/db/database.ts';
import { migrate } from '../../electron/db/schema/migrate.ts';
import { isValidSpanishId } from '../../electron/demo/patients.ts';
import { seedDemoClinic } from '../../electron/demo/seed.ts';
import { DEMO_CLINIC_ID, DEMO_STAFF } from '../../shared/demo-ids.ts';
import { instantToLocalDate, instantToLocalMinute, isoWeekday } from '../../shared/domain/clinic-time.ts';

// A Friday morning, with the spring daylight-saving switch (Sunday 2026-03-29) inside the window.
const NOW = new Date('2026-03-20T09:07:00.000Z');
const TZ = 'Europe/Madrid';
const SIZES = { patients: 600, appointments: 3000, doctors: 6, monthsAround: 3 };

function fresh(): WriteDb {
  const db = openDatabase({ path: ':memory:' });
  migrate(db);
  return db;
}

const TABLES = [
  'clinics', 'staff', 'rooms', 'doctors', 'doctor_working_hours', 'doctor_breaks', 'doctor_vacations',
  'clinic_blocked_periods', 'appointment_types', 'patients', 'appointments',
] as const;

function dump(db: WriteDb): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
}

interface Appt {
  id: string;
  doctor_id: string;
  room_id: string | null;
  patient_id: string;
  starts_at: string;
  ends_at: string;
  status: string;
}
interface MinuteRange {
  doctor_id: string;
  weekday: number;
  start_minute: number;
  end_minute: number;
}
interface InstantRange {
  doctor_id?: string;
  starts_at: string;
  ends_at: string;
}

describe('seedDemoClinic', () => {
  let db: WriteDb;
  beforeAll(() => {
    db = fresh();
    expect(seedDemoClinic(db, { now: NOW, seed: 9, ...SIZES }).seeded).toBe(true);
  });

  it('is deterministic for the same seed and now', () => {
    const again = fresh();
    seedDemoClinic(again, { now: NOW, seed: 9, ...SIZES });
    expect(dump(again)).toEqual(dump(db));
    const other = fresh();
    seedDemoClinic(other, { now: NOW, seed: 10, ...SIZES });
    expect(dump(other).patients).not.toEqual(dump(db).patients);
  });

  it('sets up the demo clinic, its staff and a realistic roster', () => {
    const clinic = db.prepare('SELECT * FROM clinics').get() as Record<string, unknown>;
    expect(clinic).toMatchObject({ id: DEMO_CLINIC_ID, time_zone: TZ, slot_minutes: 15, currency: 'EUR', version: 0 });
    const staff = db.prepare('SELECT id, email, role FROM staff ORDER BY id').all();
    expect(staff).toEqual(DEMO_STAFF.map((s) => ({ id: s.id, email: s.email, role: s.role })));
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) n FROM doctors')).toBe(6);
    expect(count('SELECT count(*) n FROM rooms')).toBeGreaterThanOrEqual(3);
    expect(count('SELECT count(*) n FROM rooms')).toBeLessThanOrEqual(4);
    expect(count('SELECT count(*) n FROM appointment_types')).toBeGreaterThanOrEqual(8);
    expect(count('SELECT count(*) n FROM doctor_breaks')).toBeGreaterThan(0);
    expect(count('SELECT count(*) n FROM doctor_vacations')).toBeGreaterThan(0);
    expect(count('SELECT count(*) n FROM clinic_blocked_periods')).toBeGreaterThan(0);
    expect(count('SELECT count(*) n FROM doctor_working_hours WHERE weekday = 6')).toBeGreaterThan(0);
    expect(count('SELECT count(*) n FROM patients')).toBe(SIZES.patients);
    expect(count('SELECT count(*) n FROM patients WHERE opt_out = 1 OR blocked = 1')).toBeGreaterThan(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('makes plausible patients with valid Spanish ids and phones', () => {
    const rows = db.prepare('SELECT first_name, last_name, phone, national_id FROM patients').all() as Record<string, string | null>[];
    const ids = rows.map((r) => r.national_id).filter((v): v is string => v !== null);
    expect(ids.length).toBeGreaterThan(SIZES.patients / 4);
    for (const id of ids) expect(isValidSpanishId(id), id).toBe(true);
    for (const r of rows) expect(r.phone).toMatch(/^\+(34 6\d\d \d{3} \d{3}|44 7700 900\d{3})$/);
    expect(rows.some((r) => /[áéíóúñ]/i.test(`${r.first_name}${r.last_name}`))).toBe(true);
  });

  it('books roughly the requested appointments in every status', () => {
    const total = (db.prepare('SELECT count(*) n FROM appointments').get() as { n: number }).n;
    expect(total).toBeGreaterThan(SIZES.appointments * 0.85);
    expect(total).toBeLessThan(SIZES.appointments * 1.15);
    const statuses = (db.prepare('SELECT DISTINCT status FROM appointments').all() as { status: string }[]).map((r) => r.status);
    expect(statuses.sort()).toEqual(['arrived', 'cancelled', 'completed', 'confirmed', 'in_progress', 'no_show', 'scheduled']);
    const now = NOW.toISOString();
    const wrongSide = db
      .prepare(
        `SELECT count(*) n FROM appointments WHERE
           (ends_at <= ? AND status IN ('scheduled', 'confirmed', 'arrived', 'in_progress'))
        OR (starts_at > ? AND status IN ('completed', 'no_show', 'in_progress'))`,
      )
      .get(now, now) as { n: number };
    expect(wrongSide.n).toBe(0);
    const cancelled = db.prepare(
      `SELECT count(*) n FROM appointments WHERE status = 'cancelled' AND (cancel_reason IS NULL OR cancelled_at IS NULL OR cancelled_at > ?)`,
    ).get(now) as { n: number };
    expect(cancelled.n).toBe(0);
  });

  it.each(['doctor_id', 'room_id', 'patient_id'])('never overlaps two active appointments of one %s', (col) => {
    const clash = db
      .prepare(
        `SELECT count(*) n FROM appointments a JOIN appointments b
           ON a.${col} = b.${col} AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
         WHERE a.status NOT IN ('cancelled', 'no_show') AND b.status NOT IN ('cancelled', 'no_show')`,
      )
      .get() as { n: number };
    expect(clash.n).toBe(0);
  });

  it('places every appointment on the grid inside working hours, outside breaks, vacations and closures', () => {
    const appts = db.prepare('SELECT * FROM appointments').all() as Appt[];
    const hours = db.prepare('SELECT * FROM doctor_working_hours').all() as MinuteRange[];
    const breaks = db.prepare('SELECT * FROM doctor_breaks').all() as MinuteRange[];
    const vacations = db.prepare('SELECT * FROM doctor_vacations').all() as InstantRange[];
    const blocked = db.prepare('SELECT * FROM clinic_blocked_periods').all() as InstantRange[];
    const overlaps = (a: Appt, r: InstantRange) => a.starts_at < r.ends_at && r.starts_at < a.ends_at;
    let afterDst = 0;
    for (const a of appts) {
      const day = instantToLocalDate(a.starts_at, TZ);
      expect(instantToLocalDate(a.ends_at, TZ)).toBe(day);
      const from = instantToLocalMinute(a.starts_at, TZ);
      const to = instantToLocalMinute(a.ends_at, TZ);
      const weekday = isoWeekday(day);
      expect(from % 15, a.id).toBe(0);
      const inHours = hours.some((h) => h.doctor_id === a.doctor_id && h.weekday === weekday && h.start_minute <= from && to <= h.end_minute);
      expect(inHours, `${a.id} ${day} ${from}-${to}`).toBe(true);
      const inBreak = breaks.some((b) => b.doctor_id === a.doctor_id && b.weekday === weekday && from < b.end_minute && b.start_minute < to);
      expect(inBreak, a.id).toBe(false);
      expect(vacations.some((v) => v.doctor_id === a.doctor_id && overlaps(a, v)), a.id).toBe(false);
      expect(blocked.some((b) => overlaps(a, b)), a.id).toBe(false);
      if (day > '2026-03-29') afterDst++;
    }
    expect(afterDst).toBeGreaterThan(0);
  });

  it('does nothing when the database already has a clinic', () => {
    const before = (db.prepare('SELECT count(*) n FROM appointments').get() as { n: number }).n;
    expect(seedDemoClinic(db, { now: new Date(), seed: 99 })).toEqual({ seeded: false });
    expect((db.prepare('SELECT count(*) n FROM appointments').get() as { n: number }).n).toBe(before);
  });

  it('fills a default demo clinic without explicit sizes', () => {
    const small = fresh();
    const result = seedDemoClinic(small, { now: NOW });
    expect(result.counts?.patients).toBe(2000);
    expect(result.counts?.doctors).toBe(6);
    expect(result.counts?.appointments).toBeGreaterThan(1500);
  });
});
