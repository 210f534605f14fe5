import type { WriteDb } from '../database.ts';
import type { OutboxRow } from '../repos/sync-outbox.ts';
import { stmt } from '../statements.ts';

/** One change to send to the server, as the outbox keeps it (seq and status are the queue's own). */
export type QueuedMutation = Omit<OutboxRow, 'seq' | 'status' | 'attempts' | 'last_error'>;

/**
 * Queues a mutation behind every other: the one statement that adds to the outbox. The writer's
 * mutations have fresh ids; one kept from elsewhere (a rescued database) keeps its id, and
 * queueing it a second time keeps the first (replays are idempotent).
 */
export function queueMutation(db: WriteDb, m: QueuedMutation): void {
  stmt(
    db,
    `INSERT INTO outbox (id, clinic_id, table_name, row_id, op, changes, base_version, actor_staff_id, created_at)
     VALUES (@id, @clinic_id, @table_name, @row_id, @op, @changes, @base_version, @actor_staff_id, @created_at)
     ON CONFLICT (id) DO NOTHING`,
  ).run({
    id: m.id,
    clinic_id: m.clinic_id,
    table_name: m.table_name,
    row_id: m.row_id,
    op: m.op,
    changes: m.changes,
    base_version: m.base_version,
    actor_staff_id: m.actor_staff_id,
    created_at: m.created_at,
  });
}

/** Queues mutations ahead of every queued one, in the order given. */
export function queueAhead(db: WriteDb, ms: readonly QueuedMutation[]): void {
  const first = stmt<{ m: number | null }>(db, 'SELECT min(seq) AS m FROM outbox').get()!.m ?? 1;
  let seq = first - ms.length - 1;
  for (const m of ms) {
    queueMutation(db, m);
    stmt(db, 'UPDATE outbox SET seq = ? WHERE seq = (SELECT max(seq) FROM outbox)').run(seq++);
  }
}
