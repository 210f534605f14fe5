import { buildDemo, type DemoOptions } from '../../resources/demo/build.ts';
import { bulkInsert, hasAnyRow, withBulkLoadSettings } from '../db/bulk-insert.ts';
import type { WriteDb } from '../db/database.ts';

// The rows are built in resources/demo/ (shared with the embedded server's seed).
export { type DemoOptions, demoWindow, sizeWindow } from '../../resources/demo/build.ts';

export interface DemoResult {
  seeded: boolean;
  counts?: Record<string, number>;
}

/**
 * Fills an empty database with the demo clinic, deterministically for (seed, now): the same
 * inputs give the same rows. A database that already has a clinic is left alone (fast no-op),
 * so the app can call this on every start. Rows are initial state (version 0), not outbox writes.
 */
export function seedDemoClinic(db: WriteDb, options: DemoOptions): DemoResult {
  if (hasAnyRow(db, 'clinics')) return { seeded: false };
  const demo = buildDemo(options);
  const counts: Record<string, number> = {};
  const log = options.log ?? (() => {});
  const load = () => {
    for (const { table, rows } of demo.tables) {
      const t = performance.now();
      counts[table] = bulkInsert(db, table, rows);
      if (table === 'patients' || table === 'appointments') {
        const range = table === 'appointments' ? ` (${demo.window.firstDay} .. ${demo.window.lastDay})` : '';
        log(`${table}: ${counts[table]}${range} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
    }
  };
  // A small demo loads atomically (a crash never leaves half a clinic that looks seeded).
  const small = demo.patientCount <= 20_000 && (options.appointments ?? 0) <= 50_000;
  if (small) withBulkLoadSettings(db, db.transaction(load));
  else withBulkLoadSettings(db, load, { tables: ['patients', 'appointments'] });
  return { seeded: true, counts };
}
