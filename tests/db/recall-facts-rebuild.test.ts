import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase, type WriteDb } from '../../electron/db/database.ts';
import { migrate } from '../../electron/db/schema/migrate.ts';
import { deferForFirstDownload, pendingDeferredTriggers, restoreDeferred } from '../../electron/db/schema/deferred-indexes.ts';
import { pendingRecallFactsRebuild } from '../../electron/db/schema/recall-facts-rebuild.ts';
import { freshDb, seedFixture } from './fixtures.ts';
import { addPatient } from './recall-fixtures.ts';
import { applyOp, expectedFacts, factsClinic, op, storedFacts } from './recall-facts-model.ts';

/**
 * A first download runs without the recall-facts triggers and recomputes the facts at its end, a
 * few patients per transaction, with the triggers already back. Whatever was written before the
 * download, during it (no triggers) and between the rebuild's transactions (a receptionist at
 * work), the facts must end equal to a computation from the rows.
 */
describe('recall facts rebuilt after a first download', () => {
  it('equal a fresh computation after writes before, during and between the rebuild ranges', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { maxLength: 15 }),
        fc.array(op, { minLength: 1, maxLength: 40 }),
        fc.array(fc.array(op, { maxLength: 4 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        async (before, during, between, perRange) => {
          const db = freshDb();
          seedFixture(db);
          const { patients, types } = factsClinic(db);
          const appts: string[] = [];
          for (const o of before) applyOp(db, o, patients, types, appts);
          deferForFirstDownload(db);
          // Patients that arrive with the download, then rows and changes for everyone.
          for (let i = 0; i < 4; i++) patients.push(addPatient(db, { first: `Downloaded ${i}` }));
          for (const o of during) applyOp(db, o, patients, types, appts);
          let step = 0;
          await restoreDeferred(
            db,
            async () => {
              for (const o of between[step++] ?? []) applyOp(db, o, patients, types, appts);
            },
            perRange,
          );
          expect(pendingDeferredTriggers(db)).toEqual([]);
          expect(pendingRecallFactsRebuild(db)).toBeNull();
          expect(storedFacts(db)).toEqual(expectedFacts(db));
          db.close();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('resumes at the next start when the process dies between two ranges', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinic-desk-facts-'));
    try {
      const path = join(dir, 'desk.db');
      const db: WriteDb = openDatabase({ path });
      migrate(db);
      seedFixture(db);
      const { patients, types } = factsClinic(db);
      deferForFirstDownload(db);
      const appts: string[] = [];
      const rows = fc.sample(op, { numRuns: 60, seed: 7 });
      for (const o of rows) applyOp(db, o, patients, types, appts);
      let ranges = 0;
      const died = new Error('killed');
      await expect(
        restoreDeferred(
          db,
          async () => {
            // After the index builds come the ranges: two committed ranges of 2 patients, then death.
            if (pendingRecallFactsRebuild(db) !== null && ++ranges === 2) throw died;
          },
          2,
        ),
      ).rejects.toBe(died);
      expect(pendingRecallFactsRebuild(db)).not.toBeNull();
      db.close();

      const reopened = openDatabase({ path });
      migrate(reopened);
      expect(pendingRecallFactsRebuild(reopened)).toBeNull();
      expect(storedFacts(reopened)).toEqual(expectedFacts(reopened));
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
