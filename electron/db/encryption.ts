/**
 * Encryption at rest: every page is encrypted and authenticated with ChaCha20-Poly1305
 * (SQLite3 Multiple Ciphers' own scheme, through better-sqlite3-multiple-ciphers), keyed with a
 * raw 256-bit key (no passphrase KDF: the key is random and kept wrapped by the OS, see
 * electron/storage/desk-key.ts).
 *
 * Desks written before that used SQLCipher 4's scheme (AES-256-CBC + HMAC-SHA512). Both are
 * authenticated with a 256-bit key; ChaCha20-Poly1305 costs about half the CPU per page, which
 * is most of a first sync's time on an encrypted desk. Such a file still opens, and the next
 * writable open moves it to the current scheme.
 *
 * A file is moved (plain → encrypted, or old scheme → current) in steps that each leave a usable
 * file: copy (VACUUM INTO) → re-encrypt the copy (rekey) → verify it → fsync → atomic rename over
 * the original. Until the rename the old file is the truth; after it, the new one is.
 */
import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';

export const KEY_BYTES = 32;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The database file exists but this key (or no key) does not open it. Nothing was written. */
export class DatabaseKeyError extends Error {
  constructor(detail?: string) {
    super(
      "This clinic database cannot be opened with this computer's key. It was encrypted on another " +
        'computer or its key was removed. Restore a backup made on this computer, or sign in to download ' +
        `the clinic again from the server. The file was not changed.${detail ? ` (${detail})` : ''}`,
    );
    this.name = 'DatabaseKeyError';
  }
}

export type FileState = 'missing' | 'plain' | 'encrypted';

/** 'missing' also covers an empty file (SQLite treats it as a new database). */
export function fileState(path: string): FileState {
  if (!existsSync(path) || statSync(path).size === 0) return 'missing';
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    readSync(fd, head, 0, head.length, 0);
    return head.equals(SQLITE_HEADER) ? 'plain' : 'encrypted';
  } finally {
    closeSync(fd);
  }
}

function checkKey(key: Buffer): string {
  if (key.length !== KEY_BYTES) throw new Error(`database key must be ${KEY_BYTES} bytes`);
  return key.toString('hex');
}

/** The scheme of every new desk file: ChaCha20-Poly1305, 16-byte nonce and tag per page. */
export const CIPHER_PRAGMAS: readonly string[] = [`cipher = 'chacha20'`];
/** SQLCipher 4 (AES-256-CBC + HMAC-SHA512): desks written before ChaCha20. Read, then migrated. */
export const LEGACY_CIPHER_PRAGMAS: readonly string[] = [`cipher = 'sqlcipher'`, 'legacy = 4'];

export type CipherScheme = 'current' | 'legacy';

const schemes = new WeakMap<object, CipherScheme>();

/** Sets a scheme and key on `db`, then reads the schema: false when the page check fails. */
export function keyOpens(db: Database.Database, pragmas: readonly string[], key: Buffer): boolean {
  for (const pragma of pragmas) db.pragma(pragma);
  db.pragma(`key = "x'${checkKey(key)}'"`);
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') return false;
    throw err;
  }
}

/**
 * Sets the cipher and key on a freshly opened connection, before anything reads the file, and
 * proves the key by reading the schema: the current scheme first, then the old one. A wrong key
 * fails here, before any pragma could write. Answers the scheme the file is in.
 */
export function applyKey(db: Database.Database, key: Buffer): CipherScheme {
  const scheme = keyOpens(db, CIPHER_PRAGMAS, key) ? 'current' : keyOpens(db, LEGACY_CIPHER_PRAGMAS, key) ? 'legacy' : null;
  if (!scheme) throw new DatabaseKeyError();
  schemes.set(db, scheme);
  return scheme;
}

/** The scheme applyKey found `db`'s file in; null for a connection without a key. */
export function cipherSchemeOf(db: object): CipherScheme | null {
  return schemes.get(db) ?? null;
}

/** The pragmas another connection needs to open the same file as `db` (keyed by applyKey). */
export function cipherPragmasOf(db: object): readonly string[] {
  return schemes.get(db) === 'legacy' ? LEGACY_CIPHER_PRAGMAS : CIPHER_PRAGMAS;
}

