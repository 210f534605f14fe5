/**
 * Secondary indexes and the recall-facts triggers left out during a clinic's first download, and
 * brought back once at its end (migrations 0007 and 0008; the ledger table keeps its first name
 * and holds the triggers' definitions too). Indexes: rows arrive in the server's order, which is
 * random for these indexes: at 200k appointments, keeping them cost ~12 s of inserts against ~1.5 s to build them afterwards from
 * sorted keys.
 *
 * Not deferred, so the desk stays usable while the download runs: unique indexes (they enforce
 * rules), appointments_clinic_start (the day schedule and free-slot finder read through it),
 * patients_names (named by an INDEXED BY clause, which fails without it) and the search table.
 * Queries that would use a deferred index still answer correctly meanwhile, by scanning.
 *
 * Triggers: the recall facts (migration 0006) are recomputed from the rows at the end instead
 * (recall-facts-rebuild.ts); until then a campaign count on this desk counts what the facts held
 * before the download.
 */
import type { WriteDb } from '../database.ts';
import { stmt } from '../statements.ts';
import { REBUILD_PATIENTS_PER_RANGE, rebuildNextRecallFactsRange, startRecallFactsRebuild } from './recall-facts-rebuild.ts';

export const FIRST_SYNC_DEFERRED_INDEXES: readonly string[] = [
  'appointments_doctor_start',
  'appointments_patient_start',
  'appointments_day',
  'appointments_completed_by_patient',
  'appointments_open_by_patient',
  'patients_clinic_name',
  'patients_phone',
  'patients_clinic_birth',
  'audit_log_clinic_at',
  'audit_log_row',
];

/** Every trigger that keeps the recall facts (migration 0006), on patients and appointments. */
export const FIRST_SYNC_DEFERRED_TRIGGERS: readonly string[] = [
  'recall_facts_patient_insert',
  'recall_facts_patient_update',
  'recall_facts_patient_delete',
  'recall_facts_visit_insert',
  'recall_facts_open_insert',
  'recall_facts_visit_update',
  'recall_facts_open_update',
  'recall_facts_visit_remove',
  'recall_facts_open_remove',
  'recall_facts_visit_delete',
  'recall_facts_open_delete',
];

interface SchemaDefinition {
  name: string;
  sql: string;
}
type IndexDefinition = SchemaDefinition;

function hasLedger(db: WriteDb): boolean {
  return stmt(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'deferred_indexes'`).get() !== undefined;
}

/**
 * Drops the named indexes and triggers that exist, recording each definition in the same
 * transaction. Answers how many were dropped. Callers hold no transaction (DDL gets its own).
 */
export function deferForFirstDownload(
  db: WriteDb,
  indexes: readonly string[] = FIRST_SYNC_DEFERRED_INDEXES,
  triggers: readonly string[] = FIRST_SYNC_DEFERRED_TRIGGERS,
): number {
  return db.transaction(() => {
    const find = stmt<SchemaDefinition>(db, `SELECT name, sql FROM sqlite_master WHERE type = ? AND name = ? AND sql IS NOT NULL`);
    const record = stmt(db, 'INSERT INTO deferred_indexes (name, sql) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET sql = excluded.sql');
    let dropped = 0;
    for (const [type, names] of [['index', indexes], ['trigger', triggers]] as const) {
      for (const name of names) {
        const found = find.get(type, name);
        if (!found) continue;
        record.run(found.name, found.sql);
        db.exec(`DROP ${type.toUpperCase()} ${quoteIdent(found.name)}`);
        dropped++;
      }
    }
    return dropped;
  }).immediate();
}

const isTrigger = (d: SchemaDefinition) => /^CREATE\s+TRIGGER/i.test(d.sql);

/** The index definitions still waiting to be built. */
export function pendingDeferredIndexes(db: WriteDb): IndexDefinition[] {
  return pendingDeferred(db).filter((d) => !isTrigger(d));
}

/** The trigger definitions still waiting to be created. */
export function pendingDeferredTriggers(db: WriteDb): SchemaDefinition[] {
  return pendingDeferred(db).filter(isTrigger);
}

function pendingDeferred(db: WriteDb): SchemaDefinition[] {
  if (!hasLedger(db)) return [];
  return stmt<SchemaDefinition>(db, 'SELECT name, sql FROM deferred_indexes ORDER BY name').all();
}

/**
 * Creates the deferred triggers and starts the recall-facts rebuild, in one transaction: from its
 * commit on every write keeps the facts again, and the rebuild's ranges correct what was missed.
 */
function restoreDeferredTriggers(db: WriteDb): void {
  const pending = pendingDeferredTriggers(db);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const trigger of pending) {
      const exists = stmt(db, `SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?`).get(trigger.name) !== undefined;
      if (!exists) db.exec(trigger.sql);
      stmt(db, 'DELETE FROM deferred_indexes WHERE name = ?').run(trigger.name);
    }
    startRecallFactsRebuild(db);
  }).immediate();
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
 * Builds every deferred index, one transaction each, then brings the triggers back and rebuilds
 * the recall facts a range of patients per transaction (the facts' queries need the patient
 * index); `between` runs after each transaction (the sync worker lets a waiting writer in there).
 * Answers how many indexes were built.
 */
export async function restoreDeferred(db: WriteDb, between: () => Promise<void>, patientsPerRange = REBUILD_PATIENTS_PER_RANGE): Promise<number> {
  const pending = pendingDeferredIndexes(db);
  for (const index of pending) {
    buildDeferredIndex(db, index);
    await between();
  }
  restoreDeferredTriggers(db);
  while (rebuildNextRecallFactsRange(db, patientsPerRange)) await between();
  return pending.length;
}

/** The same, synchronously: at start-up, before anything else uses the database. */
export function restoreDeferredNow(db: WriteDb): number {
  const pending = pendingDeferredIndexes(db);
  for (const index of pending) buildDeferredIndex(db, index);
  restoreDeferredTriggers(db);
  while (rebuildNextRecallFactsRange(db));
  return pending.length;
}

/**
 * CREATE INDEX sorts its keys in up to cache_size of memory on top of the page cache itself, so
 * the builds run with a 2 MB cache (its pages released first): measured as fast as with 32 MiB
 * (1.3-1.5 s for the 200k-appointment indexes either way; the sorter spills sorted runs and
 * merges them in one pass), and the worker's memory stays low. One helper thread sorts runs
 * alongside (the download's other work is done by then, so the second core is free): the
 * indexes of a 200k first sync took 1.59-1.83 s instead of 1.75-1.98 (two helpers: no better).
 * Answers the function that puts the cache size and thread count back.
 */
function smallSorter(db: WriteDb): () => void {
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('shrink_memory');
  db.pragma('cache_size = -2000');
  db.pragma('threads = 1');
  return () => {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma('threads = 0');
  };
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
