/**
 * Secondary indexes left out during a clinic's first download and built once at its end (see
 * migration 0007). Rows arrive in the server's order, which is random for these indexes: at 200k
 * appointments, keeping them cost ~12 s of inserts against ~1.5 s to build them afterwards from
 * sorted keys.
 *
 * Not deferred, so the desk stays usable while the download runs: unique indexes (they enforce
 * rules), appointments_clinic_start (the day schedule and free-slot finder read through it),
 * patients_names (named by an INDEXED BY clause, which fails without it) and the search table.
 * Queries that would use a deferred index still answer correctly meanwhile, by scanning.
 */
import type { WriteDb } from '../database.ts';
import { stmt } from '../statements.ts';

export const FIRST_SYNC_DEFERRED_INDEXES: readonly string[] = [
  'appointments_doctor_start',
  'appointments_patient_start',
  'appointments_day',
  'patients_clinic_name',
  'patients_phone',
  'patients_clinic_birth',
  'audit_log_clinic_at',
  'audit_log_row',
];

interface IndexDefinition {
  name: string;
  sql: string;
}

function hasLedger(db: WriteDb): boolean {
  return stmt(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'deferred_indexes'`).get() !== undefined;
}

/**
 * Drops the named indexes that exist, recording each definition in the same transaction.
 * Answers how many were dropped. Callers hold no transaction (DDL gets its own).
 */
export function deferIndexes(db: WriteDb, names: readonly string[] = FIRST_SYNC_DEFERRED_INDEXES): number {
  return db.transaction(() => {
    const find = stmt<IndexDefinition>(db, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name = ? AND sql IS NOT NULL`);
    const record = stmt(db, 'INSERT INTO deferred_indexes (name, sql) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET sql = excluded.sql');
    let dropped = 0;
    for (const name of names) {
      const index = find.get(name);
      if (!index) continue;
      record.run(index.name, index.sql);
      db.exec(`DROP INDEX ${quoteIdent(index.name)}`);
      dropped++;
    }
    return dropped;
  }).immediate();
}

/** The definitions still waiting to be built. */
export function pendingDeferredIndexes(db: WriteDb): IndexDefinition[] {
  if (!hasLedger(db)) return [];
  return stmt<IndexDefinition>(db, 'SELECT name, sql FROM deferred_indexes ORDER BY name').all();
}

/** Builds one deferred index and forgets its record, in one transaction. */
export function buildDeferredIndex(db: WriteDb, index: IndexDefinition): void {
  const restoreCache = smallSorter(db);
  try {
    db.transaction(() => {
      const exists = stmt(db, `SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).get(index.name) !== undefined;
      if (!exists) db.exec(index.sql);
      stmt(db, 'DELETE FROM deferred_indexes WHERE name = ?').run(index.name);
    }).immediate();
  } finally {
    restoreCache();
  }
}

/**
 * Builds every deferred index, one transaction each; `between` runs after each one (the sync
 * worker lets a waiting writer in there). Answers how many were built.
 */
export async function restoreDeferredIndexes(db: WriteDb, between: () => Promise<void>): Promise<number> {
  const pending = pendingDeferredIndexes(db);
  for (const index of pending) {
    buildDeferredIndex(db, index);
    await between();
  }
  return pending.length;
}

/** The same, synchronously: at start-up, before anything else uses the database. */
export function restoreDeferredIndexesNow(db: WriteDb): number {
  const pending = pendingDeferredIndexes(db);
  for (const index of pending) buildDeferredIndex(db, index);
  return pending.length;
}

/**
 * CREATE INDEX sorts its keys in up to cache_size of memory on top of the page cache itself, so
 * the builds run with a 2 MB cache (its pages released first): measured as fast as with 32 MiB
 * (1.3-1.5 s for the 200k-appointment indexes either way; the sorter spills sorted runs and
 * merges them in one pass), and the worker's memory stays low. Answers the function that puts
 * the cache size back.
 */
function smallSorter(db: WriteDb): () => void {
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('shrink_memory');
  db.pragma('cache_size = -2000');
  return () => void db.pragma(`cache_size = ${cacheSize}`);
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