/** Row counts of every table (virtual FTS tables included): the copy must match the original. */
export function tableCounts(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const t of tables) {
    // FTS5 shadow tables are counted through their parent; skip the ones that cannot be scanned.
    try {
      counts[t] = db.prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`).pluck().get() as number;
    } catch {
      /* not scannable on its own */
    }
  }
  return counts;
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable. Directories cannot be fsynced on Windows; there NTFS journals it. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function removeSidecars(path: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/** Steps of encryptInPlace, named so a test can kill the process between any two. */
export type EncryptStep = 'start' | 'checkpointed' | 'copied' | 'encrypted' | 'verified' | 'synced' | 'renamed' | 'done';

export const ENCRYPTING_SUFFIX = '.encrypting';

/**
 * A copy left by an interrupted encryption is never the truth (the rename is the commit point):
 * drop it so the next attempt starts clean.
 */
export function removeInterruptedCopy(path: string): void {
  const copy = `${path}${ENCRYPTING_SUFFIX}`;
  rmSync(copy, { force: true });
  removeSidecars(copy);
}

/**
 * Encrypts the database at `path` in place with `key` under the current scheme: a plain file, or
 * (`from` 'legacy') one in the old scheme under the same key. Must run before any other
 * connection is open on the file. A crash at any point leaves the old or the new file, whole.
 */
export function encryptInPlace(
  path: string,
  key: Buffer,
  onStep: (step: EncryptStep) => void = () => {},
  from: 'plain' | 'legacy' = 'plain',
): void {
  const copy = `${path}${ENCRYPTING_SUFFIX}`;
  removeInterruptedCopy(path);
  onStep('start');

  const source = new Database(path);
  let counts: Record<string, number>;
  let version: number;
  try {
    if (from === 'legacy') applyKey(source, key);
    // Fold the WAL into the main file so closing leaves no frames a later open could replay.
    source.pragma('wal_checkpoint(TRUNCATE)');
    onStep('checkpointed');
    counts = tableCounts(source);
    version = source.pragma('user_version', { simple: true }) as number;
    // The copy is written under the source's scheme and key, if any.
    source.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`);
    onStep('copied');
  } finally {
    source.close();
  }

  const enc = new Database(copy);
  try {
    if (from === 'legacy') applyKey(enc, key);
    enc.pragma('journal_mode = DELETE'); // rekey cannot run on a WAL database
    for (const pragma of CIPHER_PRAGMAS) enc.pragma(pragma);
    enc.pragma(`rekey = "x'${checkKey(key)}'"`);
  } finally {
    enc.close();
  }
  onStep('encrypted');

  verifyCopy(copy, key, version, counts);
  onStep('verified');

  fsyncFile(copy);
  onStep('synced');
  // The source connection is closed, so its -wal is gone or empty; a stale one must not meet the new file.
  removeSidecars(path);
  renameSync(copy, path);
  fsyncDir(dirname(path));
  onStep('renamed');
  removeSidecars(copy);
  onStep('done');
}

function verifyCopy(copy: string, key: Buffer, version: number, counts: Record<string, number>): void {
  if (fileState(copy) !== 'encrypted') throw new Error('encryption did not take effect; the original is unchanged');
  const check = new Database(copy, { readonly: true });
  try {
    if (applyKey(check, key) !== 'current') throw new Error('the copy is not in the current cipher scheme; the original is unchanged');
    const ok = check.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new Error(`encrypted copy failed its check (${String(ok)}); the original is unchanged`);
    if (check.pragma('user_version', { simple: true }) !== version) throw new Error('encrypted copy lost its schema version');
    const after = tableCounts(check);
    for (const [table, n] of Object.entries(counts)) {
      if (after[table] !== n) throw new Error(`encrypted copy has ${after[table]} rows in ${table}, expected ${n}`);
    }
  } finally {
    check.close();
  }
}

/**
 * Gets the file at `path` ready to open with `key`: discards an interrupted encryption and
 * encrypts a plain database. A missing file is created encrypted on first open. (A file in the
 * old scheme is moved once a connection has found out which scheme it is in: cipherSchemeOf.)
 */
export function prepareEncryptedFile(path: string, key: Buffer, onStep?: (step: EncryptStep) => void): FileState {
  removeInterruptedCopy(path);
  const state = fileState(path);
  if (state === 'plain') encryptInPlace(path, key, onStep);
  return state;
}

/** The key each open handle was opened with, for backups of that same database. */
const keys = new WeakMap<object, Buffer>();

export function rememberKey(db: object, key: Buffer): void {
  keys.set(db, Buffer.from(key));
}

export function keyOf(db: object): Buffer | null {
  return keys.get(db) ?? null;
}
