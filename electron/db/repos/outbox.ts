import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

export interface OutboxSummary {
  pending: number;
  parked: number;
  oldestPendingAt: string | null;
}

export function outboxSummary(db: ReadDb): OutboxSummary {
  const row = stmt<{ pending: number; parked: number; oldest: string | null }>(
    db,
    `SELECT
       (SELECT count(*) FROM outbox WHERE status = 'pending') AS pending,
       (SELECT count(*) FROM outbox WHERE status = 'parked') AS parked,
       (SELECT created_at FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT 1) AS oldest`,
  ).get()!;
  return { pending: row.pending, parked: row.parked, oldestPendingAt: row.oldest };
}
