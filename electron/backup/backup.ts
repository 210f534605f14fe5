/**
 * Encrypted local backups. A backup is a consistent snapshot of the database
 * (VACUUM INTO: still encrypted under the database key) plus a JSON copy of the unsynced outbox,
 * sealed with AES-256-GCM under a key derived from the database key (backup-file.ts). Files live
 * in `<dataDir>/backups/`: `<time>.cdbackup` and, for the unsynced-changes export, `<time>.cdunsynced`.
 *
 * Restore is staged: the verified database is written beside the live one as `<db>.restoring`
 * and swapped in at the next start, before any connection is open (the running app keeps its
 * handle on the old file meanwhile). The replaced database is kept as `<db>.pre-restore`.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ReadDb, WriteDb } from '../db/database.ts';
import { fsyncDir, fsyncFile, keyOf, removeSidecars } from '../db/encryption.ts';
import {
  copyDatabaseFile,
  copyDatabaseTo,
  readCopyOutbox,
  referencedRows,
  schemaVersion,
  unsyncedOutbox,
  verifyDatabaseFile,
} from '../db/snapshot.ts';
import { latestSchemaVersion } from '../db/schema/migrate.ts';
import { type SealHeader, readHeader, seal, unseal } from './backup-file.ts';

export const BACKUP_EXT = '.cdbackup';
export const UNSYNCED_EXT = '.cdunsynced';
export const RESTORING_SUFFIX = '.restoring';
export const PRE_RESTORE_SUFFIX = '.pre-restore';

export interface BackupInfo {
  file: string;
  kind: SealHeader['kind'];
  createdAt: string;
  reason: string;
  schemaVersion: number;
  outboxCount: number;
  bytes: number;
}

export class BackupUnavailableError extends Error {}

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

/** The key and folder for a handle opened by openDatabase on a file with a key. */
function keyFor(db: ReadDb): Buffer {
  const key = keyOf(db);
  if (!key) throw new BackupUnavailableError('Backups need the encrypted clinic database; this one has no key.');
  return key;
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/** Writes bytes durably and atomically: temp file, fsync, rename, fsync the folder. */
function writeDurably(file: string, bytes: Buffer): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, bytes, { mode: 0o600 });
  fsyncFile(tmp);
  renameSync(tmp, file);
  fsyncDir(dirname(file));
}

function uniqueFile(dir: string, now: Date, ext: string): string {
  let file = join(dir, `${stamp(now)}${ext}`);
  for (let i = 1; existsSync(file); i++) file = join(dir, `${stamp(now)}-${i}${ext}`);
  return file;
}

interface BackupPayloadMeta {
  outbox: Record<string, unknown>[];
}

/** Payload of a .cdbackup: u32 BE JSON length | JSON (outbox) | database file bytes. */
function packBackup(meta: BackupPayloadMeta, database: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(meta), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([len, json, database]);
}

function unpackBackup(plaintext: Buffer): { meta: BackupPayloadMeta; database: Buffer } {
  const len = plaintext.readUInt32BE(0);
  return { meta: JSON.parse(plaintext.subarray(4, 4 + len).toString('utf8')) as BackupPayloadMeta, database: plaintext.subarray(4 + len) };
}

export interface CreateBackupOptions {
  dir: string;
  now: Date;
  reason: string;
  appVersion: string;
}

/** Snapshots the open database into a new sealed backup file; returns its description. */
export function createBackup(db: WriteDb, options: CreateBackupOptions): BackupInfo {
  const key = keyFor(db);
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const file = uniqueFile(options.dir, options.now, BACKUP_EXT);
  const snapshot = `${file}.snapshot`;
  try {
    copyDatabaseTo(db, snapshot);
    // Read from the copy itself, so the outbox JSON describes exactly the snapshotted moment.
    const { outbox, version } = readCopyOutbox(snapshot, key);
    const header: SealHeader = {
      format: 1,
      kind: 'backup',
      createdAt: options.now.toISOString(),
      reason: options.reason,
      schemaVersion: version,
      appVersion: options.appVersion,
      outboxCount: outbox.length,
    };
    writeDurably(file, seal(key, header, packBackup({ outbox }, readFileSync(snapshot))));
  } finally {
    rmSync(snapshot, { force: true });
    removeSidecars(snapshot);
  }
  return describe(file)!;
}

function describe(file: string): BackupInfo | null {
  // The header sits in the first few KB; never read a whole backup just to list it.
  const fd = openSync(file, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(Math.min(statSync(file).size, 70 * 1024));
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const read = readHeader(Buffer.concat([head, Buffer.alloc(16)]));
  if (!read) return null;
  const h = read.header;
  return {
    file: basename(file),
    kind: h.kind,
    createdAt: h.createdAt,
    reason: h.reason,
    schemaVersion: h.schemaVersion,
    outboxCount: h.outboxCount,
    bytes: statSync(file).size,
  };
}

/** Backups and exports in `dir`, newest first. Unreadable files are left out. */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(BACKUP_EXT) || f.endsWith(UNSYNCED_EXT))
    .map((f) => describe(join(dir, f)))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.file < b.file ? 1 : -1));
}

