import { uuidv7 } from '../../../shared/domain/ids.ts';
import type { WriteDb } from '../database.ts';
import { stmt } from '../statements.ts';
import { queueMutation } from './outbox-queue.ts';

/** One audited action: who did what, where, about which row. */
export interface AuditRecord {
  clinicId: string;
  at: string;
  actorStaffId: string | null;
  deskId: string | null;
  action: string;
  table: string | null;
  rowId: string | null;
  details: Record<string, unknown>;
}

/**
 * Appends one audit row and queues it for the server, inside the caller's transaction: the one
 * statement that writes the audit log (the mutation writer's rows and the sync engine's refusals
 * alike). Answers its id.
 */
export function appendAuditRow(db: WriteDb, a: AuditRecord): string {
  const row = {
    id: uuidv7(),
    clinic_id: a.clinicId,
    at: a.at,
    actor_staff_id: a.actorStaffId,
    desk_id: a.deskId,
    action: a.action,
    table_name: a.table,
    row_id: a.rowId,
    details: JSON.stringify(a.details),
  };
  stmt(
    db,
    `INSERT INTO audit_log (id, clinic_id, at, actor_staff_id, desk_id, action, table_name, row_id, details, version, updated_at)
     VALUES (@id, @clinic_id, @at, @actor_staff_id, @desk_id, @action, @table_name, @row_id, @details, 0, @at)`,
  ).run(row);
  queueMutation(db, {
    id: uuidv7(),
    clinic_id: a.clinicId,
    table_name: 'audit_log',
    row_id: row.id,
    op: 'insert',
    changes: JSON.stringify(row),
    base_version: 0,
    actor_staff_id: a.actorStaffId,
    created_at: a.at,
  });
  return row.id;
}
