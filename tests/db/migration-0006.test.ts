import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/database.ts';
import { migrate } from '../../electron/db/schema/migrate.ts';
import { FX, freshDb, seedFixture } from './fixtures.ts';
import { addPatient, addType, addVisit } from './recall-fixtures.ts';
import { applyOp, expectedFacts, factsClinic, op, STATUSES, storedFacts } from './recall-facts-model.ts';

/**
 * Migration 0006's recall facts are derived data kept by triggers. Whatever any writer does to
 * patients and appointments (insert, every kind of update, soft and hard delete), the facts must
 * equal what a from-scratch computation over the rows gives, and the backfill must give the same.
 */

describe('SQL/migration 0006 recall facts', () => {
  it('keeps the facts equal to a fresh computation through any sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const db = freshDb();
        seedFixture(db);
        const { patients, types } = factsClinic(db);
        const appts: string[] = [];
        for (const o of ops) applyOp(db, o, patients, types, appts);
        expect(storedFacts(db)).toEqual(expectedFacts(db));
        db.close();
      }),
      { numRuns: 200 },
    );
  });

  it('forgets a hard-deleted patient', () => {
    const db = freshDb();
    seedFixture(db);
    const id = addPatient(db);
    expect(storedFacts(db).patients[id]).toBeDefined();
    db.prepare('DELETE FROM patients WHERE id = ?').run(id);
    expect(storedFacts(db).patients[id]).toBeUndefined();
    expect(storedFacts(db)).toEqual(expectedFacts(db));
  });

  it('fills the facts for the rows of a version-5 database', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db, { upTo: 5 });
    seedFixture(db);
    const types = [FX.type, addType(db, 'Check-up')];
    for (let i = 0; i < 20; i++) {
      const p = addPatient(db, { first: `P${i}`, optOut: i % 7 === 0, deleted: i % 9 === 0 });
      for (let v = 0; v < i % 4; v++) {
        addVisit(db, p, {
          at: new Date(Date.parse('2025-01-01T10:00:00Z') + (i * 13 + v) * 86_400_000).toISOString(),
          status: STATUSES[(i + v) % STATUSES.length],
          typeId: v === 2 ? null : types[v % 2]!,
          doctorId: v % 2 ? FX.doctorA : FX.doctorB,
        });
      }
    }
    migrate(db, { upTo: 6 });
    const stored = storedFacts(db);
    expect(Object.keys(stored.patients).length).toBeGreaterThan(20);
    expect(stored.doctors.length).toBeGreaterThan(0);
    expect(stored).toEqual(expectedFacts(db));
  });
});
