import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/database.ts';
import {
  DatabaseFromFutureError,
  defaultMigrationsDir,
  latestSchemaVersion,
  migrate,
} from '../../electron/db/schema/migrate.ts';
import { SQLITE_MIGRATIONS } from '../../migrations/sqlite/index.ts';
import { SYNCED_TABLES } from '../../shared/sync-tables.ts';

const tables = (db: ReturnType<typeof openDatabase>) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('SQL/migrations', () => {
  it('lists every .sql file in the registry, in order', () => {
    const files = readdirSync(defaultMigrationsDir()).filter((f) => f.endsWith('.sql')).sort();
    expect(SQLITE_MIGRATIONS.map((m) => m.file)).toEqual(files);
    SQLITE_MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('brings an empty database to the newest version with every synced table and its sync columns', () => {
    const db = openDatabase({ path: ':memory:' });
    expect(migrate(db)).toEqual({ from: 0, to: latestSchemaVersion() });
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    const names = tables(db);
    for (const t of SYNCED_TABLES) {
      expect(names).toContain(t.name);
      const cols = (db.prepare(`PRAGMA table_info(${t.name})`).all() as { name: string }[]).map((c) => c.name);
      expect(cols).toEqual(expect.arrayContaining(['id', 'clinic_id', 'version', 'updated_at', 'deleted_at']));
    }
    expect(names).toEqual(expect.arrayContaining(['outbox', 'local_settings']));
  });

  it('changes nothing when run again', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db);
    const schema = db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all();
    expect(migrate(db)).toEqual({ from: latestSchemaVersion(), to: latestSchemaVersion() });
    expect(db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all()).toEqual(schema);
  });

  it.each(SQLITE_MIGRATIONS.map((m) => [m.file, m.version] as const))(
    'applies %s on the previous version’s database',
    (_file, version) => {
      const db = openDatabase({ path: ':memory:' });
      migrate(db, { upTo: version - 1 });
      expect(db.pragma('user_version', { simple: true })).toBe(version - 1);
      migrate(db, { upTo: version });
      expect(db.pragma('user_version', { simple: true })).toBe(version);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    },
  );

  it('refuses a database written by a newer version and leaves the file untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-mig-'));
    const path = join(dir, 'future.db');
    const writer = openDatabase({ path });
    migrate(writer);
    writer.pragma(`user_version = ${latestSchemaVersion() + 5}`);
    writer.pragma('wal_checkpoint(TRUNCATE)');
    writer.close();
    const before = readFileSync(path);

    const db = openDatabase({ path });
    expect(() => migrate(db)).toThrow(DatabaseFromFutureError);
    expect(() => migrate(db)).toThrow(/newer version of Clinic Desk/);
    db.close();
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('rolls a failing migration back whole: no half-applied schema, version unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-mig-'));
    copyFileSync(join(defaultMigrationsDir(), '0001_init.sql'), join(dir, '0001_init.sql'));
    writeFileSync(join(dir, '0002_broken.sql'), 'CREATE TABLE half_done (x INTEGER);\nTHIS IS NOT SQL;');
    const registry = [SQLITE_MIGRATIONS[0]!, { version: 2, file: '0002_broken.sql' }];
    const db = openDatabase({ path: ':memory:' });
    expect(() => migrate(db, { migrations: registry, dir })).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).not.toContain('half_done');
  });

  it('uses the indexes the day schedule and the outbox head need', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan(`SELECT * FROM appointments WHERE clinic_id = 'c' AND starts_at >= 'a' AND starts_at < 'b'`)).toMatch(
      /appointments_clinic_start/,
    );
    expect(plan(`SELECT * FROM outbox WHERE status = 'pending' ORDER BY seq LIMIT 100`)).toMatch(/outbox_pending/);
  });
});
