import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WAL_SIZE_LIMIT_BYTES, openDatabase } from '../../electron/db/database.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('WAL size after a large write', () => {
  it('truncates a WAL grown past the limit once it starts over', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinic-wal-'));
    dirs.push(dir);
    const path = join(dir, 'desk.db');
    const db = openDatabase({ path });
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
    // As during a first download: no automatic checkpoints, one write after another.
    db.pragma('wal_autocheckpoint = 0');
    const insert = db.prepare('INSERT INTO t (body) VALUES (randomblob(4000))');
    const slice = db.transaction(() => {
      for (let i = 0; i < 1000; i++) insert.run();
    });
    while (statSync(`${path}-wal`).size <= WAL_SIZE_LIMIT_BYTES + 4 * 1024 * 1024) slice();
    const grown = statSync(`${path}-wal`).size;

    // After the download: a checkpoint, then the next write starts the WAL over.
    db.pragma('wal_autocheckpoint = 1000');
    db.pragma('wal_checkpoint(PASSIVE)');
    insert.run();
    expect(grown).toBeGreaterThan(WAL_SIZE_LIMIT_BYTES);
    expect(statSync(`${path}-wal`).size).toBeLessThanOrEqual(WAL_SIZE_LIMIT_BYTES);
    db.close();
  });
});
