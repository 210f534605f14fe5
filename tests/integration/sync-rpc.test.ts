import { randomUUID } from 'node:crypto';
import { describe, expect, it, beforeAll } from 'vitest';
import pg from 'pg';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createClinic, seedEveryTable, type TestClinic } from './fixtures.ts';
import { signedIn, useStack } from './harness.ts';

interface PullPage {
  rows: Array<{ table: string; row: Record<string, unknown> }>;
  cursor: string;
  has_more: boolean;
  reset?: boolean;
}
type PushResult = Record<string, unknown> & { id: string; status: string };

const h = useStack();

async function push(c: SupabaseClient, mutations: unknown[]): Promise<PushResult[]> {
  const { data, error } = await c.rpc('sync_push', { mutations });
  if (error) throw new Error(`sync_push: ${error.code} ${error.message}`);
  return data as PushResult[];
}

async function pull(c: SupabaseClient, cursor: string | null, lim = 1000): Promise<PullPage> {
  const { data, error } = await c.rpc('sync_pull', { cursor, lim });
  if (error) throw new Error(`sync_pull: ${error.code} ${error.message}`);
  return data as PullPage;
}

async function pullAll(c: SupabaseClient, cursor: string | null): Promise<{ rows: PullPage['rows']; cursor: string }> {
  const rows: PullPage['rows'] = [];
  for (;;) {
    const page = await pull(c, cursor, 500);
    rows.push(...page.rows);
    cursor = page.cursor;
    if (!page.has_more) return { rows, cursor };
  }
}

/**
 * Pulls from `cursor` again and again, collecting rows, until `done(rows)`: a transaction of
 * another test file still open holds every pull's horizon back for a while (by design).
 */
async function pullUntil(c: SupabaseClient, cursor: string, done: (rows: PullPage['rows']) => boolean, lim = 500) {
  const rows: PullPage['rows'] = [];
  for (const until = Date.now() + 20_000; ; ) {
    for (;;) {
      const page = await pull(c, cursor, lim);
      rows.push(...page.rows);
      cursor = page.cursor;
      if (!page.has_more) break;
    }
    if (done(rows) || Date.now() > until) return { rows, cursor };
    await new Promise((r) => setTimeout(r, 100));
  }
}

function appointment(parents: Map<string, string>, clinicId: string, startIso: string, minutes = 30) {
  return {
    clinic_id: clinicId,
    doctor_id: parents.get('doctors'),
    room_id: parents.get('rooms'),
    patient_id: parents.get('patients'),
    starts_at: startIso,
    ends_at: new Date(Date.parse(startIso) + minutes * 60_000).toISOString(),
  };
}

