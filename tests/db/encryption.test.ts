import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PlainSqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { databasePath } from '../../electron/storage/open-desk-database.ts';
import { FileSecretStore, MemorySecretStore } from '../../electron/secrets/secret-store.ts';
import { openDatabase } from '../../electron/db/database.ts';
import Database from 'better-sqlite3-multiple-ciphers';
import { DatabaseKeyError, applyKey, fileState, tableCounts } from '../../electron/db/encryption.ts';
import { migrate } from '../../electron/db/schema/migrate.ts';
import { seedDemoClinic } from '../../electron/demo/seed.ts';
import { DB_KEY_NAME } from '../../electron/storage/desk-key.ts';
import { rewriteInLegacyScheme, schemesThatOpen } from './legacy-cipher.ts';

const NOW = new Date('2026-03-20T09:30:00.000Z');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-enc-'));
  dirs.push(dir);
  return dir;
};
const quiet = (into: string[] = []) => ({ error: (m: string) => void into.push(m) });

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('encryption at rest', () => {
  it('creates the app database encrypted: no SQLite header, unreadable by plain better-sqlite3', () => {
    const dataDir = tempDir();
    const app = createApp({ dataDir, now: () => NOW, logger: quiet() });
    const appointments = app.db.prepare('SELECT count(*) FROM appointments').pluck().get() as number;
    app.close();

    const file = databasePath(dataDir);
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(fileState(file)).toBe('encrypted');
    const plain = new PlainSqlite(file, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM appointments').get()).toThrow(/not a database/);
    plain.close();
    // The text of patient names never appears in the file.
    expect(readFileSync(file).includes(Buffer.from('appointments'))).toBe(false);

    const again = createApp({ dataDir, now: () => NOW, logger: quiet() });
    expect(appointments).toBeGreaterThan(0);
    expect(again.db.prepare('SELECT count(*) FROM appointments').pluck().get()).toBe(appointments);
    again.close();
  });

  it('keeps the headless key in a 0600 file and says so in the log', () => {
    const dataDir = tempDir();
    const logged: string[] = [];
    createApp({ dataDir, demo: false, logger: quiet(logged) }).close();
    const keyFile = join(dataDir, 'secrets', DB_KEY_NAME);
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(logged.join('\n')).toMatch(/warning: the database key is kept in a file readable only by this user/);
  });

  it('refuses a wrong key with a clear message and writes nothing', () => {
    const dataDir = tempDir();
    createApp({ dataDir, demo: false, logger: quiet() }).close();
    const file = databasePath(dataDir);
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    new FileSecretStore(dataDir).set(DB_KEY_NAME, 'cd'.repeat(32));

    expect(() => createApp({ dataDir, demo: false, logger: quiet() })).toThrow(DatabaseKeyError);
    expect(() => createApp({ dataDir, demo: false, logger: quiet() })).toThrow(/cannot be opened with this computer's key/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('never makes a new key over an encrypted database whose key is gone', () => {
    const dataDir = tempDir();
    createApp({ dataDir, demo: false, logger: quiet() }).close();
    rmSync(join(dataDir, 'secrets', DB_KEY_NAME));
    expect(() => createApp({ dataDir, demo: false, logger: quiet() })).toThrow(DatabaseKeyError);
    expect(existsSync(join(dataDir, 'secrets', DB_KEY_NAME))).toBe(false);
  });

  it('encrypts an existing plain database in place without losing a row', () => {
    const dataDir = tempDir();
    const file = databasePath(dataDir);
    const plain = openDatabase({ path: file });
    migrate(plain);
    seedDemoClinic(plain, { now: NOW });
    const counts = tableCounts(plain);
    plain.close();
    expect(fileState(file)).toBe('plain');

    const app = createApp({ dataDir, now: () => NOW, logger: quiet() });
    expect(tableCounts(app.db)).toEqual(counts);
    app.close();
    expect(fileState(file)).toBe('encrypted');
    expect(existsSync(`${file}.encrypting`)).toBe(false);
    expect(counts.appointments).toBeGreaterThan(0);
  });

  it('drops a copy left by an interrupted encryption and keeps the plain original', () => {
    const dataDir = tempDir();
    const file = databasePath(dataDir);
    const plain = openDatabase({ path: file });
    migrate(plain);
    plain.close();
    writeFileSync(`${file}.encrypting`, 'half a copy');
    const app = createApp({ dataDir, demo: false, logger: quiet() });
    expect(app.db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    app.close();
    expect(existsSync(`${file}.encrypting`)).toBe(false);
    expect(fileState(file)).toBe('encrypted');
  });

  it('creates new desks in ChaCha20-Poly1305, which the old SQLCipher 4 scheme cannot read', () => {
    const dataDir = tempDir();
    createApp({ dataDir, demo: false, logger: quiet() }).close();
    const key = Buffer.from(new FileSecretStore(dataDir).get(DB_KEY_NAME)!, 'hex');
    expect(schemesThatOpen(databasePath(dataDir), key)).toEqual(['current']);
  });

  it('moves a desk in the old SQLCipher 4 scheme to ChaCha20 on open, keeping every row', () => {
    const dataDir = tempDir();
    const file = databasePath(dataDir);
    const first = createApp({ dataDir, now: () => NOW, logger: quiet() });
    const counts = tableCounts(first.db);
    first.close();
    const key = Buffer.from(new FileSecretStore(dataDir).get(DB_KEY_NAME)!, 'hex');
    rewriteInLegacyScheme(file, key);
    expect(schemesThatOpen(file, key)).toEqual(['legacy']);

    // A read-only connection (backups, salvage) reads the old scheme as it is.
    const reader = new Database(file, { readonly: true });
    expect(applyKey(reader, key)).toBe('legacy');
    expect(tableCounts(reader)).toEqual(counts);
    reader.close();
    expect(schemesThatOpen(file, key)).toEqual(['legacy']);

    const app = createApp({ dataDir, now: () => NOW, logger: quiet() });
    expect(tableCounts(app.db)).toEqual(counts);
    app.close();
    expect(schemesThatOpen(file, key)).toEqual(['current']);
    expect(existsSync(`${file}.encrypting`)).toBe(false);
    expect(counts.appointments).toBeGreaterThan(0);
  });

  it('refuses a wrong key on a desk in the old scheme and leaves the file as it was', () => {
    const dataDir = tempDir();
    const file = databasePath(dataDir);
    createApp({ dataDir, demo: false, logger: quiet() }).close();
    const key = Buffer.from(new FileSecretStore(dataDir).get(DB_KEY_NAME)!, 'hex');
    rewriteInLegacyScheme(file, key);
    const before = readFileSync(file);
    new FileSecretStore(dataDir).set(DB_KEY_NAME, 'cd'.repeat(32));
    expect(() => createApp({ dataDir, demo: false, logger: quiet() })).toThrow(DatabaseKeyError);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(schemesThatOpen(file, key)).toEqual(['legacy']);
  });

  it('stays plain for in-memory test apps and for an explicit benchmark baseline', () => {
    const memory = createApp({ dataDir: ':memory:', demo: false, logger: quiet() });
    memory.close();
    const dataDir = tempDir();
    createApp({ dataDir, demo: false, keyStore: false, logger: quiet() }).close();
    expect(fileState(databasePath(dataDir))).toBe('plain');
  });

  it('uses the key from the given store (Electron passes its safeStorage store)', () => {
    const dataDir = tempDir();
    const store = new MemorySecretStore();
    const logged: string[] = [];
    createApp({ dataDir, demo: false, keyStore: store, logger: quiet(logged) }).close();
    expect(store.get(DB_KEY_NAME)).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(join(dataDir, 'secrets', DB_KEY_NAME))).toBe(false);
    expect(logged.join('\n')).not.toMatch(/warning/);
    expect(() => createApp({ dataDir, demo: false, keyStore: new MemorySecretStore(), logger: quiet() })).toThrow(DatabaseKeyError);
  });
});
