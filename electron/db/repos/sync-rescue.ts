/**
 * Reading what can still be read from a damaged local database file: its unsynced outbox.
 * Opened read-only on a copy (the damaged file is kept as it is); a plain file whose header
 * magic alone is damaged is read through a copy with the magic restored.
 */
import { copyFileSync, existsSync, mkdtempSync, openSync, closeSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../encryption.ts';
import type { ReadDb } from '../database.ts';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** An error that says the database file itself is damaged (not a bug, not a newer schema). */
export function isDamagedDatabaseError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/**
 * Opens a read-only copy of `file` (with its WAL) and hands it to `read`; null when even that
 * fails. The copy is removed afterwards.
 */
export function withSalvageCopy<T>(file: string, key: Buffer | null, read: (db: ReadDb) => T): T | null {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-desk-salvage-'));
  const copy = join(dir, 'salvage.db');
  try {
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    if (!key) restoreMagic(copy);
    const db = new Database(copy, { fileMustExist: true });
    try {
      if (key) applyKey(db, key);
      return read(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function restoreMagic(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    const head = Buffer.alloc(MAGIC.length);
    readSync(fd, head, 0, head.length, 0);
    if (!head.equals(MAGIC)) writeSync(fd, MAGIC, 0, MAGIC.length, 0);
  } finally {
    closeSync(fd);
  }
}

/** Every outbox row of a (salvaged) database, in write order. */
export function readOutbox(db: ReadDb): Record<string, unknown>[] {
  return db.prepare('SELECT * FROM outbox ORDER BY seq').all() as Record<string, unknown>[];
}
