import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

export interface OutboxSummary {
  /** Outbox rows waiting to be sent (a booking is two: the appointment and its audit row). */
  pending: number;
  /** Changes a person made that wait: one per audited action (3 bookings = 3), never 0 while rows wait. */
  pendingChanges: number;
  parked: number;
  oldestPendingAt: string | null;
}

export function outboxSummary(db: ReadDb): OutboxSummary {
  const row = stmt<{ pending: number; actions: number; parked: number; oldest: string | null }>(
    db,
    `SELECT
       (SELECT count(*) FROM outbox WHERE status = 'pending') AS pending,
       (SELECT count(*) FROM outbox WHERE status = 'pending' AND table_name = 'audit_log') AS actions,
       (SELECT count(*) FROM outbox WHERE status = 'parked') AS parked,
       (SELECT created_at FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT 1) AS oldest`,
  ).get()!;
  // Every command writes its rows and one audit row in one transaction, so the audit rows count
  // the actions; rows queued without one (a recovery re-queue) count as themselves.
  const pendingChanges = row.actions > 0 ? row.actions : row.pending;
  return { pending: row.pending, pendingChanges, parked: row.parked, oldestPendingAt: row.oldest };
}
