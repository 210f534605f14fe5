import { createHash } from 'node:crypto';
import type { ReadDb, WriteDb } from '../database.ts';
import { stmt } from '../statements.ts';
import { ROWS_PER_STATEMENT, statementFor } from '../bulk-insert.ts';

/** Generic row access for the sync engine: one mechanism for every synced table (no per-table code). */
export type SyncRow = Record<string, unknown>;

const columnCache = new WeakMap<object, Map<string, string[]>>();

export function tableColumns(db: ReadDb, table: string): string[] {
  let perDb = columnCache.get(db);
  if (!perDb) columnCache.set(db, (perDb = new Map()));
  let cols = perDb.get(table);
  if (!cols) {
    cols = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    perDb.set(table, cols);
  }
  return cols;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

/** Server JSON value → local column value: instants to the local UTC ms format, flags 0/1, JSON as text. */
export function toLocalValue(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return INSTANT.test(v) ? new Date(v).toISOString() : v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return JSON.stringify(v);
}

/** Keeps the local columns of a server row, converted. */
export function normaliseServerRow(db: ReadDb, table: string, row: SyncRow): SyncRow {
  const out: SyncRow = {};
  for (const c of tableColumns(db, table)) if (c in row) out[c] = toLocalValue(row[c]);
  return out;
}

export function getLocalRow(db: ReadDb, table: string, id: string): SyncRow | undefined {
  return stmt<SyncRow>(db, `SELECT * FROM ${table} WHERE id = ?`).get(id);
}

export function getLocalVersion(db: ReadDb, table: string, id: string): number | undefined {
  return stmt<{ version: number }>(db, `SELECT version FROM ${table} WHERE id = ?`).get(id)?.version;
}

/**
 * Writes a full row. `onlyNewer` keeps a local row that is already at a newer server version
 * (delivery is at least once and may repeat an older state). INSERT or UPDATE, never an UPSERT:
 * an UPSERT's conflict clause overrides the `INSERT OR IGNORE` inside the patient search triggers.
 */
export function upsertRow(db: WriteDb, table: string, row: SyncRow, onlyNewer: boolean): void {
  const cols = tableColumns(db, table).filter((c) => c in row);
  const params: SyncRow = {};
  for (const c of cols) params[c] = row[c];
  const local = getLocalVersion(db, table, row.id as string);
  if (local === undefined) {
    stmt(db, `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(params);
    return;
  }
  if (onlyNewer && (row.version as number) < local) return;
  const set = cols.filter((c) => c !== 'id').map((c) => `${c} = @${c}`);
  stmt(db, `UPDATE ${table} SET ${set.join(', ')} WHERE id = @id`).run(params);
}

export function deleteLocalRow(db: WriteDb, table: string, id: string): void {
  stmt(db, `DELETE FROM ${table} WHERE id = ?`).run(id);
}

/** Records the server version of an acknowledged write, never moving a row back. */
export function setAcknowledgedVersion(db: WriteDb, table: string, id: string, version: number): void {
  stmt(db, `UPDATE ${table} SET version = ? WHERE id = ? AND version < ?`).run(version, id, version);
}

/** Marks a row as unknown to the server (restored server lost it): it will be pushed as an insert. */
export function resetVersion(db: WriteDb, table: string, id: string): void {
  stmt(db, `UPDATE ${table} SET version = 0 WHERE id = ?`).run(id);
}

export interface TableChecksum {
  count: number;
  checksum: number;
}

const MOD = 4294967296;

/**
 * Count and checksum of (id, version) over the acknowledged rows (version > 0) of one table, the
 * same formula as the server's sync_checksums(); `chunk` rows per call so a caller can yield.
 */
export function* checksumTable(db: ReadDb, table: string, chunk: number): Generator<void, TableChecksum> {
  let count = 0;
  let sum = 0;
  let after = '';
  const page = stmt<{ id: string; version: number }>(
    db,
    `SELECT id, version FROM ${table} WHERE version > 0 AND id > ? ORDER BY id LIMIT ?`,
  );
  for (;;) {
    const rows = page.all(after, chunk);
    for (const r of rows) {
      const h = createHash('md5').update(`${r.id}:${r.version}`).digest();
      sum = (sum + h.readUInt32BE(0)) % MOD;
    }
    count += rows.length;
    if (rows.length < chunk) return { count, checksum: sum };
    after = rows[rows.length - 1]!.id;
    yield;
  }
}

/**
 * Writes pulled rows that arrive as value arrays in a server column order (sync_pull_compact):
 * statements prepared once per table and column list, values bound positionally, no per-row
 * objects. Server columns the local schema lacks are dropped.
 */
export interface BlockWriter {
  readonly idIndex: number;
  readonly versionIndex: number;
  localVersion(id: string): number | undefined;
  insert(row: unknown[]): void;
  /**
   * INSERT without looking first: false (nothing written) on a constraint error, e.g. a row with
   * this id exists (a caller then looks it up; a plain insert would raise a real error again).
   */
  tryInsert(row: unknown[]): boolean;
  /**
   * rows[from .. from + ROWS_PER_STATEMENT) in one INSERT statement, or nothing and false on a
   * constraint error. One statement instead of one per row: a statement with triggers opens a
   * savepoint, and FTS5 writes its pending terms out at every savepoint (20k patients: 1.7 s one
   * by one, 0.5 s in batches).
   */
  tryInsertBatch(rows: unknown[][], from: number): boolean;
  update(row: unknown[]): void;
  /** The row as a column → value object (rebase and resync paths). */
  toObject(row: unknown[]): SyncRow;
}

const writerCache = new WeakMap<object, Map<string, BlockWriter>>();

export function blockWriter(db: WriteDb, table: string, columns: string[]): BlockWriter {
  let perDb = writerCache.get(db);
  if (!perDb) writerCache.set(db, (perDb = new Map()));
  const key = `${table}(${columns.join(',')})`;
  let w = perDb.get(key);
  if (!w) perDb.set(key, (w = makeBlockWriter(db, table, columns)));
  return w;
}

function makeBlockWriter(db: WriteDb, table: string, columns: string[]): BlockWriter {
  const local = new Set(tableColumns(db, table));
  const keep = columns.map((c, i) => (local.has(c) ? i : -1)).filter((i) => i >= 0);
  const names = keep.map((i) => columns[i]!);
  const idIndex = columns.indexOf('id');
  const versionIndex = columns.indexOf('version');
  if (idIndex < 0 || versionIndex < 0) throw new Error(`pulled ${table} rows lack id or version`);
  const all = keep.length === columns.length;
  const pick = (row: unknown[]): unknown[] => (all ? row : keep.map((i) => row[i]));
  const insert = db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
  const constraintError = (err: unknown) => String((err as { code?: string }).code).startsWith('SQLITE_CONSTRAINT');
  const update = db.prepare(`UPDATE ${table} SET ${names.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
  const version = db.prepare(`SELECT version FROM ${table} WHERE id = ?`).pluck();
  return {
    idIndex,
    versionIndex,
    localVersion: (id) => version.get(id) as number | undefined,
    insert: (row) => void insert.run(pick(row)),
    tryInsert(row) {
      try {
        insert.run(pick(row));
        return true;
      } catch (err) {
        // Any unique index may report the existing row first (indexes are checked newest first).
        // The failed statement is rolled back on its own; the transaction goes on.
        if (constraintError(err)) return false;
        throw err;
      }
    },
    tryInsertBatch(rows, from) {
      const insertBatch = statementFor(db, table, names, ROWS_PER_STATEMENT);
      const values: unknown[] = [];
      for (let k = from; k < from + ROWS_PER_STATEMENT; k++) {
        const row = pick(rows[k]!);
        for (let c = 0; c < row.length; c++) values.push(row[c]);
      }
      try {
        insertBatch.run(values);
        return true;
      } catch (err) {
        if (constraintError(err)) return false;
        throw err;
      }
    },
    update: (row) => void update.run([...pick(row), row[idIndex]]),
    toObject(row) {
      const out: SyncRow = {};
      for (let k = 0; k < keep.length; k++) out[names[k]!] = row[keep[k]!];
      return out;
    },
  };
}

export const BULK_CACHE_KIB = 32768;

/**
 * A larger page cache during a large download: inserts with random ids into the indexes
 * otherwise evict and re-read the same pages slice after slice, and in the encrypted database
 * every re-read is a page decrypted and every eviction of a dirty page one more encrypted.
 * 32 MiB (2026-12-06, 200k appointments, encrypted desk, 2-core VM): 15.0-18.8k rows/s and
 * 13.7-17.4 s of desk CPU, against 13.3-17.3k and 15.8-21.4 s with 8 MiB. 64 MiB was not clearly
 * faster and left the host at 259 MB after the sync (the worker's freed cache stays in its
 * malloc arena); with 32 MiB 188 MB (goal 250).
 * Answers the function that puts the connection's own cache size back. (Rarer WAL checkpoints
 * were tried: the one big checkpoint at the end then blocked the main process for ~600 ms.)
 */
export function bulkLoad(db: WriteDb): () => void {
  const before = db.pragma('cache_size', { simple: true }) as number;
  const pageKiB = (db.pragma('page_size', { simple: true }) as number) / 1024;
  const kib = before < 0 ? -before : before * pageKiB;
  if (kib < BULK_CACHE_KIB) db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  return () => void db.pragma(`cache_size = ${before}`);
}
