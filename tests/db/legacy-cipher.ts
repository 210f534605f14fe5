/**
 * Test helpers for desks written before ChaCha20: puts a file into the old SQLCipher 4 scheme
 * (under the same key) and tells which scheme a file opens with, without the app's fallback.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { CIPHER_PRAGMAS, LEGACY_CIPHER_PRAGMAS, applyKey, keyOpens } from '../../electron/db/encryption.ts';

/** Re-encrypts the encrypted database at `path` in the old scheme, as an older app wrote it. */
export function rewriteInLegacyScheme(path: string, key: Buffer): void {
  const db = new Database(path, { fileMustExist: true });
  try {
    applyKey(db, key);
    db.pragma('journal_mode = DELETE');
    for (const pragma of LEGACY_CIPHER_PRAGMAS) db.pragma(pragma);
    db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    db.close();
  }
}

/** Which scheme reads the file with `key`: tried one at a time, on fresh read-only connections. */
export function schemesThatOpen(path: string, key: Buffer): string[] {
  const found: string[] = [];
  for (const [name, pragmas] of [['current', CIPHER_PRAGMAS], ['legacy', LEGACY_CIPHER_PRAGMAS]] as const) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      if (keyOpens(db, pragmas, key)) found.push(name);
    } finally {
      db.close();
    }
  }
  return found;
}