/** Only a plain file name inside the backups folder: no paths from the renderer. */
export function backupFilePath(dir: string, name: string): string {
  if (name !== basename(name) || !name.endsWith(BACKUP_EXT) || name.startsWith('.')) {
    throw new BackupUnavailableError('Choose a backup from the list.');
  }
  const file = join(dir, name);
  if (!existsSync(file)) throw new BackupUnavailableError('That backup file does not exist.');
  return file;
}

/**
 * Decrypts and verifies a backup and stages it as `<dbPath>.restoring`; the swap happens at
 * the next start (applyPendingRestore). Throws BackupKeyError / BackupDamagedError when the
 * file cannot be trusted; nothing is staged then.
 */
export function stageRestore(db: ReadDb, dbPath: string, backupFile: string): { schemaVersion: number; outboxCount: number } {
  const key = keyFor(db);
  const { header, plaintext } = unseal(key, readFileSync(backupFile), 'backup');
  const { database, meta } = unpackBackup(plaintext);
  const staged = `${dbPath}${RESTORING_SUFFIX}`;
  const tmp = `${staged}.tmp`;
  try {
    writeFileSync(tmp, database, { mode: 0o600 });
    const version = verifyDatabaseFile(tmp, key);
    if (version !== header.schemaVersion) throw new Error('the backup database does not match its description');
    if (version > latestSchemaVersion()) throw new Error('the backup was made by a newer version of Clinic Desk');
    fsyncFile(tmp);
    renameSync(tmp, staged);
    fsyncDir(dirname(staged));
    return { schemaVersion: version, outboxCount: meta.outbox.length };
  } finally {
    rmSync(tmp, { force: true });
    removeSidecars(tmp);
  }
}

/**
 * Called before the database is opened: swaps a staged restore in. The current database is
 * first copied (WAL included) to `<db>.pre-restore`; the swap itself is one atomic rename, so a
 * crash leaves either the old database with the restore still pending, or the restored one.
 */
export function applyPendingRestore(dbPath: string, key: Buffer | null): boolean {
  const staged = `${dbPath}${RESTORING_SUFFIX}`;
  if (!existsSync(staged)) return false;
  if (existsSync(dbPath)) {
    const keep = `${dbPath}${PRE_RESTORE_SUFFIX}`;
    const tmp = `${keep}.tmp`;
    try {
      copyDatabaseFile(dbPath, key, tmp);
    } catch {
      // Unreadable current file (damaged, other key): keep its bytes as they are.
      writeFileSync(tmp, readFileSync(dbPath), { mode: 0o600 });
    }
    fsyncFile(tmp);
    renameSync(tmp, keep);
  }
  removeSidecars(dbPath);
  renameSync(staged, dbPath);
  fsyncDir(dirname(dbPath));
  return true;
}

export interface UnsyncedExport {
  createdAt: string;
  schemaVersion: number;
  outbox: Record<string, unknown>[];
  /** The current local rows the outbox refers to, per table. */
  rows: Record<string, Record<string, unknown>[]>;
  /** Rows that could not be read (e.g. a damaged database). */
  errors: string[];
}

/**
 * Writes the unsynced changes (outbox + the rows they reference) to a sealed `.cdunsynced` file
 * in `dir`, for when the local database must be replaced (corrupt, restore, resync). Works on a
 * partly damaged database: unreadable rows are listed in `errors`. Returns the file path.
 */
export function exportUnsyncedChanges(
  db: ReadDb,
  dir: string,
  options: { now?: Date; appVersion?: string; key?: Buffer } = {},
): { file: string; outboxCount: number; errors: string[] } {
  const key = options.key ?? keyFor(db);
  const now = options.now ?? new Date();
  const outbox = unsyncedOutbox(db);
  const { rows, errors } = referencedRows(db, outbox);
  let version = 0;
  try {
    version = schemaVersion(db);
  } catch {
    /* damaged: 0 */
  }
  const body: UnsyncedExport = { createdAt: now.toISOString(), schemaVersion: version, outbox, rows, errors };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = uniqueFile(dir, now, UNSYNCED_EXT);
  const header: SealHeader = {
    format: 1,
    kind: 'unsynced',
    createdAt: body.createdAt,
    reason: 'unsynced-export',
    schemaVersion: version,
    appVersion: options.appVersion ?? '',
    outboxCount: outbox.length,
  };
  writeDurably(file, seal(key, header, Buffer.from(JSON.stringify(body), 'utf8')));
  return { file, outboxCount: outbox.length, errors };
}

export function readUnsyncedExport(file: string, key: Buffer): UnsyncedExport {
  return JSON.parse(unseal(key, readFileSync(file), 'unsynced').plaintext.toString('utf8')) as UnsyncedExport;
}

/** Reads a backup's outbox JSON (e.g. to show what a restore would bring back). */
export function readBackupOutbox(file: string, key: Buffer): Record<string, unknown>[] {
  return unpackBackup(unseal(key, readFileSync(file), 'backup').plaintext).meta.outbox;
}
