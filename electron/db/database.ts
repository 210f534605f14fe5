// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient module declaration cannot be imported
/// <reference path="./sqlite-driver.d.ts" />
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, rememberKey } from './encryption.ts';

/** Read-only handle type: repositories that only read take this, so a read path cannot write. */
export type ReadDb = Pick<Database.Database, 'prepare' | 'pragma'> & { readonly __read?: true };
/** Writable handle. */
export type WriteDb = Database.Database;

export interface OpenOptions {
  /** File path, or ':memory:' for tests. */
  path: string;
  readonly?: boolean;
  /**
   * 256-bit key: the file is encrypted (see encryption.ts); a missing one is created encrypted.
   * Ignored for ':memory:'. A wrong key, or a plain file, throws DatabaseKeyError: encrypting a
   * plain desk file, or moving one in the old cipher scheme, is storage/'s step before and after.
   */
  key?: Buffer | null;
}

/**
 * A clinic's first download grows the WAL to ~470 MB at 200k appointments: the writer never
 * pauses long enough for the WAL to start over. Without a limit the file kept that size until
 * the app closed; with it, the first reset of the WAL after the download truncates it.
 */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

function openKeyed(path: string, writable: boolean, key: Buffer | null): WriteDb {
  const db = new Database(path, { readonly: !writable });
  if (!key) return db;
  try {
    applyKey(db, key);
    rememberKey(db, key);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Opens the local database with the pragmas the design relies on: WAL for concurrent reads,
 * synchronous=FULL so a power cut never loses a committed write, foreign keys on, a busy
 * timeout so a second connection waits instead of failing, and a 32 MiB page cache.
 */
export function openDatabase(options: OpenOptions): WriteDb {
  const key = options.path === ':memory:' ? null : (options.key ?? null);
  const db = openKeyed(options.path, !options.readonly, key);
  if (options.path !== ':memory:') {
    db.pragma('journal_mode = WAL');
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 32 MiB of page cache (default 2 MiB): every miss is a read plus a page decryption, and the
  // day schedule's name lookups (patients_names, ~15 MB at 200k patients) should stay cached.
  db.pragma('cache_size = -32768');
  return db;
}
