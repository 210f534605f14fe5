/**
 * What the sync engine queues for the server itself, through the same outbox queue as the
 * mutation writer: rescued changes of a damaged database, newer local content a restored server
 * lost, and acknowledged rows it lost altogether. None of them is a new action, so none is audited.
 */
import { uuidv7 } from '../../../shared/domain/ids.ts';
import { isWriterOwned } from '../../../shared/sync-tables.ts';
import type { WriteDb } from '../database.ts';
import { type QueuedMutation, queueAhead, queueMutation } from './outbox-queue.ts';

type Row = Record<string, unknown>;

/** Queues kept mutations again, in their order, with their ids (replays are idempotent). */
export function requeueKept(db: WriteDb, ms: readonly QueuedMutation[]): void {
  for (const m of ms) queueMutation(db, m);
}

/**
 * The local row is newer than the restored server's: what differs is sent again as an update on
 * top of the server's version (nothing is queued when nothing differs).
 */
export function requeueNewerLocal(db: WriteDb, table: string, local: Row, server: Row, at: string): void {
  const changes: Row = {};
  for (const [k, v] of Object.entries(local)) if (!isWriterOwned(k) && v !== server[k]) changes[k] = v;
  if (Object.keys(changes).length === 0) return;
  queueMutation(db, {
    id: uuidv7(),
    clinic_id: local.clinic_id as string,
    table_name: table,
    row_id: local.id as string,
    op: 'update',
    changes: JSON.stringify(changes),
    base_version: server.version as number,
    actor_staff_id: null,
    created_at: at,
  });
}

/**
 * Acknowledged rows the restored server lost, queued again as inserts in the order given
 * (parents first), ahead of every pending change that may refer to them.
 */
export function requeueLostRows(db: WriteDb, lost: readonly { table: string; row: Row }[], at: string): void {
  queueAhead(
    db,
    lost.map(({ table, row }) => {
      const { version: _v, updated_at: _u, deleted_at: _d, ...changes } = row;
      return {
        id: uuidv7(),
        clinic_id: row.clinic_id as string,
        table_name: table,
        row_id: row.id as string,
        op: 'insert' as const,
        changes: JSON.stringify(changes),
        base_version: 0,
        actor_staff_id: null,
        created_at: at,
      };
    }),
  );
}
