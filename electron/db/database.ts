import Database from 'better-sqlite3-multiple-ciphers';

/** Read-only handle type: repositories that only read take this, so a read path cannot write. */
export type ReadDb = Pick<Database.Database, 'prepare' | 'pragma'> & { readonly __read?: true };
/** Writable handle. */
export type WriteDb = Database.Database;

export interface OpenOptions {
  /** File path, or ':memory:' for tests. */
  path: string;
  readonly?: boolean;
}

/**
 * Opens the local database with the pragmas the design relies on: WAL for concurrent reads,
 * synchronous=FULL so a power cut never loses a committed write, foreign keys on, and a busy
 * timeout so a second connection waits instead of failing.
 */
export function openDatabase(options: OpenOptions): WriteDb {
  const db = new Database(options.path, { readonly: options.readonly ?? false });
  if (options.path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
