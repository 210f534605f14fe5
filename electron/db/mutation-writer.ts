import { uuidv7 } from '../../shared/domain/ids.ts';
import { type SyncedTableName, isSyncedTable } from '../../shared/sync-tables.ts';
import type { WriteDb } from './database.ts';

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
}

export interface WriteResult<T> {
  value: T;
  changedTables: string[];
}

const OWNED = new Set(['id', 'clinic_id', 'version', 'updated_at', 'deleted_at']);
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
    if (!allowOwned && OWNED.has(k)) throw new Error(`column ${table}.${k} is managed by the writer`);
  }
  return keys;
}

/**
 * The one way commands change synced data: in ONE transaction it writes the rows, appends one
 * audit row describing the action, and appends an outbox mutation per changed row (the audit row
 * included), so the sync engine later pushes exactly what happened. A throw rolls all of it back.
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

    const outbox = (table: string, id: string, op: string, changes: Row, baseVersion: number) => {
      db.prepare(
        `INSERT INTO outbox (id, clinic_id, table_name, row_id, op, changes, base_version, actor_staff_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(uuidv7(), ctx.clinicId, table, id, op, JSON.stringify(changes), baseVersion, ctx.actorStaffId, at);
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
    };

    const value = fn(writer);
    if (touched.length > 0) {
      const first = touched[0]!;
      const audit: Row = {
        id: uuidv7(),
        clinic_id: ctx.clinicId,
        at,
        actor_staff_id: ctx.actorStaffId,
        desk_id: ctx.deskId,
        action,
        table_name: first.table,
        row_id: first.id,
        details: JSON.stringify({ rows: touched, ...extra }),
        version: 0,
        updated_at: at,
      };
      const keys = Object.keys(audit);
      db.prepare(`INSERT INTO audit_log (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(
        ...keys.map((k) => audit[k] as string | number | null),
      );
      const { version: _v, updated_at: _u, ...auditChanges } = audit;
      outbox('audit_log', audit.id as string, 'insert', auditChanges, 0);
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
