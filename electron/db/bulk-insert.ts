import type Database from 'better-sqlite3-multiple-ciphers';
import type { ReadDb, WriteDb } from './database.ts';

/**
 * Fast loading of many rows (demo clinic, benchmarks, big initial states): multi-row INSERT
 * statements prepared once per (table, columns, row count) and one transaction per batch.
 * It bypasses the outbox and audit log on purpose: callers load initial state, not user edits.
 */
export type BulkRow = Record<string, unknown>;

const IDENT = /^[a-z_][a-z0-9_]*$/;
/** Rows per INSERT statement: large enough to amortise the call, far below SQLite's 32766 params. */
export const ROWS_PER_STATEMENT = 64;
const cache = new WeakMap<WriteDb, Map<string, Database.Statement>>();

/** INSERT of `rows` rows of `columns` in one statement (the sync's first download uses it too). */
export function statementFor(db: WriteDb, table: string, columns: readonly string[], rows: number): Database.Statement {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const key = `${table}(${columns.join(',')})x${rows}`;
  let stmt = perDb.get(key);
  if (!stmt) {
    const one = `(${columns.map(() => '?').join(',')})`;
    stmt = db.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${Array(rows).fill(one).join(',')}`);
    perDb.set(key, stmt);
  }
  return stmt;
}

/**
 * Inserts rows (any iterable, consumed lazily so a generator of a million rows never sits in
 * memory) into table, batchSize rows per transaction. Every row must have the first row's keys.
 * Returns the number of rows inserted.
 */
export function bulkInsert(db: WriteDb, table: string, rows: Iterable<BulkRow>, batchSize = 10_000): number {
  if (!IDENT.test(table)) throw new Error(`bad table name: ${table}`);
  let columns: string[] | null = null;
  let values: unknown[] = [];
  let pendingRows = 0;
  let total = 0;

  const flushStatements = (all: boolean) => {
    const cols = columns!;
    const width = cols.length;
    let offset = 0;
    while (pendingRows - offset / width >= ROWS_PER_STATEMENT) {
      statementFor(db, table, cols, ROWS_PER_STATEMENT).run(values.slice(offset, offset + width * ROWS_PER_STATEMENT));
      offset += width * ROWS_PER_STATEMENT;
    }
    const rest = pendingRows - offset / width;
    if (all && rest > 0) {
      statementFor(db, table, cols, rest).run(values.slice(offset));
      offset = values.length;
    }
    const done = offset / width;
    values = values.slice(offset);
    pendingRows -= done;
    total += done;
  };
  const commitBatch = db.transaction(() => flushStatements(true));

  for (const row of rows) {
    if (!columns) {
      columns = Object.keys(row);
      for (const c of columns) if (!IDENT.test(c)) throw new Error(`bad column name: ${c}`);
    }
    for (const c of columns) values.push(row[c] ?? null);
    pendingRows++;
    if (pendingRows >= batchSize) commitBatch();
  }
  if (columns && pendingRows > 0) commitBatch();
  return total;
}

/** True when the table holds at least one row (e.g. "is a clinic set up already?"). */
export function hasAnyRow(db: ReadDb, table: string): boolean {
  if (!IDENT.test(table)) throw new Error(`bad table name: ${table}`);
  return db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined;
}

/**
 * Runs a big load with durability relaxed (a crash mid-load just means "build it again") and a
 * larger page cache, then restores the app's settings (synchronous=FULL, foreign keys) and
 * checkpoints the WAL. Foreign keys are not checked during the load: the caller builds
 * consistent rows (the demo tests run PRAGMA foreign_key_check).
 * With `large`, the journal is off during the load and the listed tables' secondary indexes are
 * dropped and rebuilt afterwards from their own definitions (a sorted build is several times
 * faster than a million random index inserts). Not for a load that must roll back as a whole.
 */
export function withBulkLoadSettings<T>(db: WriteDb, fn: () => T, large?: { tables: readonly string[] }): T {
  const sync = db.pragma('synchronous', { simple: true }) as number;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const fk = db.pragma('foreign_keys', { simple: true }) as number;
  const journal = db.pragma('journal_mode', { simple: true }) as string;
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -131072');
  let indexes: { name: string; sql: string }[] = [];
  if (large) {
    db.pragma('journal_mode = OFF');
    for (const t of large.tables) if (!IDENT.test(t)) throw new Error(`bad table name: ${t}`);
    indexes = db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
           AND tbl_name IN (${large.tables.map(() => '?').join(',')})`,
      )
      .all(...large.tables) as { name: string; sql: string }[];
    for (const ix of indexes) db.exec(`DROP INDEX "${ix.name}"`);
  }
  try {
    return fn();
  } finally {
    for (const ix of indexes) db.exec(ix.sql);
    if (large) db.pragma(`journal_mode = ${journal}`);
    db.pragma(`synchronous = ${Number(sync)}`);
    db.pragma(`foreign_keys = ${Number(fk)}`);
    db.pragma(`cache_size = ${Number(cacheSize)}`);
    if (db.pragma('journal_mode', { simple: true }) === 'wal') db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
