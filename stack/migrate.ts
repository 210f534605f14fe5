import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_DIR = path.resolve(here, '../migrations/postgres');
const BOOTSTRAP_FILE = path.join(here, 'bootstrap.sql');

/** Supabase CLI names: `<14-digit timestamp>_<name>.sql`, applied in name order. */
const MIGRATION_NAME = /^(\d{14})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  version: string;
  name: string;
  file: string;
}

export async function listMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return files.map((file) => {
    const m = MIGRATION_NAME.exec(file);
    if (!m) throw new Error(`migration file name must look like 20261123000001_name.sql: ${file}`);
    return { version: m[1]!, name: m[2]!, file: path.join(dir, file) };
  });
}

/**
 * Creates what a hosted Supabase project provides, once per database. Roles belong to the whole
 * cluster: `authenticatorPassword` null leaves the authenticator's password as it is (another
 * database in a running cluster, whose PostgREST logs in with the current one).
 */
export async function bootstrap(client: pg.Client, authenticatorPassword: string | null): Promise<boolean> {
  const { rows } = await client.query(`select 1 from pg_namespace where nspname = 'auth'`);
  if (rows.length === 0) {
    await client.query('begin');
    await client.query(await readFile(BOOTSTRAP_FILE, 'utf8'));
    await client.query('commit');
  }
  // Password is per run (not stored in the SQL); quote it as a literal.
  if (authenticatorPassword !== null) {
    await client.query(`alter role authenticator password ${client.escapeLiteral(authenticatorPassword)}`);
  }
  return rows.length === 0;
}

/**
 * Applies pending project migrations, each in its own transaction, recording them in
 * supabase_migrations.schema_migrations exactly like `supabase db push`. Returns the versions
 * applied (none on a second run).
 */
export async function migrate(client: pg.Client, dir = MIGRATIONS_DIR): Promise<string[]> {
  const { rows } = await client.query<{ version: string }>(
    'select version from supabase_migrations.schema_migrations',
  );
  const done = new Set(rows.map((r) => r.version));
  const applied: string[] = [];
  for (const m of await listMigrations(dir)) {
    if (done.has(m.version)) continue;
    const sql = await readFile(m.file, 'utf8');
    await client.query('begin');
    try {
      await client.query(sql);
      await client.query(
        'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
        [m.version, m.name, [sql]],
      );
      await client.query('commit');
    } catch (err) {
      await client.query('rollback');
      throw new Error(`migration ${path.basename(m.file)} failed: ${(err as Error).message}`);
    }
    applied.push(m.version);
  }
  if (applied.length > 0) await client.query(`notify pgrst, 'reload schema'`);
  return applied;
}
