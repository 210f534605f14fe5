/**
 * Applying server rows locally: plain upserts when nothing is pending, a rebase when the row has
 * local mutations waiting (the server row becomes the base, the pending changes are re-applied on
 * top), and the data-preserving rules of a resync after an epoch reset. Synchronous: callers run
 * it inside one short transaction.
 */
import type { WriteDb } from '../db/database.ts';
import { markSeen } from '../db/repos/sync-state.ts';
import { type OutboxRow, pendingMutationsOfRow } from '../db/repos/sync-outbox.ts';
import { type SyncRow, blockWriter, getLocalRow, normaliseServerRow, upsertRow } from '../db/repos/sync-rows.ts';
import { ROWS_PER_STATEMENT } from '../db/bulk-insert.ts';
import { requeueNewerLocal } from '../db/write/sync-requeue.ts';
import type { PageBlock } from './transport.ts';
import { isWriterOwned } from '../../shared/sync-tables.ts';

const LOOKUP_AFTER_REFUSAL = 256;

/** The server row with the pending local mutations re-applied on top. */
export function rebased(serverRow: SyncRow, pending: OutboxRow[]): SyncRow {
  const row = { ...serverRow };
  for (const m of pending) {
    const changes = JSON.parse(m.changes) as SyncRow;
    if (m.op === 'delete') {
      row.deleted_at = (row.deleted_at as string | null) ?? (changes.deleted_at as string) ?? m.created_at;
      continue;
    }
    for (const [k, v] of Object.entries(changes)) if (!isWriterOwned(k)) row[k] = v;
  }
  return row;
}

export interface ApplyOptions {
  /** A full resync after an epoch reset is running: the server's rows win over version checks. */
  resync: boolean;
  at: string;
}

/**
 * Applies rows `from`.. of a compact block until `stop()` says the slice is used up (checked
 * every 32 rows); answers the index of the next row. Rows without pending local mutations
 * take the fast path (a positional INSERT, or a version lookup and an UPDATE); the others, and
 * every row of a resync, go through applyRow.
 *
 * A first download inserts almost every row: ROWS_PER_STATEMENT rows at a time are inserted in one
 * statement without looking first (the primary key refuses a row that exists, and then the
 * whole statement writes nothing). After a refusal the next LOOKUP_AFTER_REFUSAL rows look
 * first, one by one, so re-delivered pages stay cheap too.
 */
export function applyBlockRows(
  db: WriteDb,
  block: PageBlock,
  from: number,
  o: ApplyOptions & { pending: Set<string>; stop: () => boolean },
): number {
  const w = blockWriter(db, block.table, block.columns);
  const rows = block.rows;
  const prefix = `${block.table}:`;
  const pending = o.pending.size > 0;
  const anyPending = (at: number) => {
    for (let k = at; k < at + ROWS_PER_STATEMENT; k++) if (o.pending.has(prefix + (rows[k]![w.idIndex] as string))) return true;
    return false;
  };
  let lookFirst = 0;
  let i = from;
  while (i < rows.length) {
    if (!o.resync && lookFirst === 0 && i % ROWS_PER_STATEMENT === 0 && i + ROWS_PER_STATEMENT <= rows.length && !(pending && anyPending(i))) {
      // Batches start at multiples of ROWS_PER_STATEMENT (a multiple of 32), so the stop check below
      // still runs every 32 rows.
      if (w.tryInsertBatch(rows, i)) {
        i += ROWS_PER_STATEMENT;
        if (o.stop()) break;
        continue;
      }
      lookFirst = LOOKUP_AFTER_REFUSAL;
    }
    const row = rows[i++]!;
    const id = row[w.idIndex] as string;
    if (o.resync || (pending && o.pending.has(prefix + id))) {
      applyRow(db, block.table, w.toObject(row), o);
    } else if (lookFirst === 0 && w.tryInsert(row)) {
      // inserted
    } else {
      lookFirst = lookFirst > 0 ? lookFirst - 1 : LOOKUP_AFTER_REFUSAL;
      const local = w.localVersion(id);
      if (local === undefined) w.insert(row);
      else if ((row[w.versionIndex] as number) >= local) w.update(row);
    }
    if ((i & 31) === 0 && o.stop()) break;
  }
  return i;
}

/** Applies one pulled row in the server's JSON shape (sync_pull, sync_fetch, conflicts). */
export function applyServerRow(db: WriteDb, table: string, raw: SyncRow, o: ApplyOptions): void {
  applyRow(db, table, normaliseServerRow(db, table, raw), o);
}

/** Applies one pulled row already in the local format. */
function applyRow(db: WriteDb, table: string, server: SyncRow, o: ApplyOptions): void {
  const id = server.id as string;
  const pending = pendingMutationsOfRow(db, table, id);
  if (o.resync) markSeen(db, table, id);
  if (pending.length > 0) {
    upsertRow(db, table, rebased(server, pending), !o.resync);
    return;
  }
  if (o.resync) {
    const local = getLocalRow(db, table, id);
    if (local && (local.version as number) > (server.version as number)) {
      // The restored server holds an older state of a row this desk had acknowledged: keep the
      // newer local content and send it again on top of the server's version.
      keepNewerLocal(db, table, local, server, o.at);
      return;
    }
  }
  upsertRow(db, table, server, !o.resync);
}

function keepNewerLocal(db: WriteDb, table: string, local: SyncRow, server: SyncRow, at: string): void {
  upsertRow(db, table, { ...local, version: server.version }, false);
  requeueNewerLocal(db, table, local, server, at);
}
