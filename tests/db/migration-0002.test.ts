import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/database.ts';
import { migrate } from '../../electron/db/schema/migrate.ts';
import { FX, seedFixture } from './fixtures.ts';

const match = (db: ReturnType<typeof openDatabase>, q: string) =>
  (
    db
      .prepare(
        `SELECT k.patient_id AS id FROM patient_search s JOIN patient_search_keys k ON k.key = s.rowid
         WHERE patient_search MATCH ? ORDER BY k.patient_id`,
      )
      .all(q) as { id: string }[]
  ).map((r) => r.id);

describe('SQL/migration 0002 patient search', () => {
  it('indexes patients that existed before the migration', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db, { upTo: 1 });
    seedFixture(db);
    migrate(db, { upTo: 2 });
    expect(match(db, '{name} : "garcia"')).toEqual([FX.patient]);
    expect(match(db, '{phone} : "34600000001"')).toEqual([FX.patient]);
  });

  it('keeps the index in step with inserts, updates, soft and hard deletes', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db);
    seedFixture(db);
    const id = '01900000-0000-7000-8000-00000000a0f1';
    db.prepare(
      `INSERT INTO patients (id, clinic_id, first_name, last_name, phone, national_id, updated_at)
       VALUES (?, ?, 'Íñigo', 'Ibáñez', '(+34) 655-12.34.56', 'x-1234567 l', '2026-01-01T00:00:00.000Z')`,
    ).run(id, FX.clinic);
    expect(match(db, '{name} : "inigo iba"')).toEqual([id]);
    expect(match(db, '{phone} : "34655123456"')).toEqual([id]);
    expect(match(db, '{national_id} : "X1234567L"')).toEqual([id]);
    db.prepare(`UPDATE patients SET last_name = 'Ortiz', phone = NULL WHERE id = ?`).run(id);
    expect(match(db, '{name} : "ibanez"')).toEqual([]);
    expect(match(db, '{name} : "ortiz"')).toEqual([id]);
    db.prepare(`UPDATE patients SET deleted_at = '2026-02-01T00:00:00.000Z' WHERE id = ?`).run(id);
    expect(match(db, '{name} : "ortiz"')).toEqual([]);
    db.prepare(`UPDATE patients SET deleted_at = NULL WHERE id = ?`).run(id);
    expect(match(db, '{name} : "ortiz"')).toEqual([id]);
    db.prepare(`DELETE FROM patients WHERE id = ?`).run(id);
    expect(match(db, '{name} : "ortiz"')).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM patient_search_keys WHERE patient_id = ?').get(id)).toEqual({ n: 0 });
  });

  it('survives an upsert that replaces a patient row (as a sync apply may do)', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db);
    seedFixture(db);
    db.prepare(
      `INSERT OR REPLACE INTO patients (id, clinic_id, first_name, last_name, updated_at)
       VALUES (?, ?, 'Lucía', 'Serrano', '2026-03-01T00:00:00.000Z')`,
    ).run(FX.patient, FX.clinic);
    expect(match(db, '{name} : "serrano"')).toEqual([FX.patient]);
    expect(match(db, '{name} : "garcia"')).toEqual([]);
  });

  it('answers a search through the trigram index, not a table scan', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db);
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN SELECT rowid FROM patient_search WHERE patient_search MATCH '"garc"'`).all() as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan.join(' ')).toMatch(/VIRTUAL TABLE INDEX/);
  });
});