describe('sync_push and sync_pull', () => {
  let clinic: TestClinic;
  let parents: Map<string, string>;
  let desk: SupabaseClient;

  beforeAll(async () => {
    clinic = await createClinic(h().db, 'sync');
    parents = await seedEveryTable(h().db, clinic.id);
    desk = await signedIn(h().stack, clinic.users.receptionist.email, clinic.users.receptionist.password);
  });

  it('applies a mutation once when the same mutation is delivered twice', async () => {
    const rowId = randomUUID();
    const m = { id: randomUUID(), table: 'rooms', row_id: rowId, op: 'insert', base_version: 0,
      changes: { clinic_id: clinic.id, name: 'Room twice' } };
    const [first] = await push(desk, [m]);
    const [again] = await push(desk, [m]);
    expect(first).toMatchObject({ id: m.id, status: 'applied', version: 1 });
    expect(typeof first!.txid).toBe('string');
    expect(again).toEqual(first);
    const { rows } = await h().db.query('select version from rooms where id = $1', [rowId]);
    expect(rows).toEqual([{ version: '1' }]);
  });

  it('answers a replay sent while the original push is still running from the record', async () => {
    const batch = Array.from({ length: 400 }, (_, i) => ({ id: randomUUID(), table: 'rooms', row_id: randomUUID(), op: 'insert',
      base_version: 0, changes: { clinic_id: clinic.id, name: `Room replay ${i}` } }));
    const [first, replay] = await Promise.all([push(desk, batch), push(desk, batch)]);
    expect(first!.filter((r) => r.status !== 'applied')).toEqual([]);
    expect(replay).toEqual(first);
  });

  it('answers conflict with the current row when the base version is stale', async () => {
    const rowId = randomUUID();
    await push(desk, [{ id: randomUUID(), table: 'rooms', row_id: rowId, op: 'insert', base_version: 0,
      changes: { clinic_id: clinic.id, name: 'v1' } }]);
    const [v2] = await push(desk, [{ id: randomUUID(), table: 'rooms', row_id: rowId, op: 'update', base_version: 1,
      changes: { name: 'v2' } }]);
    expect(v2).toMatchObject({ status: 'applied', version: 2 });
    const [stale] = await push(desk, [{ id: randomUUID(), table: 'rooms', row_id: rowId, op: 'update', base_version: 1,
      changes: { name: 'stale' } }]);
    expect(stale).toMatchObject({ status: 'conflict', row: { id: rowId, name: 'v2', version: 2 } });
    expect(stale!.row).not.toHaveProperty('change_xid');
  });

  it('answers an insert of a row that already exists with conflict and the current row', async () => {
    const rowId = randomUUID();
    const insert = (name: string) => ({ id: randomUUID(), table: 'rooms', row_id: rowId, op: 'insert', base_version: 0,
      changes: { clinic_id: clinic.id, name } });
    const [first] = await push(desk, [insert('first desk')]);
    const [second] = await push(desk, [insert('second desk')]);
    expect(first).toMatchObject({ status: 'applied', version: 1 });
    expect(second).toMatchObject({ status: 'conflict', row: { id: rowId, name: 'first desk', version: 1 } });
    const { rows } = await h().db.query('select name from rooms where id = $1', [rowId]);
    expect(rows).toEqual([{ name: 'first desk' }]);
  });

  it('rejects a change of a row that does not exist as not found, in the order it was sent', async () => {
    const missing = randomUUID();
    const results = await push(desk, [
      { id: randomUUID(), table: 'rooms', row_id: randomUUID(), op: 'insert', base_version: 0, changes: { clinic_id: clinic.id, name: 'before' } },
      { id: randomUUID(), table: 'rooms', row_id: missing, op: 'update', base_version: 1, changes: { name: 'ghost' } },
      { id: randomUUID(), table: 'rooms', row_id: missing, op: 'delete', base_version: 1, changes: {} },
      { id: randomUUID(), table: 'rooms', row_id: randomUUID(), op: 'insert', base_version: 0, changes: { clinic_id: clinic.id, name: 'after' } },
    ]);
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['applied', undefined], ['rejected', 'not_found'], ['rejected', 'not_found'], ['applied', undefined],
    ]);
  });

  it('keeps applying the rest of a batch when one mutation is rejected', async () => {
    const good = randomUUID();
    const results = await push(desk, [
      { id: randomUUID(), table: 'rooms', row_id: randomUUID(), op: 'insert', base_version: 0, changes: { clinic_id: clinic.id, nope: 1 } },
      { id: randomUUID(), table: 'no_such_table', row_id: randomUUID(), op: 'insert', base_version: 0, changes: {} },
      { id: randomUUID(), table: 'appointment_types', row_id: randomUUID(), op: 'insert', base_version: 0,
        changes: { clinic_id: clinic.id, name: 'Too long', duration_minutes: 9999 } },
      { id: randomUUID(), table: 'rooms', row_id: good, op: 'insert', base_version: 0, changes: { clinic_id: clinic.id, name: 'ok' } },
    ]);
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['rejected', 'invalid'], ['rejected', 'invalid'], ['rejected', 'invalid'], ['applied', undefined],
    ]);
  });

  it('rejects an overlapping booking with the constraint as reason code', async () => {
    const start = '2031-03-03T09:00:00.000Z';
    const first = randomUUID();
    const [ok] = await push(desk, [{ id: randomUUID(), table: 'appointments', row_id: first, op: 'insert', base_version: 0,
      changes: appointment(parents, clinic.id, start) }]);
    expect(ok).toMatchObject({ status: 'applied' });
    const [clash] = await push(desk, [{ id: randomUUID(), table: 'appointments', row_id: randomUUID(), op: 'insert',
      base_version: 0, changes: appointment(parents, clinic.id, '2031-03-03T09:15:00.000Z') }]);
    expect(clash).toMatchObject({ status: 'rejected', reason: 'overlap_doctor' });
    const [backToBack] = await push(desk, [{ id: randomUUID(), table: 'appointments', row_id: randomUUID(), op: 'insert',
      base_version: 0, changes: appointment(parents, clinic.id, '2031-03-03T09:30:00.000Z') }]);
    expect(backToBack).toMatchObject({ status: 'applied' });
  });

  it('rejects an overlapping booking made through the REST API', async () => {
    const start = '2031-03-04T10:00:00.000Z';
    const a = await desk.from('appointments').insert({ id: randomUUID(), ...appointment(parents, clinic.id, start) });
    expect(a.error).toBeNull();
    const b = await desk.from('appointments').insert({ id: randomUUID(), ...appointment(parents, clinic.id, start) });
    expect(b.error?.code).toBe('23P01');
    expect(b.error?.message).toMatch(/overlap_(doctor|room|patient)/);
  });

  it('delivers tombstones and rows in order of commit', async () => {
    const start = await pullAll(desk, null);
    expect(start.rows.some((r) => r.table === 'clinics' && r.row.id === clinic.id)).toBe(true);
    const rowId = randomUUID();
    await push(desk, [{ id: randomUUID(), table: 'rooms', row_id: rowId, op: 'insert', base_version: 0,
      changes: { clinic_id: clinic.id, name: 'gone soon' } }]);
    const [del] = await push(desk, [{ id: randomUUID(), table: 'rooms', row_id: rowId, op: 'delete', base_version: 1, changes: {} }]);
    expect(del).toMatchObject({ status: 'applied', version: 2 });
    const next = await pullUntil(desk, start.cursor, (rows) => rows.some((r) => r.row.id === rowId));
    const mine = next.rows.filter((r) => r.row.id === rowId);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.row.deleted_at).toEqual(expect.any(String));
    expect(mine[0]!.row.version).toBe(2);
  });

  it('still delivers a transaction that began before and committed after a later one', async () => {
    const { cursor } = await pullAll(desk, null);
    const slow = new pg.Client({ connectionString: h().stack.pgUrl });
    await slow.connect();
    try {
      const early = randomUUID();
      const late = randomUUID();
      await slow.query('begin');
      await slow.query(`insert into rooms (id, clinic_id, name) values ($1, $2, 'early')`, [early, clinic.id]);
      await h().db.query(`insert into rooms (id, clinic_id, name) values ($1, $2, 'late')`, [late, clinic.id]);
      const mid = await pullAll(desk, cursor);
      // The open transaction holds the horizon back: the later commit waits with it.
      expect(mid.rows.map((r) => r.row.id)).not.toContain(early);
      await slow.query('commit');
      const after = await pullUntil(desk, mid.cursor, (rows) => [...mid.rows, ...rows].filter((r) => r.row.id === early || r.row.id === late).length >= 2);
      const seen = [...mid.rows, ...after.rows].map((r) => r.row.id);
      expect(seen).toContain(early);
      expect(seen).toContain(late);
    } finally {
      await slow.end();
    }
  });

  it('pages through many rows without losing or repeating any', async () => {
    const { cursor } = await pullAll(desk, null);
    // One transaction: every row shares one xid, so paging must go by (xid, id).
    await h().db.query(
      `insert into rooms (clinic_id, name) select $1, 'bulk ' || g from generate_series(1, 1200) g`,
      [clinic.id],
    );
    const { rows } = await pullUntil(desk, cursor, (got) => got.length >= 1200, 100);
    const ids = rows.map((r) => r.row.id);
    expect(ids).toHaveLength(1200);
    expect(new Set(ids).size).toBe(1200);
  });

  it('keeps the national id encrypted at rest and readable through sync', async () => {
    const rowId = randomUUID();
    const { cursor } = await pullAll(desk, null);
    const [r] = await push(desk, [{ id: randomUUID(), table: 'patients', row_id: rowId, op: 'insert', base_version: 0,
      changes: { clinic_id: clinic.id, first_name: 'Ana', last_name: 'Ruiz', national_id: '12345678Z' } }]);
    expect(r).toMatchObject({ status: 'applied' });
    const { rows } = await h().db.query('select national_id, national_id_enc from patients where id = $1', [rowId]);
    expect(rows[0].national_id).toBeNull();
    expect(Buffer.from(rows[0].national_id_enc as Buffer).toString('latin1')).not.toContain('12345678Z');
    const page = await pullUntil(desk, cursor, (rows) => rows.some((x) => x.row.id === rowId));
    const row = page.rows.find((x) => x.row.id === rowId)!.row;
    expect(row.national_id).toBe('12345678Z');
    expect(row).not.toHaveProperty('national_id_enc');
  });

  it('tells a client with a cursor from another server epoch to resync', async () => {
    const page = await pull(desk, 'deadbeefdeadbeef:1:00000000-0000-0000-0000-000000000000:0');
    expect(page.reset).toBe(true);
    expect(page.cursor).not.toMatch(/^deadbeef/);
    const bad = await desk.rpc('sync_pull', { cursor: "x:'-1':y", lim: 10 });
    expect(bad.error?.message).toBe('invalid_cursor');
  });
});
