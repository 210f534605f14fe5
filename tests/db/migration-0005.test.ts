import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/database.ts';
import { migrate } from '../../electron/db/schema/migrate.ts';
import { listStartingBetween } from '../../electron/db/repos/appointments.ts';

const plan = (db: ReturnType<typeof openDatabase>, sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('c', 'a', 'b') as { detail: string }[]).map((p) => p.detail).join(' | ');

describe('SQL/migration 0005 day schedule indexes', () => {
  it('adds the covering indexes and the day query reads only them', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db, { upTo: 4 });
    const has = (name: string) => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).get(name);
    expect(has('appointments_day')).toBeUndefined();
    expect(has('patients_names')).toBeUndefined();
    migrate(db, { upTo: 5 });
    expect(has('appointments_day')).toBeDefined();
    expect(has('patients_names')).toBeDefined();
    // The repository's own statement, planned: both tables through covering indexes, no table rows.
    const text = plan(
      db,
      `SELECT a.id, a.doctor_id, a.room_id, a.patient_id, p.first_name, p.last_name, a.appointment_type_id,
              a.starts_at, a.ends_at, a.status, a.notes
       FROM appointments a JOIN patients p INDEXED BY patients_names ON p.id = a.patient_id
       WHERE a.clinic_id = ? AND a.starts_at >= ? AND a.starts_at < ? AND a.deleted_at IS NULL
       ORDER BY a.starts_at, a.doctor_id`,
    );
    expect(text).toMatch(/SEARCH a USING COVERING INDEX appointments_day \(clinic_id=\? AND starts_at>\? AND starts_at<\?\)/);
    expect(text).toMatch(/SEARCH p USING COVERING INDEX patients_names \(id=\?\)/);
    // And the repository runs against the migrated schema (INDEXED BY names an existing index).
    expect(listStartingBetween(db, 'c', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z')).toEqual([]);
  });
});
