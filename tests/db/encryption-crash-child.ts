/**
 * Child process for encryption-crash.test.ts:
 *   tsx encryption-crash-child.ts <dataDir> write-marker   → writes a row, then dies without closing (WAL left behind)
 *   tsx encryption-crash-child.ts <dataDir> write-marker-legacy → the same in a desk in the old cipher scheme
 *   tsx encryption-crash-child.ts <dataDir> <step|none>    → opens the app database and SIGKILLs itself at <step>
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { FileSecretStore } from '../../electron/secrets/secret-store.ts';
import { openDatabase } from '../../electron/db/database.ts';
import { type EncryptStep, applyKey } from '../../electron/db/encryption.ts';
import { DB_KEY_NAME } from '../../electron/storage/desk-key.ts';
import { openDeskDatabase } from '../../electron/storage/open-desk-database.ts';

const [dataDir, step] = process.argv.slice(2) as [string, string];
const dbPath = `${dataDir}/clinic-desk.db`;

if (step === 'write-marker') {
  const db = openDatabase({ path: dbPath });
  db.prepare(`INSERT INTO local_settings (key, value) VALUES ('crash_marker', 'still here')`).run();
  process.kill(process.pid, 'SIGKILL');
} else if (step === 'write-marker-legacy') {
  // A plain connection in the file's own (old) scheme: the app's open path would migrate it.
  const db = new Database(dbPath, { fileMustExist: true });
  if (applyKey(db, Buffer.from(new FileSecretStore(dataDir).get(DB_KEY_NAME)!, 'hex')) !== 'legacy') throw new Error('not a legacy desk');
  db.pragma('journal_mode = WAL');
  db.prepare(`INSERT INTO local_settings (key, value) VALUES ('crash_marker', 'still here')`).run();
  process.kill(process.pid, 'SIGKILL');
} else {
  const { db } = openDeskDatabase({
    dataDir,
    rebuildDamaged: false,
    keyStore: new FileSecretStore(dataDir),
    now: () => new Date(),
    appVersion: 'test',
    log: () => {},
    onEncryptStep: (s: EncryptStep) => {
      if (s === step) process.kill(process.pid, 'SIGKILL');
    },
  });
  db.close();
  process.stdout.write('finished\n');
}
