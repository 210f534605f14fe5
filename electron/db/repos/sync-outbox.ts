import type { ReadDb, WriteDb } from '../database.ts';
import { stmt } from '../statements.ts';

/** One queued local change, as stored. */
export interface OutboxRow {
  seq: number;
  id: string;
  clinic_id: string;
  table_name: string;
  row_id: string;
  op: 'insert' | 'update' | 'delete';
  changes: string;
  base_version: number;
  actor_staff_id: string | null;
  created_at: string;
  status: 'pending' | 'parked';
  attempts: number;
  last_error: string | null;
}

/**
 * The next pending mutations in write order. The batch stops before a second mutation of a row
 * already in it: that one's base version is only known once the first is acknowledged, and
 * cutting (rather than skipping) keeps every later mutation in order behind it.
 */
export function nextPushBatch(db: ReadDb, limit: number): OutboxRow[] {
  const rows = stmt<OutboxRow>(db, `SELECT * FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT ?`).all(limit);
  const seen = new Set<string>();
  const batch: OutboxRow[] = [];
  for (const r of rows) {
    const key = `${r.table_name}:${r.row_id}`;
    if (seen.has(key)) break;
    seen.add(key);
    batch.push(r);
  }
  return batch;
}

export function getOutbox(db: ReadDb, id: string): OutboxRow | undefined {
  return stmt<OutboxRow>(db, 'SELECT * FROM outbox WHERE id = ?').get(id);
}

export function deleteOutbox(db: WriteDb, id: string): void {
  stmt(db, 'DELETE FROM outbox WHERE id = ?').run(id);
}

/** Pending mutations of one row written after `seq`, in order. */
export function laterMutationsOfRow(db: ReadDb, table: string, rowId: string, seq: number): OutboxRow[] {
  return stmt<OutboxRow>(
    db,
    `SELECT * FROM outbox WHERE table_name = ? AND row_id = ? AND status = 'pending' AND seq > ? ORDER BY seq`,
  ).all(table, rowId, seq);
}

/** Every pending mutation of one row, in order (rebase of a pulled row). */
export function pendingMutationsOfRow(db: ReadDb, table: string, rowId: string): OutboxRow[] {
  return stmt<OutboxRow>(
    db,
    `SELECT * FROM outbox WHERE table_name = ? AND row_id = ? AND status = 'pending' ORDER BY seq`,
  ).all(table, rowId);
}

export function hasPendingForRow(db: ReadDb, table: string, rowId: string): boolean {
  return (
    stmt<{ x: number }>(db, `SELECT 1 AS x FROM outbox WHERE table_name = ? AND row_id = ? AND status = 'pending' LIMIT 1`).get(
      table,
      rowId,
    ) !== undefined
  );
}

/** After an acknowledged write the later mutations of that row stand on the new server version. */
export function rebaseLaterMutations(db: WriteDb, table: string, rowId: string, seq: number, version: number): void {
  stmt(
    db,
    `UPDATE outbox SET base_version = ? WHERE table_name = ? AND row_id = ? AND status = 'pending' AND seq > ?`,
  ).run(version, table, rowId, seq);
}

export function noteAttempt(db: WriteDb, id: string, error: string | null): void {
  stmt(db, 'UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?').run(error, id);
}

export function pendingCount(db: ReadDb): number {
  return stmt<{ n: number }>(db, `SELECT count(*) AS n FROM outbox WHERE status = 'pending'`).get()!.n;
}

export function allOutbox(db: ReadDb): OutboxRow[] {
  return stmt<OutboxRow>(db, 'SELECT * FROM outbox ORDER BY seq').all();
}

const pendingCache = new WeakMap<object, { maxSeq: number; keys: Set<string> }>();

/**
 * `table:row_id` of every row with pending mutations. Cached until a mutation is queued (the
 * AUTOINCREMENT counter grows with every insert, whatever its seq is later set to); a stale
 * entry after a push only sends a row down the slower rebase path.
 */
export function pendingRowKeys(db: ReadDb): Set<string> {
  const maxSeq = stmt<{ m: number | null }>(db, `SELECT max(seq) AS m FROM sqlite_sequence WHERE name = 'outbox'`).get()!.m ?? 0;
  const cached = pendingCache.get(db);
  if (cached && cached.maxSeq === maxSeq) return cached.keys;
  const keys = new Set(
    stmt<{ k: string }>(db, `SELECT table_name || ':' || row_id AS k FROM outbox WHERE status = 'pending'`)
      .all()
      .map((r) => r.k),
  );
  pendingCache.set(db, { maxSeq, keys });
  return keys;
}
