import { describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { toLocalValue } from '../../electron/db/repos/sync-rows.ts';
import { livePullWorkerCount } from '../../electron/sync/pull-worker.ts';
import { todayIn } from '../../shared/domain/clinic-time.ts';
import type { DaySchedule } from '../../shared/domain/types.ts';
import { createClinic, seedEveryTable } from './fixtures.ts';
import { useFaultyDesks } from './faulty-desks.ts';
import { signedIn } from './harness.ts';
import { expectConverged, openDesk, seedReference, settle, waitFor } from './sync-desk.ts';

interface Block {
  table: string;
  columns: string[];
  rows: unknown[][];
}
type Rows = Map<string, Record<string, unknown>>;

const { h, opened, proxy } = useFaultyDesks();

async function rpc<T>(c: SupabaseClient, fn: string, args: Record<string, unknown>): Promise<T> {
  const { data, error } = await c.rpc(fn, args);
  if (error) throw new Error(`${fn}: ${error.code} ${error.message}`);
  return data as T;
}

/** Every row of both pull shapes, keyed `table/id`, values in the local format. */
async function pullBoth(c: SupabaseClient): Promise<{ full: Rows; compact: Rows }> {
  const full: Rows = new Map();
  const compact: Rows = new Map();
  for (let cursor: string | null = null; ; ) {
    const p: { rows: { table: string; row: Record<string, unknown> }[]; cursor: string; has_more: boolean } = await rpc(c, 'sync_pull', { cursor, lim: 7 });
    for (const { table, row } of p.rows) full.set(`${table}/${String(row.id)}`, Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toLocalValue(v)])));
    cursor = p.cursor;
    if (!p.has_more) break;
  }
  for (let cursor: string | null = null; ; ) {
    const p: { tables: Block[]; cursor: string; has_more: boolean } = await rpc(c, 'sync_pull_compact', { cursor, lim: 7 });
    for (const b of p.tables) {
      for (const r of b.rows) {
        const row = Object.fromEntries(b.columns.map((col, i) => [col, r[i]]));
        const key = `${b.table}/${String(row.id)}`;
        if (compact.has(key)) throw new Error(`${key} delivered twice`);
        compact.set(key, row);
      }
    }
    cursor = p.cursor;
    if (!p.has_more) break;
  }
  return { full, compact };
}

/** The `table/id` keys of a whole compact walk, in the order delivered (one stream if given). */
async function walkKeys(c: SupabaseClient, stream: { part: number; parts: number } | null): Promise<string[]> {
  const keys: string[] = [];
  for (let cursor: string | null = null; ; ) {
    const p: { tables: Block[]; cursor: string; has_more: boolean } = await rpc(c, 'sync_pull_compact', { cursor, lim: 9, ...stream });
    for (const b of p.tables) for (const r of b.rows) keys.push(`${b.table}/${String(r[b.columns.indexOf('id')])}`);
    cursor = p.cursor;
    if (!p.has_more) return keys;
  }
}

