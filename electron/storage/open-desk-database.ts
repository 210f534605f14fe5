/**
 * Opens the app's own database the protected way: the desk's key from the SecretStore, a staged
 * restore swapped in, a plain database encrypted in place, and an encrypted backup taken before
 * any migration changes the schema of an existing database.
 */
import type { SecretStore } from '../secrets/secret-store.ts';
import { applyPendingRestore, backupsDir, createBackup } from '../backup/backup.ts';
import { type WriteDb, openDatabase } from '../db/database.ts';
import type { EncryptStep } from '../db/encryption.ts';
import { migrate } from '../db/schema/migrate.ts';
import { loadOrCreateDatabaseKey } from './desk-key.ts';

export interface AppDatabaseOptions {
  /** ':memory:' (tests): plain, nothing on disk. */
  dataDir: string;
  dbPath: string;
  /** Where the database key lives; false = unencrypted (benchmark baseline only). */
  keyStore: SecretStore | false;
  now: () => Date;
  appVersion: string;
  log: (message: string) => void;
  onEncryptStep?: (step: EncryptStep) => void;
}

export function openAppDatabase(options: AppDatabaseOptions): WriteDb {
  if (options.dataDir === ':memory:') {
    const db = openDatabase({ path: ':memory:' });
    migrateOrClose(db, () => migrate(db));
    return db;
  }
  const key = options.keyStore ? loadOrCreateDatabaseKey({ store: options.keyStore, dbPath: options.dbPath, warn: options.log }) : null;
  if (applyPendingRestore(options.dbPath, key)) options.log('restored the clinic database from a backup; the previous one is kept as .pre-restore');
  const db = openDatabase({ path: options.dbPath, key, ...(options.onEncryptStep ? { onEncryptStep: options.onEncryptStep } : {}) });
  migrateOrClose(db, () =>
    migrate(db, {
      beforeMigrate: (from, to) => {
        if (from === 0 || !key) return; // a new database has nothing to lose
        createBackup(db, {
          dir: backupsDir(options.dataDir),
          now: options.now(),
          reason: `before migration ${from}→${to}`,
          appVersion: options.appVersion,
        });
      },
    }),
  );
  return db;
}

function migrateOrClose(db: WriteDb, run: () => unknown): void {
  try {
    run();
  } catch (err) {
    db.close();
    throw err;
  }
}
