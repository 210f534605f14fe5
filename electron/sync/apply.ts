/**
 * Applying server rows locally: plain upserts when nothing is pending, a rebase when the row has
 * local mutations waiting (the server row becomes the base, the pending changes are re-applied on
 * top), and the data-preserving rules of a resync after an epoch reset. Synchronous: callers run
 * it inside one short transaction.
 */
import type { WriteDb } from '../db/database.ts';
import { markSeen } from '../db/repos/sync-state.ts';
import { type OutboxRow, insertOutboxRow, pendingMutationsOfRow } from '../db/repos/sync-outbox.ts';
import { type SyncRow, getLocalRow, normaliseServerRow, upsertRow } from '../db/repos/sync-rows.ts';
import { uuidv7 } from '../../shared/domain/ids.ts';

/** Columns the server owns: never taken from a pending local change. */
const SERVER_OWNED = new Set(['id', 'clinic_id', 'version', 'updated_at', 'deleted_at']);

/** Runs `fn` in one immediate transaction with foreign keys off: rows of one page may arrive
 * child-before-parent (pull order is commit order, not table order); the server already
 * enforces every reference, so the local copy is consistent once the pull completes. */
export function inSyncTransaction<T>(db: WriteDb, fn: () => T): T {
  db.pragma('foreign_keys = OFF');
  try {
    return db.transaction(fn).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** The server row with the pending local mutations re-applied on top. */
export function rebased(serverRow: SyncRow, pending: OutboxRow[]): SyncRow {
  const row = { ...serverRow };
  for (const m of pending) {
    const changes = JSON.parse(m.changes) as SyncRow;
    if (m.op === 'delete') {
      row.deleted_at = (row.deleted_at as string | null) ?? (changes.deleted_at as string) ?? m.created_at;
      continue;
    }
    for (const [k, v] of Object.entries(changes)) if (!SERVER_OWNED.has(k)) row[k] = v;
  }
  return row;
}

export interface ApplyOptions {
  /** A full resync after an epoch reset is running: the server's rows win over version checks. */
  resync: boolean;
  at: string;
}

/** Applies one pulled row; answers whether anything local changed. */
export function applyServerRow(db: WriteDb, table: string, raw: SyncRow, o: ApplyOptions): void {
  const server = normaliseServerRow(db, table, raw);
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
  const changes: SyncRow = {};
  for (const [k, v] of Object.entries(local)) if (!SERVER_OWNED.has(k) && v !== server[k]) changes[k] = v;
  upsertRow(db, table, { ...local, version: server.version }, false);
  if (Object.keys(changes).length === 0) return;
  insertOutboxRow(db, {
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
