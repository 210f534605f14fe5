import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/database.ts';
import { migrate } from '../../electron/db/schema/migrate.ts';

describe('SQL/migration 0004 recall indexes', () => {
  it('adds the partial covering index the recall criteria scan, and the planner uses it', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db, { upTo: 3 });
    const has = () => db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'appointments_completed_by_patient'`).get();
    expect(has()).toBeUndefined();
    migrate(db, { upTo: 4 });
    expect(has()).toBeDefined();
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT patient_id, MAX(COALESCE(completed_at, ends_at)), MAX(doctor_id = 'x')
         FROM appointments WHERE status = 'completed' AND deleted_at IS NULL GROUP BY patient_id`,
      )
      .all() as { detail: string }[];
    const text = plan.map((p) => p.detail).join(' | ');
    expect(text).toMatch(/INDEX appointments_completed_by_patient/);
    expect(text).not.toMatch(/TEMP B-TREE/);
  });
});
