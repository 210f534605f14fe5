import { readFileSync } from 'node:fs';
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

export function defaultMigrationsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'migrations', 'sqlite');
}

export function latestSchemaVersion(migrations: readonly SqliteMigration[] = SQLITE_MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

/**
 * Brings the database up to the newest schema. Each pending migration runs in its own
 * transaction together with the user_version bump, so a crash leaves a whole version.
 * A database from a newer app is refused before anything is written. Indexes a first download
 * left out (deferred-indexes.ts) are built first.
 */
export function migrate(
  db: WriteDb,
  options: {
    migrations?: readonly SqliteMigration[];
    dir?: string;
    upTo?: number;
    /** Runs once before the first pending migration (e.g. a backup); throwing stops the migration. */
    beforeMigrate?: (from: number, to: number) => void;
  } = {},
): { from: number; to: number } {
  const migrations = options.migrations ?? SQLITE_MIGRATIONS;
  const dir = options.dir ?? defaultMigrationsDir();
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration registry out of order at ${m.file}`);
  });
  const known = latestSchemaVersion(migrations);
  const target = Math.min(options.upTo ?? known, known);
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > known) throw new DatabaseFromFutureError(from, known);
  // A first download cut off by a crash left indexes and triggers out: the schema (and the recall
  // facts) are whole again before any migration (which may refer to them) or any query runs.
  restoreDeferredNow(db);
  if (from < target) options.beforeMigrate?.(from, target);

  for (const m of migrations) {
    if (m.version <= from || m.version > target) continue;
    const sql = readFileSync(join(dir, m.file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: Math.max(from, target) };
}
