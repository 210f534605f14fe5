import { afterAll, describe, expect, it } from 'vitest';
import { SYNCED_TABLES, type SyncedTableName } from '../../shared/sync-tables.ts';
import { freshDb } from '../db/fixtures.ts';
import { useStack } from './harness.ts';

/**
 * Columns a synced table may have on one side only. Anything else must exist on both, or a
 * desk pushes a field the server refuses as an unknown column, or pulls rows missing a field.
 */
type OneSided = Readonly<Partial<Record<'*' | SyncedTableName, readonly string[]>>>;

const SERVER_ONLY: OneSided = {
  // The id of the transaction that last wrote the row: the pull cursor, never sent to a desk.
  '*': ['change_xid'],
  // The encrypted national id; a desk reads and writes the plain `national_id`.
  patients: ['national_id_enc'],
};

/** None today: every column the desk keeps for a synced row is one the server keeps too. */
const LOCAL_ONLY: OneSided = {};

const h = useStack();
const desk = freshDb();
afterAll(() => desk.close());

function allowed(list: OneSided, table: SyncedTableName): Set<string> {
  return new Set([...(list['*'] ?? []), ...(list[table] ?? [])]);
}

function deskColumns(table: string): string[] {
  const rows = desk.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[];
  return rows.map((r) => r.name).sort();
}

async function serverColumns(table: string): Promise<string[]> {
  const { rows } = await h().db.query<{ name: string }>(
    `select a.attname as name from pg_attribute a
     where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped`,
    [`public.${table}`],
  );
  return rows.map((r) => r.name).sort();
}

describe('synced tables have the same columns on the desk and on the server', () => {
  it.each(SYNCED_TABLES.map((t) => t.name))('%s', async (table) => {
    const local = deskColumns(table);
    const server = await serverColumns(table);
    expect(local.length, `${table} exists on the desk`).toBeGreaterThan(0);
    expect(server.length, `${table} exists on the server`).toBeGreaterThan(0);

    const serverOnly = allowed(SERVER_ONLY, table);
    const localOnly = allowed(LOCAL_ONLY, table);
    expect(server.filter((c) => !local.includes(c) && !serverOnly.has(c)), 'server columns missing on the desk').toEqual([]);
    expect(local.filter((c) => !server.includes(c) && !localOnly.has(c)), 'desk columns missing on the server').toEqual([]);
    // An allowance names a real one-sided column, so the lists above cannot go stale.
    for (const c of serverOnly) expect(server.includes(c) && !local.includes(c), `${table}.${c} is server-only`).toBe(true);
    for (const c of localOnly) expect(local.includes(c) && !server.includes(c), `${table}.${c} is desk-only`).toBe(true);
  });

  it('allows one-sided columns only for synced tables', () => {
    const names = new Set<string>(['*', ...SYNCED_TABLES.map((t) => t.name)]);
    for (const table of [...Object.keys(SERVER_ONLY), ...Object.keys(LOCAL_ONLY)]) expect(names.has(table), table).toBe(true);
  });
});
