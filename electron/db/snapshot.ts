/**
 * The SQL behind backups (electron/backup/): a consistent copy of the database and the unsynced
 * outbox with the rows it references. Read-only except for the copy file it writes.
 */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { SYNCED_TABLES } from '../../shared/sync-tables.ts';
import type { ReadDb, WriteDb } from './database.ts';
import { applyKey } from './encryption.ts';

const SYNCED = new Set<string>(SYNCED_TABLES.map((t) => t.name));

/**
 * Writes a consistent, compacted copy of the open database to `file` (one read transaction).
 * An encrypted database is copied encrypted under the same key and cipher.
 */
export function copyDatabaseTo(db: WriteDb, file: string): void {
  rmSync(file, { force: true });
  db.exec(`VACUUM INTO '${file.replaceAll("'", "''")}'`);
}

export function schemaVersion(db: ReadDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export type OutboxRow = Record<string, unknown> & { table_name: string; row_id: string };

/** Every change not yet acknowledged by the server (pending and parked), oldest first. */
export function unsyncedOutbox(db: ReadDb): OutboxRow[] {
  return db.prepare('SELECT * FROM outbox ORDER BY seq').all() as OutboxRow[];
}

/**
 * The current local rows the outbox refers to, per table. Reads row by row so one unreadable
 * row (a damaged page) costs that row only; failures are listed instead of thrown.
 */
export function referencedRows(
  db: ReadDb,
  outbox: readonly OutboxRow[],
): { rows: Record<string, Record<string, unknown>[]>; errors: string[] } {
  const rows: Record<string, Record<string, unknown>[]> = {};
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const m of outbox) {
    const key = `${m.table_name}/${m.row_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!SYNCED.has(m.table_name)) {
      errors.push(`${key}: not a synced table`);
      continue;
    }
    try {
      const row = db.prepare(`SELECT * FROM ${m.table_name} WHERE id = ?`).get(m.row_id) as Record<string, unknown> | undefined;
      if (row) (rows[m.table_name] ??= []).push(row);
    } catch (err) {
      errors.push(`${key}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { rows, errors };
}

/** Copies the database file at `file` (WAL included) to `target` without opening it for writing. */
export function copyDatabaseFile(file: string, key: Buffer | null, target: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (key) applyKey(db, key);
    rmSync(target, { force: true });
    db.exec(`VACUUM INTO '${target.replaceAll("'", "''")}'`);
  } finally {
    db.close();
  }
}

/** Opens a database copy with `key` (null: plain) and checks it is whole; returns its schema version. */
export function verifyDatabaseFile(file: string, key: Buffer | null): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (key) applyKey(db, key);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the database copy failed its check: ${String(check)}`);
    return schemaVersion(db);
  } finally {
    db.close();
  }
}

/** The outbox and schema version inside a database copy (so they match the copy exactly). */
export function readCopyOutbox(file: string, key: Buffer | null): { outbox: OutboxRow[]; version: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (key) applyKey(db, key);
    return { outbox: unsyncedOutbox(db), version: schemaVersion(db) };
  } finally {
    db.close();
  }
}
