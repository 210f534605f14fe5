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

// ---- the audit viewer ----

export interface AuditQuery {
  /** Instants, [from, to). */
  fromAt?: string;
  toAt?: string;
  staffId?: string;
  action?: string;
  table?: string;
  rowId?: string;
  deskId?: string;
  /** Keyset: rows strictly older than (at, id). */
  before?: { at: string; id: string };
  limit: number;
}

export interface AuditListRow {
  id: string;
  at: Instant;
  actor_staff_id: string | null;
  actor_name: string | null;
  desk_id: string | null;
  action: string;
  table_name: string | null;
  row_id: string | null;
  details: string;
}

/** Newest first, through audit_log_clinic_at; every filter is a bound parameter. */
export function listAudit(db: ReadDb, clinicId: string, q: AuditQuery): AuditListRow[] {
  const where = ['a.clinic_id = ?', 'a.deleted_at IS NULL'];
  const args: unknown[] = [clinicId];
  const add = (sql: string, value: unknown) => {
    where.push(sql);
    args.push(value);
  };
  if (q.fromAt) add('a.at >= ?', q.fromAt);
  if (q.toAt) add('a.at < ?', q.toAt);
  if (q.staffId) add('a.actor_staff_id = ?', q.staffId);
  // 'sync.' finds every sync.*; an exact name finds that action.
  if (q.action) {
    if (q.action.endsWith('.')) add("a.action LIKE ? ESCAPE '\\'", `${q.action.replace(/[\\%_]/g, '\\$&')}%`);
    else add('a.action = ?', q.action);
  }
  if (q.table) add('a.table_name = ?', q.table);
  if (q.rowId) add('a.row_id = ?', q.rowId);
  if (q.deskId) add('a.desk_id = ?', q.deskId);
  if (q.before) {
    where.push('(a.at < ? OR (a.at = ? AND a.id < ?))');
    args.push(q.before.at, q.before.at, q.before.id);
  }
  args.push(q.limit);
  return db
    .prepare(
      `SELECT a.id, a.at, a.actor_staff_id, s.display_name AS actor_name, a.desk_id, a.action, a.table_name, a.row_id, a.details
       FROM audit_log a LEFT JOIN staff s ON s.id = a.actor_staff_id
       WHERE ${where.join(' AND ')}
       ORDER BY a.at DESC, a.id DESC LIMIT ?`,
    )
    .all(...args) as AuditListRow[];
}

/** What the filters can choose from: the distinct actions, tables and desks of the clinic's log. */
export function auditFacets(db: ReadDb, clinicId: string): { actions: string[]; tables: string[]; desks: string[] } {
  const col = (sql: string) => stmt<{ v: string }>(db, sql).all(clinicId).map((r) => r.v);
  return {
    actions: col('SELECT DISTINCT action AS v FROM audit_log WHERE clinic_id = ? ORDER BY v'),
    tables: col('SELECT DISTINCT table_name AS v FROM audit_log WHERE clinic_id = ? AND table_name IS NOT NULL ORDER BY v'),
    desks: col('SELECT DISTINCT desk_id AS v FROM audit_log WHERE clinic_id = ? AND desk_id IS NOT NULL ORDER BY v'),
  };
}