describe('sync_pull_compact and the first sync', () => {
  it('delivers the same rows as sync_pull, already in the local format', async () => {
    const clinic = await createClinic(h().db, 'compact');
    await seedEveryTable(h().db, clinic.id);
    const desk = await signedIn(h().stack, clinic.users.receptionist.email, clinic.users.receptionist.password);
    // Another test file may hold a transaction open, which holds every pull's horizon back: pull again until both see it all.
    let { full, compact } = await pullBoth(desk);
    for (const until = Date.now() + 30_000; (full.size <= 20 || full.size !== compact.size) && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 200));
      ({ full, compact } = await pullBoth(desk));
    }
    expect(full.size).toBeGreaterThan(20);
    expect([...compact.keys()].sort()).toEqual([...full.keys()].sort());
    for (const [key, row] of full) expect(compact.get(key), key).toEqual(row);
    const other = await createClinic(h().db, 'compact-other');
    const stranger = await signedIn(h().stack, other.users.receptionist.email, other.users.receptionist.password);
    const theirs = await pullBoth(stranger);
    expect([...theirs.compact.keys()].filter((k) => full.has(k))).toEqual([]);
  });

  it('splits the walk into disjoint streams by id, which together deliver every row', async () => {
    const clinic = await createClinic(h().db, 'streams');
    await seedEveryTable(h().db, clinic.id);
    await h().db.query(
      `insert into public.patients (id, clinic_id, first_name, last_name)
       select gen_random_uuid(), $1, 'Stream', 'Patient ' || g from generate_series(1, 120) g`,
      [clinic.id],
    );
    const desk = await signedIn(h().stack, clinic.users.receptionist.email, clinic.users.receptionist.password);
    // As above: another file's open transaction may hold the horizon back for a moment.
    let whole: string[] = [];
    for (const until = Date.now() + 30_000; whole.length <= 140 && Date.now() < until; ) whole = await walkKeys(desk, null);
    const parts = [await walkKeys(desk, { part: 0, parts: 2 }), await walkKeys(desk, { part: 1, parts: 2 })];
    expect(parts[0]!.length).toBeGreaterThan(20);
    expect(parts[1]!.length).toBeGreaterThan(20);
    expect(parts[0]!.filter((k) => parts[1]!.includes(k))).toEqual([]);
    expect([...parts[0]!, ...parts[1]!].sort()).toEqual([...whole].sort());
    // The default is one stream: the whole walk, as older desks ask for it.
    expect(await walkKeys(desk, { part: 0, parts: 1 })).toEqual(whole);
    for (const [args, message] of [
      [{ part: 2, parts: 2 }, 'part must be 0 to parts - 1'],
      [{ part: -1, parts: 2 }, 'part must be 0 to parts - 1'],
      [{ part: 0, parts: 0 }, 'parts must be 1 to 8'],
      [{ part: 0, parts: 9 }, 'parts must be 1 to 8'],
    ] as const) {
      const { error } = await desk.rpc('sync_pull_compact', { cursor: null, lim: 9, ...args });
      expect(error?.message, JSON.stringify(args)).toBe(message);
    }
  });

  it('downloads in two streams, and a page lost midway costs no row', async () => {
    const { db, stack } = h();
    const clinic = await createClinic(db, 'streams-cut');
    await seedEveryTable(db, clinic.id);
    await db.query(
      `insert into public.patients (id, clinic_id, first_name, last_name)
       select gen_random_uuid(), $1, 'Cut', 'Patient ' || g from generate_series(1, 1500) g`,
      [clinic.id],
    );
    const before = proxy.bodies('sync_pull_compact').length;
    // The first page (one stream), then a few pages of the two streams, then one answer cut in half.
    proxy.set({ mode: 'cut', path: 'sync_pull_compact', after: 5, times: 1 });
    const desk = await openDesk(stack, clinic.users.receptionist, { url: proxy.url, syncOptions: { pullPageSize: 100 } });
    opened.push(desk);
    await settle([desk], 60_000);
    await expectConverged(db, clinic.id, [desk]);
    const asked = proxy.bodies('sync_pull_compact').slice(before).map((b) => JSON.parse(b) as { part?: number; parts?: number });
    expect(asked.filter((a) => a.parts === 2 && a.part === 0).length).toBeGreaterThan(2);
    expect(asked.filter((a) => a.parts === 2 && a.part === 1).length).toBeGreaterThan(2);
    const local = (desk.app.db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;
    const { rows } = await db.query<{ n: string }>('select count(*) n from public.patients where clinic_id = $1', [clinic.id]);
    expect(local).toBe(Number(rows[0]!.n));
  });

  it('answers a cursor from another server epoch with reset', async () => {
    const clinic = await createClinic(h().db, 'compact-reset');
    const desk = await signedIn(h().stack, clinic.users.receptionist.email, clinic.users.receptionist.password);
    const page = await rpc<{ reset?: boolean; tables: Block[] }>(desk, 'sync_pull_compact', {
      cursor: '0123456789abcdef:1:00000000-0000-0000-0000-000000000000:0',
      lim: 10,
    });
    expect(page).toMatchObject({ reset: true, tables: [] });
  });

  it('counts the rows of every synced table like sync_checksums does, for the progress total', async () => {
    const clinic = await createClinic(h().db, 'counts');
    await seedEveryTable(h().db, clinic.id);
    const desk = await signedIn(h().stack, clinic.users.receptionist.email, clinic.users.receptionist.password);
    const counts = await rpc<Record<string, number>>(desk, 'sync_counts', {});
    const sums = await rpc<Record<string, { count: number }>>(desk, 'sync_checksums', {});
    expect(Object.keys(counts).sort()).toEqual(Object.keys(sums).sort());
    for (const [table, { count }] of Object.entries(sums)) expect(Number(counts[table]), table).toBe(Number(count));
    expect(Object.values(counts).reduce((n, c) => n + Number(c), 0)).toBeGreaterThan(20);
  });

  it("ends the download's worker thread once the first sync is done", async () => {
    const { db, stack } = h();
    const clinic = await createClinic(db, 'worker-exit');
    await seedReference(db, clinic.id, 4);
    const desk = await openDesk(stack, clinic.users.receptionist);
    opened.push(desk);
    await settle([desk], 60_000);
    await expectConverged(db, clinic.id, [desk]);
    expect(desk.app.sync!.largePullRun()?.rows).toBeGreaterThan(0);
    // A finished worker used to stay alive with the download's heap (~100 MB after 200k rows).
    await waitFor('the pull worker thread to exit', () => livePullWorkerCount() === 0 || null, 5_000);
  });

  it("makes today's schedule readable before the full download finishes", async () => {
    const { db, stack } = h();
    const clinic = await createClinic(db, 'first-sync');
    const ref = await seedReference(db, clinic.id, 4);
    // 3000 long past bookings, then three today (clinic time): in commit order today's come last.
    await db.query(
      `insert into public.appointments (id, clinic_id, doctor_id, patient_id, appointment_type_id, starts_at, ends_at)
       select gen_random_uuid(), $1, $2, $3, $4, now() - interval '400 days' + g * interval '30 minutes',
              now() - interval '400 days' + g * interval '30 minutes' + interval '30 minutes'
       from generate_series(0, 2999) g`,
      [clinic.id, ref.doctorId, ref.patientIds[3], ref.typeId],
    );
    await db.query(
      `insert into public.appointments (id, clinic_id, doctor_id, patient_id, appointment_type_id, starts_at, ends_at)
       select gen_random_uuid(), $1, $2, ($3::uuid[])[g + 1], $4, s, s + interval '30 minutes'
       from generate_series(0, 2) g,
            lateral (select (date_trunc('day', now() at time zone 'Europe/Madrid') + interval '10 hours'
                             + g * interval '30 minutes') at time zone 'Europe/Madrid' as s) t`,
      [clinic.id, ref.doctorId, ref.patientIds, ref.typeId],
    );
    // Every page of the full download is slow; the priority call is not.
    proxy.set({ mode: 'delay', path: 'sync_pull_compact', delayMs: 1500 });
    const desk = await openDesk(stack, clinic.users.receptionist, { url: proxy.url, syncOptions: { pullPageSize: 500 } });
    opened.push(desk);
    const today = todayIn('Europe/Madrid');
    const schedule = await waitFor(
      "today's schedule",
      async () => {
        const r = await desk.app.invoke('schedule.day', { date: today });
        return r.ok && (r.value as DaySchedule).appointments.length === 3 ? (r.value as DaySchedule) : null;
      },
      10_000,
    );
    const state = desk.app.db.prepare('SELECT initial_done FROM sync_state').get() as { initial_done: number } | undefined;
    const local = (desk.app.db.prepare('SELECT count(*) AS n FROM appointments').get() as { n: number }).n;
    expect(state?.initial_done ?? 0).toBe(0);
    expect(local).toBeLessThan(3003);
    expect(schedule.doctors.map((d) => d.id)).toContain(ref.doctorId);
    proxy.set({ mode: 'pass' });
    await settle([desk], 60_000);
    await expectConverged(db, clinic.id, [desk]);
    // The download's own account of itself (the sync bench reports it): every page waited for
    // the delayed server, and the deferred indexes were rebuilt at its end.
    const run = desk.app.sync!.largePullRun();
    expect(run?.rows).toBeGreaterThanOrEqual(3003);
    expect(run?.pages).toBeGreaterThanOrEqual(Math.ceil(3003 / 500));
    expect(run?.waitMs).toBeGreaterThan(0);
    expect(run?.schemaMs).toBeGreaterThan(0);
  });
});
