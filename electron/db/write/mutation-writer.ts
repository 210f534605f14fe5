import { uuidv7 } from '../../../shared/domain/ids.ts';
import { type SyncedTableName, isSyncedTable, isWriterOwned } from '../../../shared/sync-tables.ts';
import type { WriteDb } from '../database.ts';
import { appendAuditRow } from './audit-row.ts';
import { queueMutation } from './outbox-queue.ts';

/** Who is writing, from where, and the clock: everything a write needs besides its rows. */
export interface WriteContext {
  db: WriteDb;
  clinicId: string;
  actorStaffId: string | null;
  deskId: string;
  now: () => Date;
}

export type Row = Record<string, unknown>;

export interface MutationWriter {
  readonly at: string;
  insert(table: SyncedTableName, row: Row): Row;
  update(table: SyncedTableName, id: string, changes: Row): Row;
  softDelete(table: SyncedTableName, id: string): void;
  /** Extra facts for the audit row of this transaction. */
  note(details: Record<string, unknown>): void;
  /**
   * Says which row the audit row is about, with extra facts, and has it written even when the
   * action changes no synced row (a national id revealed, the log exported, a PIN set).
   */
  audit(about: AuditAbout): void;
}

export interface AuditAbout {
  table: string | null;
  rowId: string | null;
  details?: Record<string, unknown>;
}

export interface WriteResult<T> {
  value: T;
  changedTables: string[];
}

const columnCache = new WeakMap<WriteDb, Map<string, Set<string>>>();

function columnsOf(db: WriteDb, table: string): Set<string> {
  let perDb = columnCache.get(db);
  if (!perDb) columnCache.set(db, (perDb = new Map()));
  let cols = perDb.get(table);
  if (!cols) {
    const info = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    cols = new Set(info.map((c) => c.name));
    perDb.set(table, cols);
  }
  return cols;
}

function checkColumns(db: WriteDb, table: string, row: Row, allowOwned: boolean): string[] {
  if (!isSyncedTable(table)) throw new Error(`not a synced table: ${table}`);
  const cols = columnsOf(db, table);
  const keys = Object.keys(row);
  for (const k of keys) {
    if (!cols.has(k)) throw new Error(`unknown column ${table}.${k}`);
    if (!allowOwned && isWriterOwned(k)) throw new Error(`column ${table}.${k} is managed by the writer`);
  }
  return keys;
}

/**
 * The one way commands change synced data: in ONE transaction it writes the rows, appends one
 * audit row describing the action, and queues an outbox mutation per changed row (the audit row
 * included), so the sync engine later pushes exactly what happened. A throw rolls all of it back.
 * An action that changes no row and calls no `w.audit` writes nothing.
 */
export function writeTransaction<T>(
  ctx: WriteContext,
  action: string,
  fn: (w: MutationWriter) => T,
): WriteResult<T> {
  const { db } = ctx;
  const run = db.transaction((): WriteResult<T> => {
    const at = ctx.now().toISOString();
    const touched: { table: string; id: string; op: string }[] = [];
    const changedTables = new Set<string>();
    const extra: Record<string, unknown> = {};
    // Set by w.audit inside fn (a plain annotation would stay narrowed to null after the call).
    let about = null as AuditAbout | null;

    const outbox = (table: string, id: string, op: 'insert' | 'update' | 'delete', changes: Row, baseVersion: number) => {
      queueMutation(db, {
        id: uuidv7(),
        clinic_id: ctx.clinicId,
        table_name: table,
        row_id: id,
        op,
        changes: JSON.stringify(changes),
        base_version: baseVersion,
        actor_staff_id: ctx.actorStaffId,
        created_at: at,
      });
      changedTables.add(table);
    };

    const current = (table: string, id: string) => {
      const row = db.prepare(`SELECT * FROM ${table} WHERE id = ? AND clinic_id = ?`).get(id, ctx.clinicId) as
        | Row
        | undefined;
      if (!row || row.deleted_at) throw new Error(`${table} ${id} does not exist`);
      return row;
    };

    const writer: MutationWriter = {
      at,
      insert(table, row) {
        const full: Row = { id: uuidv7(), ...row, clinic_id: ctx.clinicId, version: 0, updated_at: at };
        const keys = checkColumns(db, table, full, true);
        db.prepare(`INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(
          ...keys.map((k) => toSql(full[k])),
        );
        const { version: _v, updated_at: _u, ...changes } = full;
        outbox(table, full.id as string, 'insert', asStored(changes), 0);
        touched.push({ table, id: full.id as string, op: 'insert' });
        return full;
      },
      update(table, id, changes) {
        const keys = checkColumns(db, table, changes, false);
        const before = current(table, id);
        if (keys.length === 0) return before;
        db.prepare(`UPDATE ${table} SET ${keys.map((k) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(
          ...keys.map((k) => toSql(changes[k])),
          at,
          id,
        );
        outbox(table, id, 'update', asStored(changes), before.version as number);
        touched.push({ table, id, op: 'update' });
        return { ...before, ...changes, updated_at: at };
      },
      softDelete(table, id) {
        const before = current(table, id);
        db.prepare(`UPDATE ${table} SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(at, at, id);
        outbox(table, id, 'delete', { deleted_at: at }, before.version as number);
        touched.push({ table, id, op: 'delete' });
      },
      note(details) {
        Object.assign(extra, details);
      },
      audit(target) {
        about = target;
        if (target.details) Object.assign(extra, target.details);
      },
    };

    const value = fn(writer);
    if (touched.length > 0 || about) {
      const first = touched[0];
      appendAuditRow(db, {
        clinicId: ctx.clinicId,
        at,
        actorStaffId: ctx.actorStaffId,
        deskId: ctx.deskId,
        action,
        table: about ? about.table : first!.table,
        rowId: about ? about.rowId : first!.id,
        details: touched.length > 0 ? { rows: touched, ...extra } : extra,
      });
      changedTables.add('audit_log');
    }
    return { value, changedTables: [...changedTables] };
  });
  return run.immediate();
}

/**
 * The changes as the row holds them, for the outbox: flags as 0/1 like the local and the server
 * columns (smallint), never JSON booleans, which the server refuses ('invalid input syntax for
 * type smallint'). Push applies it too, to changes queued before the writer did.
 */
export function asStored(changes: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(changes)) out[k] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
  return out;
}

function toSql(value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}
