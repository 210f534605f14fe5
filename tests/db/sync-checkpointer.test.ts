import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/database.ts';
import { startCheckpointer } from '../../electron/db/repos/sync-checkpointer.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fileWithWal(key: Buffer | null) {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-ckpt-'));
  dirs.push(dir);
  const path = join(dir, 'desk.db');
  const db = openDatabase({ path, key });
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { db, path };
}

async function writeWhileCheckpointing(key: Buffer | null) {
  const { db, path } = fileWithWal(key);
  const before = statSync(path).size;
  const checkpointer = startCheckpointer(db);
  expect(checkpointer).not.toBeNull();
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  for (let slice = 0; slice < 20; slice++) {
    db.transaction(() => {
      for (let i = 0; i < 200; i++) insert.run(`row ${slice}-${i} ${'x'.repeat(200)}`);
    })();
  }
  expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  await checkpointer!.stop();
  return { db, path, before };
}

describe('sync checkpointer', () => {
  // Automatic checkpoints are off while it runs, so only the worker can have moved the WAL's
  // pages into the database file: a worker that could not open the file leaves it as it was.
  it.each([
    ['an encrypted desk', randomBytes(32)],
    ['a plain desk', null],
  ])('copies the WAL into the database file from its worker, for %s', async (_label, key) => {
    const { db, path, before } = await writeWhileCheckpointing(key);
    expect(statSync(path).size).toBeGreaterThan(before + 800_000);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(4000);
    db.close();
    const again = openDatabase({ path, key });
    expect(again.prepare('SELECT count(*) FROM t').pluck().get()).toBe(4000);
    again.close();
  });
});
