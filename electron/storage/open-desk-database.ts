/**
 * Opens the desk's database, the one way every start does it, in this order:
 * 1. the key, from the secret store (made once, for a file that is missing or still plain);
 * 2. a restore staged by backup.restore swapped in, before any connection is open;
 * 3. the file opened with its key: a plain one encrypted in place first, one in the old cipher
 *    scheme moved to the current one;
 * 4. the schema: a newer one refused, what a cut-off first download left out put back, an
 *    encrypted backup taken before any migration changes an existing database, then migrated;
 * 5. on a desk that syncs, a damaged file rebuilt: its unsynced changes saved and queued again
 *    in a new database, which the sync engine fills from the server.
 * Each step calls down into db/, db/schema/ or backup/; nothing there calls back up.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyPendingRestore, backupsDir, createBackup } from '../backup/backup.ts';
import { type WriteDb, openDatabase } from '../db/database.ts';
import { type EncryptStep, cipherSchemeOf, encryptInPlace, prepareEncryptedFile } from '../db/encryption.ts';
import { isDamagedDatabaseError } from '../db/repos/sync-rescue.ts';
import { type PendingMigration, migrate, prepareSchema, runMigrations } from '../db/schema/migrate.ts';
import { FileSecretStore, type SecretStore } from '../secrets/secret-store.ts';
import { loadOrCreateDatabaseKey, storedDatabaseKey } from './desk-key.ts';
import { type RecoveryNotice, requeueRescued, rescueDamagedDatabase } from './rebuild-damaged.ts';

export interface DeskDatabaseOptions {
  /** Folder of the desk file; ':memory:' (tests): plain, nothing on disk. */
  dataDir: string;
  /**
   * Where the database key lives (Electron: its safeStorage store); default a 0600 file in
   * dataDir/secrets (logged as a warning). false = unencrypted, for the benchmark baseline only.
   */
  keyStore?: SecretStore | false | undefined;
  /** A server can fill a new database, so a damaged file is rebuilt instead of refused. */
  rebuildDamaged: boolean;
  now: () => Date;
  appVersion: string;
  log: (message: string) => void;
  /** Test hook: called between the steps of an in-place encryption. */
  onEncryptStep?: (step: EncryptStep) => void;
}

export interface OpenedDesk {
  db: WriteDb;
  /** Set when a damaged database was replaced: what happened, for the staff to read. */
  recovery: RecoveryNotice | null;
}

export function databasePath(dataDir: string): string {
  return join(dataDir, 'clinic-desk.db');
}

export function openDeskDatabase(options: DeskDatabaseOptions): OpenedDesk {
  if (options.dataDir === ':memory:') return { db: openInMemory(), recovery: null };
  mkdirSync(options.dataDir, { recursive: true });
  const dbPath = databasePath(options.dataDir);
  const keyStore = options.keyStore ?? new FileSecretStore(options.dataDir);
  try {
    return { db: openDeskFile(options, dbPath, keyStore), recovery: null };
  } catch (err) {
    if (!options.rebuildDamaged || !isDamagedDatabaseError(err) || !existsSync(dbPath)) throw err;
    const rescue = rescueDamagedDatabase({
      dataDir: options.dataDir,
      dbPath,
      key: storedDatabaseKey(keyStore),
      now: options.now(),
      appVersion: options.appVersion,
      reason: (err as Error).message,
    });
    options.log(rescue.notice.message);
    const db = openDeskFile(options, dbPath, keyStore);
    requeueRescued(db, rescue.outbox);
    return { db, recovery: rescue.notice };
  }
}

function openInMemory(): WriteDb {
  const db = openDatabase({ path: ':memory:' });
  closeOnFailure(db, () => migrate(db));
  return db;
}

/** Steps 1–4 on the file at `dbPath`. */
function openDeskFile(options: DeskDatabaseOptions, dbPath: string, keyStore: SecretStore | false): WriteDb {
  const key = keyStore ? loadOrCreateDatabaseKey({ store: keyStore, dbPath, warn: options.log }) : null;
  if (applyPendingRestore(dbPath, key)) options.log('restored the clinic database from a backup; the previous one is kept as .pre-restore');
  const db = openWithKey(dbPath, key, options.onEncryptStep);
  closeOnFailure(db, () => migrateWithBackupFirst(db, key, options));
  return db;
}

/**
 * Opens the file encrypted under the current scheme. The connection itself tells which scheme it
 * met, so a desk already moved pays nothing.
 */
function openWithKey(dbPath: string, key: Buffer | null, onStep?: (step: EncryptStep) => void): WriteDb {
  if (!key) return openDatabase({ path: dbPath });
  prepareEncryptedFile(dbPath, key, onStep);
  const db = openDatabase({ path: dbPath, key });
  if (cipherSchemeOf(db) !== 'legacy') return db;
  db.close();
  encryptInPlace(dbPath, key, onStep, 'legacy');
  return openDatabase({ path: dbPath, key });
}

function migrateWithBackupFirst(db: WriteDb, key: Buffer | null, options: DeskDatabaseOptions): void {
  const pending = prepareSchema(db);
  if (needsBackupFirst(pending, key)) {
    createBackup(db, {
      dir: backupsDir(options.dataDir),
      now: options.now(),
      reason: `before migration ${pending.from}→${pending.to}`,
      appVersion: options.appVersion,
    });
  }
  runMigrations(db, pending);
}

/** A new database has nothing to lose; a plain one (benchmark baseline) cannot be backed up. */
function needsBackupFirst(pending: PendingMigration, key: Buffer | null): boolean {
  return pending.from > 0 && pending.from < pending.to && key !== null;
}

function closeOnFailure(db: WriteDb, run: () => unknown): void {
  try {
    run();
  } catch (err) {
    db.close();
    throw err;
  }
}
