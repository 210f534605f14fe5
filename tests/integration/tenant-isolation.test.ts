import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { SYNCED_TABLES } from '../../shared/sync-tables.ts';
import { clinicSnapshot, createClinic, sampleRow, seedEveryTable, type TestClinic } from './fixtures.ts';
import { signedIn, useStack } from './harness.ts';

// Generated over every synced table: a new table in shared/sync-tables.ts is covered here
// without writing a test (fixtures.ts builds its rows from the catalog).
const h = useStack();

describe('clinic isolation', () => {
  let a: TestClinic;
  let b: TestClinic;
  let bRows: Map<string, string>;
  let aAdmin: SupabaseClient;
  let bAdmin: SupabaseClient;
  let before: string;

  beforeAll(async () => {
    a = await createClinic(h().db, 'a');
    b = await createClinic(h().db, 'b');
    await seedEveryTable(h().db, a.id);
    bRows = await seedEveryTable(h().db, b.id);
    aAdmin = await signedIn(h().stack, a.users.admin.email, a.users.admin.password);
    bAdmin = await signedIn(h().stack, b.users.admin.email, b.users.admin.password);
    before = await clinicSnapshot(h().db, b.id);
  });

  it('lists the same synced tables on the server as the client does, all with RLS on', async () => {
    const { rows } = await h().db.query<{ relname: string; rls: boolean }>(
      `select c.relname, c.relrowsecurity as rls from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
    );
    expect(rows.map((r) => r.relname)).toEqual(SYNCED_TABLES.map((t) => t.name).sort());
    expect(rows.filter((r) => !r.rls)).toEqual([]);
    const { rows: listed } = await h().db.query('select name from private.sync_tables order by position');
    expect(listed.map((r) => r.name)).toEqual(SYNCED_TABLES.map((t) => t.name));
  });

  for (const { name } of SYNCED_TABLES) {
    describe(name, () => {
      it('shows clinic B its own row (control)', async () => {
        const { data, error } = await bAdmin.from(name).select('id').eq('id', bRows.get(name)!);
        expect(error).toBeNull();
        expect(data).toHaveLength(1);
      });

      it('selects nothing of clinic B through REST', async () => {
        const { data, error } = await aAdmin.from(name).select('id').eq('clinic_id', b.id);
        expect(error).toBeNull();
        expect(data).toEqual([]);
      });

      it('inserts nothing into clinic B through REST and sync_push', async () => {
        const row = await sampleRow(h().db, name, b.id, bRows);
        if (name === 'clinics') row.id = row.clinic_id = randomUUID();
        const rest = await aAdmin.from(name).insert(row);
        expect(rest.error).not.toBeNull();
        const { id, ...changes } = row;
        const { data } = await aAdmin.rpc('sync_push', {
          mutations: [{ id: randomUUID(), table: name, row_id: id, op: 'insert', base_version: 0, changes }],
        });
        expect(data[0].status).toBe('rejected');
      });

      it('updates and deletes nothing of clinic B through REST and sync_push', async () => {
        const id = bRows.get(name)!;
        await aAdmin.from(name).update({ version: 99 }).eq('id', id);
        await aAdmin.from(name).delete().eq('id', id);
        const { data } = await aAdmin.rpc('sync_push', {
          mutations: [
            { id: randomUUID(), table: name, row_id: id, op: 'update', base_version: 1, changes: { clinic_id: a.id } },
            { id: randomUUID(), table: name, row_id: id, op: 'delete', base_version: 1, changes: {} },
          ],
        });
        expect(data.map((r: { status: string }) => r.status)).toEqual(['rejected', 'rejected']);
      });
    });
  }

  it('pulls nothing of clinic B', async () => {
    let cursor: string | null = null;
    const clinics = new Set<unknown>();
    for (;;) {
      const res = await aAdmin.rpc('sync_pull', { cursor, lim: 1000 });
      expect(res.error).toBeNull();
      const data = res.data as { rows: Array<{ row: { clinic_id: string } }>; cursor: string; has_more: boolean };
      for (const r of data.rows) clinics.add(r.row.clinic_id);
      cursor = data.cursor;
      if (!data.has_more) break;
    }
    expect([...clinics]).toEqual([a.id]);
  });

  it('left every row of clinic B exactly as it was', async () => {
    expect(await clinicSnapshot(h().db, b.id)).toBe(before);
  });

  it('gives anonymous callers nothing', async () => {
    const { createClient } = await import('@supabase/supabase-js');
    const anon = createClient(h().stack.url, h().stack.anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
    const sel = await anon.from('patients').select('id');
    expect(sel.data ?? []).toEqual([]);
    const pushed = await anon.rpc('sync_push', { mutations: [] });
    expect(pushed.error).not.toBeNull();
  });
});
