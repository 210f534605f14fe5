/**
 * The database key: 32 random bytes made once per desk, kept in the SecretStore (Electron:
 * wrapped by safeStorage with the OS keychain; headless host: a 0600 file, which only protects
 * against other users of the machine, hence the warning). Losing the key loses the local data
 * (the server copy and encrypted backups made with it remain), so a key is only ever created
 * for a database that does not exist yet or is still plain, and is stored before first use.
 */
import { randomBytes } from 'node:crypto';
import type { SecretStore } from '../secrets/secret-store.ts';
import { DatabaseKeyError, KEY_BYTES, fileState } from '../db/encryption.ts';

export const DB_KEY_NAME = 'db-key';
const HEX_KEY = /^[0-9a-f]{64}$/;

export interface DatabaseKeyOptions {
  store: SecretStore;
  /** The database file the key is for. */
  dbPath: string;
  /** Warnings (e.g. the key is only protected by file permissions). */
  warn?: (message: string) => void;
}

/** True when the store keeps values in plain files (no OS encryption behind it). */
function isPlainFileStore(store: SecretStore): boolean {
  return store.kind.startsWith('file');
}

export function loadOrCreateDatabaseKey(options: DatabaseKeyOptions): Buffer {
  const { store, dbPath } = options;
  if (isPlainFileStore(store)) {
    options.warn?.(
      'warning: the database key is kept in a file readable only by this user (no OS keychain here). ' +
        'Anyone who can log in as this user, or read the disk unencrypted, can read the clinic data.',
    );
  }
  const stored = store.get(DB_KEY_NAME);
  if (stored !== null) {
    const hex = stored.trim();
    if (!HEX_KEY.test(hex)) throw new DatabaseKeyError('the stored key is damaged');
    return Buffer.from(hex, 'hex');
  }
  // An encrypted file without its key: never make a new key over it (that would look like loss).
  if (fileState(dbPath) === 'encrypted') throw new DatabaseKeyError('no key is stored on this computer');
  const key = randomBytes(KEY_BYTES);
  store.set(DB_KEY_NAME, key.toString('hex'));
  if (store.get(DB_KEY_NAME) !== key.toString('hex')) throw new Error('the database key could not be stored');
  return key;
}

/** The desk's database key if the store holds a valid one (never creates one). */
export function storedDatabaseKey(store: SecretStore | false): Buffer | null {
  if (!store) return null;
  try {
    const hex = store.get(DB_KEY_NAME)?.trim() ?? '';
    return HEX_KEY.test(hex) ? Buffer.from(hex, 'hex') : null;
  } catch {
    return null;
  }
}
