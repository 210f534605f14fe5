import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PlainSqlite from 'better-sqlite3';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../electron/secrets/secret-store.ts';
import { openDatabase } from '../../electron/db/database.ts';
import { type EncryptStep, applyKey, fileState, tableCounts } from '../../electron/db/encryption.ts';
import { migrate } from '../../electron/db/schema/migrate.ts';
import { seedDemoClinic } from '../../electron/demo/seed.ts';
import { DB_KEY_NAME } from '../../electron/storage/desk-key.ts';
import { openDeskDatabase } from '../../electron/storage/open-desk-database.ts';
import { rewriteInLegacyScheme, schemesThatOpen } from './legacy-cipher.ts';

const CHILD = join(import.meta.dirname, 'encryption-crash-child.ts');
const DB = 'clinic-desk.db';
const STEPS: EncryptStep[] = ['start', 'checkpointed', 'copied', 'encrypted', 'verified', 'synced', 'renamed', 'done'];

function runChild(dataDir: string, step: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', CHILD, dataDir, step], { encoding: 'utf8', timeout: 60_000 });
}

/** Reads the file as it is on disk right now: plain, or encrypted with the stored key. */
function countsOnDisk(dataDir: string): { state: string; counts: Record<string, number>; marker: unknown } {
  const file = join(dataDir, DB);
  const state = fileState(file);
  const db = state === 'plain' ? new PlainSqlite(file) : new Database(file);
  try {
    if (state === 'encrypted') {
      applyKey(db as Database.Database, Buffer.from(new FileSecretStore(dataDir).get(DB_KEY_NAME)!, 'hex'));
    }
    const marker = db.prepare(`SELECT value FROM local_settings WHERE key = 'crash_marker'`).pluck().get();
    return { state, counts: tableCounts(db as Database.Database), marker };
  } finally {
    db.close();
  }
}

const storedKey = (dataDir: string) => Buffer.from(new FileSecretStore(dataDir).get(DB_KEY_NAME)!, 'hex');

// Two moves, the same steps: a plain desk encrypted, and a desk in the old cipher scheme
// (SQLCipher 4) re-encrypted in the current one.
describe.each(['plain', 'legacy'] as const)('moving a %s database to the current cipher in place survives kill -9', (origin) => {
  const root = mkdtempSync(join(tmpdir(), 'clinic-enc-crash-'));
  const template = join(root, 'template');
  let expected: Record<string, number>;
  let n = 0;

  beforeAll(() => {
    // A plain, seeded database with a committed row still only in its WAL (writer killed).
    mkdirSync(template, { recursive: true });
    const plain = openDatabase({ path: join(template, DB) });
    migrate(plain);
    seedDemoClinic(plain, { now: new Date('2026-03-20T09:30:00.000Z') });
    plain.close();
    if (origin === 'legacy') {
      // The app encrypts it (and makes the key); then it is put back in the old scheme.
      openDeskDatabase({ dataDir: template, rebuildDamaged: false, keyStore: new FileSecretStore(template), now: () => new Date(), appVersion: 'test', log: () => {} }).db.close();
      rewriteInLegacyScheme(join(template, DB), storedKey(template));
    }
    const marker = runChild(template, origin === 'legacy' ? 'write-marker-legacy' : 'write-marker');
    expect(marker.signal, marker.stderr).toBe('SIGKILL');
    expect(statSync(join(template, `${DB}-wal`)).size).toBeGreaterThan(0);
    const seen = countsOnDisk(freshCopy());
    expect(seen.marker).toBe('still here');
    expected = seen.counts;
    expect(expected.appointments).toBeGreaterThan(0);
  }, 60_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function freshCopy(): string {
    const dir = join(root, `case-${++n}`);
    mkdirSync(dir);
    cpSync(template, dir, { recursive: true }); // with secrets/ when the template has a key
    return dir;
  }

  function expectWholeAfterReopen(dataDir: string): void {
    // Right after the kill: either the old or the new file, complete.
    const onDisk = countsOnDisk(dataDir);
    expect(origin === 'plain' ? ['plain', 'encrypted'] : ['encrypted']).toContain(onDisk.state);
    expect(onDisk.counts).toEqual(expected);
    expect(onDisk.marker).toBe('still here');
    // And the app's own open path finishes the job.
    const { db } = openDeskDatabase({
      dataDir,
      rebuildDamaged: false,
      keyStore: new FileSecretStore(dataDir),
      now: () => new Date(),
      appVersion: 'test',
      log: () => {},
    });
    try {
      expect(tableCounts(db)).toEqual(expected);
      expect(db.prepare(`SELECT value FROM local_settings WHERE key = 'crash_marker'`).pluck().get()).toBe('still here');
    } finally {
      db.close();
    }
    expect(fileState(join(dataDir, DB))).toBe('encrypted');
    expect(schemesThatOpen(join(dataDir, DB), storedKey(dataDir))).toEqual(['current']);
    expect(existsSync(join(dataDir, `${DB}.encrypting`))).toBe(false);
  }

  it.each(STEPS)('keeps every row when killed at step %s', (step) => {
    const dir = freshCopy();
    const child = runChild(dir, step);
    expect(child.signal, child.stderr).toBe('SIGKILL');
    expectWholeAfterReopen(dir);
  }, 60_000);

  it('keeps every row when killed from outside at arbitrary moments', async () => {
    for (const delayMs of [250, 450, 650, 850, 1200]) {
      const dir = freshCopy();
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, 'none'], { stdio: 'ignore' });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      setTimeout(() => child.kill('SIGKILL'), delayMs);
      await exited;
      expectWholeAfterReopen(dir);
    }
  }, 60_000);

  it('finishes and leaves only the file in the current scheme when not interrupted', () => {
    const dir = freshCopy();
    const child = runChild(dir, 'none');
    expect(child.stdout).toContain('finished');
    expect(fileState(join(dir, DB))).toBe('encrypted');
    expectWholeAfterReopen(dir);
  }, 60_000);
});
