import type { Instant } from '../../../shared/domain/clinic-time.ts';
import { uuidv7 } from '../../../shared/domain/ids.ts';
import type { ReadDb, WriteDb } from '../database.ts';
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

// ---- the audit viewer and audit rows that change no other row ----

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

export interface AuditAppend {
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
 * Writes one audit row and queues it for the server, inside the caller's transaction (the sync
 * engine's refusals are written this way, in the transaction that records them). Answers its id.
 */
export function insertAudit(db: WriteDb, a: AuditAppend): string {
  const id = uuidv7();
  const details = JSON.stringify(a.details);
  const row = {
    id,
    clinic_id: a.clinicId,
    at: a.at,
    actor_staff_id: a.actorStaffId,
    desk_id: a.deskId,
    action: a.action,
    table_name: a.table,
    row_id: a.rowId,
    details,
  };
  stmt(
    db,
    `INSERT INTO audit_log (id, clinic_id, at, actor_staff_id, desk_id, action, table_name, row_id, details, version, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  ).run(id, a.clinicId, a.at, a.actorStaffId, a.deskId, a.action, a.table, a.rowId, details, a.at);
  stmt(
    db,
    `INSERT INTO outbox (id, clinic_id, table_name, row_id, op, changes, base_version, actor_staff_id, created_at)
     VALUES (?, ?, 'audit_log', ?, 'insert', ?, 0, ?, ?)`,
  ).run(uuidv7(), a.clinicId, id, JSON.stringify(row), a.actorStaffId, a.at);
  return id;
}

/**
 * An audit row for an action that changes no synced row (a national id revealed, a user switch),
 * queued for the server like every audit row, in one transaction of its own.
 */
export function appendAudit(db: WriteDb, a: AuditAppend): string {
  return db.transaction(() => insertAudit(db, a)).immediate();
}
