import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SQLITE_MIGRATIONS, type SqliteMigration } from '../../../migrations/sqlite/index.ts';
import type { WriteDb } from '../database.ts';
import { restoreDeferredNow } from './deferred-indexes.ts';

export class DatabaseFromFutureError extends Error {
  readonly found: number;
  readonly known: number;

  constructor(found: number, known: number) {
    super(
      `This clinic database was written by a newer version of Clinic Desk (schema ${found}; ` +
        `this version knows up to ${known}). Update Clinic Desk to open it. The file was not changed.`,
    );
    this.found = found;
    this.known = known;
    this.name = 'DatabaseFromFutureError';
  }
}

/**
 * The SQL lies in migrations/sqlite three folders above this file in the sources and the tsc build,
 * but two above the one-file host bundle (build/host/cli.mjs): take the nearest folder up that has it.
 */
export function defaultMigrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up += 1) {
    dir = dirname(dir);
    const candidate = join(dir, 'migrations', 'sqlite');
    if (existsSync(join(candidate, '0001_init.sql'))) return candidate;
  }
  throw new Error(`The SQLite migrations (migrations/sqlite) were not found above ${fileURLToPath(import.meta.url)}.`);
}

export function latestSchemaVersion(migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

export interface MigrationOptions {
  migrations?: readonly SqliteMigration[];
  dir?: string;
  upTo?: number;
}

/** The schema versions a database is at and will be at once its pending migrations ran. */
export interface PendingMigration {
  from: number;
  to: number;
}

/**
 * Readies a database for migrating: one from a newer app is refused before anything is written,
 * and indexes and triggers a first download cut off by a crash left out (deferred-indexes.ts) are
 * back, with the recall facts, before any migration (which may refer to them) or any query runs.
 */
export function prepareSchema(db: WriteDb, options: MigrationOptions = {}): PendingMigration {
  const migrations = options.migrations ?? SQLITE_MIGRATIONS;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration registry out of order at ${m.file}`);
  });
  const known = latestSchemaVersion(migrations);
  const target = Math.min(options.upTo ?? known, known);
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > known) throw new DatabaseFromFutureError(from, known);
  restoreDeferredNow(db);
  return { from, to: Math.max(from, target) };
}

/**
 * Runs the pending migrations. Each runs in its own transaction together with the user_version
 * bump, so a crash leaves a whole version.
 */
export function runMigrations(db: WriteDb, pending: PendingMigration, options: MigrationOptions = {}): PendingMigration {
  const dir = options.dir ?? defaultMigrationsDir();
  for (const m of options.migrations ?? SQLITE_MIGRATIONS) {
    if (m.version <= pending.from || m.version > pending.to) continue;
    const sql = readFileSync(join(dir, m.file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return pending;
}

/** Brings the database up to the newest schema (or `upTo`): prepareSchema, then runMigrations. */
export function migrate(db: WriteDb, options: MigrationOptions = {}): PendingMigration {
  return runMigrations(db, prepareSchema(db, options), options);
}
