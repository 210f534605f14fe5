import type { Instant } from '../../../shared/domain/clinic-time.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

export interface AuditEntry {
  id: string;
  at: Instant;
  action: string;
  tableName: string | null;
  rowId: string | null;
  details: Record<string, unknown>;
}

/** The newest audited action written at this desk (audit_log_clinic_at, walked backwards). */
export function lastDeskAction(db: ReadDb, clinicId: string, deskId: string): AuditEntry | null {
  const row = stmt<{ id: string; at: Instant; action: string; table_name: string | null; row_id: string | null; details: string }>(
    db,
    `SELECT id, at, action, table_name, row_id, details FROM audit_log
     WHERE clinic_id = ? AND desk_id = ? ORDER BY at DESC, id DESC LIMIT 1`,
  ).get(clinicId, deskId);
  if (!row) return null;
  let details: Record<string, unknown> = {};
  try {
    details = JSON.parse(row.details) as Record<string, unknown>;
  } catch {
    // A malformed details blob only means there is less to undo with.
  }
  return { id: row.id, at: row.at, action: row.action, tableName: row.table_name, rowId: row.row_id, details };
}
