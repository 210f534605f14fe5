import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { bootstrap, listMigrations, migrate } from '../../stack/migrate.ts';
import { useStack } from './harness.ts';

const h = useStack();

/** A fingerprint of everything the migrations can create in a database. */
async function catalog(db: pg.Client): Promise<string> {
  const { rows } = await db.query(`
    select md5(string_agg(x, E'\\n' order by x)) as fp from (
      select 'rel ' || c.oid::regclass::text || ' ' || c.relkind::text || ' ' || c.relrowsecurity::text from pg_class c
        join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('public', 'private')
      union all select 'col ' || attrelid::regclass::text || '.' || attname || ' ' || format_type(atttypid, atttypmod)
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('public', 'private') and attnum > 0 and not attisdropped
      union all select 'con ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        from pg_constraint where connamespace in (select oid from pg_namespace where nspname in ('public', 'private'))
      union all select 'pol ' || schemaname || '.' || tablename || ' ' || policyname || ' ' || cmd || ' ' || coalesce(qual, '') || coalesce(with_check, '')
        from pg_policies
      union all select 'fn ' || p.oid::regprocedure::text || ' ' || md5(p.prosrc) from pg_proc p
        join pg_namespace n on n.oid = p.pronamespace where n.nspname in ('public', 'private')
      union all select 'trg ' || tgrelid::regclass::text || ' ' || tgname from pg_trigger where not tgisinternal
      union all select 'acl ' || c.oid::regclass::text || ' ' || coalesce(c.relacl::text, '') from pg_class c
        join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('public', 'private')
      union all select 'mig ' || version from supabase_migrations.schema_migrations
    ) s(x)`);
  return rows[0].fp as string;
}

describe('postgres migrations', () => {
  it('use Supabase CLI file names', async () => {
    const list = await listMigrations();
    expect(list.length).toBeGreaterThan(0);
    for (const m of list) expect(m.file).toMatch(/\/\d{14}_[a-z0-9_]+\.sql$/);
  });

  it('apply on an empty database, and applying them again changes nothing', async () => {
    const name = `migrate_${randomBytes(4).toString('hex')}`;
    await h().db.query(`create database ${name}`);
    const url = new URL(h().stack.pgUrl);
    url.pathname = `/${name}`;
    const db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
    try {
      // Not a new password: the role is the shared stack's too, and its PostgREST would lose its logins.
      await bootstrap(db, null);
      const first = await migrate(db);
      expect(first).toEqual((await listMigrations()).map((m) => m.version));
      const fp = await catalog(db);
      const { rows: secret } = await db.query('select value from private.secrets');
      expect(await migrate(db)).toEqual([]);
      expect(await catalog(db)).toBe(fp);
      expect((await db.query('select value from private.secrets')).rows).toEqual(secret);
    } finally {
      await db.end();
      await h().db.query(`drop database ${name}`);
    }
  });
});
