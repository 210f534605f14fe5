/**
 * Sync engine benchmarks against a real embedded stack:
 * - initial_sync_rows_per_s: N server appointments (plus their patients and doctors) until the
 *   desk's first sync is done, end to end (sync_pull, JSON, apply, cursor);
 * - initial_sync_floor_ratio: that time / a raw better-sqlite3 insert of the same rows in one
 *   transaction in the same run (goal ≤ 2);
 * - initial_sync_s, initial_sync_wait_s, initial_sync_schema_s: that time, and the parts of it the
 *   desk waited for the server's pages and rebuilt its deferred indexes and triggers;
 * - initial_sync_cpu_s: the desk process's CPU time during that sync (every thread), a figure that
 *   moves less than the wall time when the machine is busy;
 * - main_block_max_ms: the longest event-loop stall during the initial sync (goal < 50), and
 *   main_block_p99_ms, so one stall can be told from many;
 * - replay_10k_s: 10,000 queued changes pushed after an outage (goal < 10);
 * - cross_desk_p95_ms: a booking on one desk until it is in the other desk's database (goal < 1000).
 * Every desk's database is encrypted as in the app, unless `encrypted` is false (`--plain`); the
 * floor is then encrypted too, so the ratio compares like with like.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase } from '../electron/db/database.ts';
import { migrate } from '../electron/db/schema/migrate.ts';
import { SYNCED_TABLES } from '../shared/sync-tables.ts';
import { type ServerInfo, startStackProcess } from './sync-server.ts';
import { upsertUser } from '../stack/auth-service.ts';
import { openDesk, type Desk } from '../tests/integration/sync-desk.ts';
import type { Bench } from './context.ts';

const ROWS = { tiny: 2_000, quick: 50_000, full: 200_000 } as const;
const REPLAY = { tiny: 1_000, quick: 10_000, full: 10_000 } as const;
const CROSS = { tiny: 10, quick: 30, full: 50 } as const;

interface BenchClinic {
  id: string;
  login: { id: string; email: string; password: string };
  doctorIds: string[];
  typeId: string;
  patientIds: string[];
}

export async function clinicWith(db: pg.Client, appointments: number): Promise<BenchClinic> {
  const id = randomUUID();
  await db.query(`insert into public.clinics (id, clinic_id, name, time_zone) values ($1, $1, 'Bench', 'UTC')`, [id]);
  const login = { id: randomUUID(), email: `bench-${id.slice(0, 8)}@bench.test`, password: `pw-${randomUUID()}` };
  await upsertUser(db, login);
  await db.query(`insert into public.staff (id, clinic_id, user_id, display_name, email, role) values ($1, $2, $1, 'Bench', $3, 'admin')`, [
    login.id,
    id,
    login.email,
  ]);
  const doctors = 200;
  const patients = Math.max(1000, Math.min(20_000, appointments / 10));
  await db.query(
    `insert into public.doctors (id, clinic_id, display_name) select gen_random_uuid(), $1, 'Dr ' || g from generate_series(1, $2) g`,
    [id, doctors],
  );
  await db.query(
    `insert into public.doctor_working_hours (id, clinic_id, doctor_id, weekday, start_minute, end_minute)
     select gen_random_uuid(), $1, d.id, w, 0, 1440 from public.doctors d, generate_series(1, 7) w where d.clinic_id = $1`,
    [id],
  );
  const typeId = randomUUID();
  await db.query(`insert into public.appointment_types (id, clinic_id, name, duration_minutes) values ($1, $2, 'Visit', 30)`, [typeId, id]);
  await db.query(
    `insert into public.patients (id, clinic_id, first_name, last_name, phone)
     select gen_random_uuid(), $1, 'Pat', 'Bench ' || g, '600' || lpad(g::text, 6, '0') from generate_series(1, $2) g`,
    [id, patients],
  );
  // Appointment g: doctor g % 200, slot g / 200 (30 min each, back to back), distinct patients per slot.
  await db.query(
    `with d as (select array_agg(id order by id) a from public.doctors where clinic_id = $1),
          p as (select array_agg(id order by id) a from public.patients where clinic_id = $1)
     insert into public.appointments (id, clinic_id, doctor_id, patient_id, appointment_type_id, starts_at, ends_at, status)
     select gen_random_uuid(), $1, d.a[1 + g % 200], p.a[1 + g % array_length(p.a, 1)], $3,
            now() + interval '1 day' + (g / 200) * interval '30 minutes',
            now() + interval '1 day' + (g / 200) * interval '30 minutes' + interval '30 minutes', 'scheduled'
     from d, p, generate_series(0, $2 - 1) g`,
    [id, appointments, typeId],
  );
  const { rows: dr } = await db.query<{ id: string }>('select id from public.doctors where clinic_id = $1 order by id', [id]);
  const { rows: pr } = await db.query<{ id: string }>('select id from public.patients where clinic_id = $1 order by id limit 50', [id]);
  return { id, login, doctorIds: dr.map((r) => r.id), typeId, patientIds: pr.map((r) => r.id) };
}

const info = (s: ServerInfo): ServerInfo => ({ url: s.url, anonKey: s.anonKey, serviceKey: s.serviceKey, jwtSecret: s.jwtSecret, pgUrl: s.pgUrl });
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(fn: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  // Polls every 10 ms: a busy poll would steal the main thread from the engine it measures.
  while (!fn()) {
    if (Date.now() > end) throw new Error('bench timed out');
    await wait(10);
  }
}

/** First sync of a clinic with `appointments` rows, its floor, and the worst main-thread stall. */
export async function benchInitialSync(stack: ServerInfo, db: pg.Client, appointments: number, encrypted: boolean) {
  const clinic = await clinicWith(db, appointments);
  const h = monitorEventLoopDelay({ resolution: 5 });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const desk = await openDesk(info(stack), clinic.login, { encrypted, syncOptions: { pullIntervalMs: 60_000, verifyIntervalMs: 3_600_000 } });
  h.enable(); // the stall figure covers the sync, not opening and migrating the database
  // Prepared once: a statement per poll (100/s) made garbage that the stall figure then counted.
  const initialDone = desk.app.db.prepare('SELECT initial_done FROM sync_state');
  const state = () => initialDone.get() as { initial_done: number } | undefined;
  await until(() => state()?.initial_done === 1, 600_000);
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = process.cpuUsage(cpu);
  h.disable();
  // The worker reports its run just after its last commit (which set initial_done).
  await until(() => desk.app.sync!.largePullRun() !== null, 60_000);
  const run = desk.app.sync!.largePullRun();
  const total = SYNCED_TABLES.reduce(
    (n, t) => n + (desk.app.db.prepare(`SELECT count(*) AS n FROM ${t.name}`).get() as { n: number }).n,
    0,
  );
  const floor = rawInsertSeconds(desk, encrypted);
  await desk.close();
  rmSync(desk.dataDir, { recursive: true, force: true });
  return {
    initial_sync_rows: total,
    initial_sync_rows_per_s: Math.round(total / seconds),
    initial_sync_floor_ratio: Math.round((seconds / floor) * 100) / 100,
    // Where the download's time went: waiting for the server's pages, and rebuilding the deferred
    // indexes and triggers at its end (the rest is signing in, priority rows and applying pages).
    initial_sync_s: Math.round(seconds * 100) / 100,
    initial_sync_wait_s: Math.round((run?.waitMs ?? NaN) / 10) / 100,
    initial_sync_schema_s: Math.round((run?.schemaMs ?? NaN) / 10) / 100,
    initial_sync_cpu_s: Math.round((cpuUsed.user + cpuUsed.system) / 1e4) / 100,
    main_block_max_ms: Math.round(h.max / 1e6),
    main_block_p99_ms: Math.round(h.percentile(99) / 1e6),
  };
}

/** The same rows inserted raw with better-sqlite3 into a fresh database with the same schema. */
function rawInsertSeconds(desk: Desk, encrypted: boolean): number {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-desk-floor-'));
  const target = openDatabase({ path: join(dir, 'floor.db'), key: encrypted ? randomBytes(32) : null });
  migrate(target);
  const rows = SYNCED_TABLES.map((t) => ({ t: t.name, rows: desk.app.db.prepare(`SELECT * FROM ${t.name}`).all() as Record<string, unknown>[] }));
  const started = performance.now();
  target.pragma('foreign_keys = OFF');
  target.transaction(() => {
    for (const { t, rows: rs } of rows) {
      if (rs.length === 0) continue;
      const cols = Object.keys(rs[0]!);
      const ins = target.prepare(`INSERT INTO ${t} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
      for (const r of rs) ins.run(r);
    }
  })();
  const seconds = (performance.now() - started) / 1000;
  target.close();
  rmSync(dir, { recursive: true, force: true });
  return seconds;
}

/** 10k queued changes (patients.create = patient + audit row) pushed after the "outage". */
export async function benchReplay(
  stack: ServerInfo,
  db: pg.Client,
  changes: number,
  encrypted: boolean,
): Promise<{ replay_changes: number; replay_10k_s: number }> {
  const clinic = await clinicWith(db, 0);
  const desk = await openDesk(info(stack), clinic.login, { encrypted, syncOptions: { verifyIntervalMs: 3_600_000 } });
  await desk.app.sync!.syncNow();
  await desk.app.sync!.stop();
  for (let i = 0; i < changes / 2; i++) {
    await desk.invoke('patients.create', { firstName: 'Queued', lastName: `Replay ${i}`, phone: `7${String(i).padStart(8, '0')}` });
  }
  const queued = (desk.app.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  const started = performance.now();
  desk.app.sync!.start();
  await until(() => (desk.app.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n === 0, 600_000);
  const seconds = (performance.now() - started) / 1000;
  await desk.close();
  rmSync(desk.dataDir, { recursive: true, force: true });
  return { replay_changes: queued, replay_10k_s: Math.round(seconds * (10_000 / queued) * 100) / 100 };
}

/** Bookings on desk A until each is in desk B's database. */
export async function benchCrossDesk(
  stack: ServerInfo,
  db: pg.Client,
  samples: number,
  encrypted: boolean,
): Promise<{ cross_desk_p95_ms: number; cross_desk_p50_ms: number }> {
  const clinic = await clinicWith(db, 0);
  const a = await openDesk(info(stack), clinic.login, { encrypted });
  const b = await openDesk(info(stack), clinic.login, { encrypted });
  await a.app.sync!.syncNow();
  await b.app.sync!.syncNow();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const startsAt = new Date(Date.now() + 86_400_000 * (2 + i)).toISOString().slice(0, 11) + '10:00:00.000Z';
    const t0 = performance.now();
    const booked = await a.invoke<{ id: string }>('appointments.book', {
      patientId: clinic.patientIds[i % clinic.patientIds.length],
      doctorId: clinic.doctorIds[0],
      appointmentTypeId: clinic.typeId,
      startsAt,
    });
    await until(() => b.app.db.prepare('SELECT 1 FROM appointments WHERE id = ?').get(booked.id) !== undefined, 30_000);
    times.push(performance.now() - t0);
    await wait(Math.random() * 300);
  }
  await a.close();
  await b.close();
  rmSync(a.dataDir, { recursive: true, force: true });
  rmSync(b.dataDir, { recursive: true, force: true });
  times.sort((x, y) => x - y);
  const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]!);
  return { cross_desk_p95_ms: pct(0.95), cross_desk_p50_ms: pct(0.5) };
}

export const syncBench: Bench = {
  name: 'sync',
  async run(ctx) {
    const stack = await startStackProcess();
    const db = new pg.Client({ connectionString: stack.pgUrl });
    await db.connect();
    try {
      const initial = await benchInitialSync(stack, db, ROWS[ctx.profile], ctx.encrypted);
      ctx.log(`initial sync: ${JSON.stringify(initial)}`);
      const replay = await benchReplay(stack, db, REPLAY[ctx.profile], ctx.encrypted);
      ctx.log(`replay: ${JSON.stringify(replay)}`);
      const cross = await benchCrossDesk(stack, db, CROSS[ctx.profile], ctx.encrypted);
      ctx.log(`cross desk: ${JSON.stringify(cross)}`);
      return { ...initial, ...replay, ...cross };
    } finally {
      await db.end();
      await stack.stop();
    }
  },
};

// `npx tsx bench/sync.ts [appointments] [initial] [--plain]` prints the figures on their own.
if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 50_000);
  const encrypted = !process.argv.includes('--plain');
  if (process.argv[3] === 'initial') {
    // Only the first sync (profiling: `npx tsx --cpu-prof bench/sync.ts 200000 initial`).
    const stack = await startStackProcess();
    const db = new pg.Client({ connectionString: stack.pgUrl });
    await db.connect();
    try {
      console.log(JSON.stringify(await benchInitialSync(stack, db, n, encrypted)));
    } finally {
      await db.end();
      await stack.stop();
    }
  } else {
    const profile = n >= 200_000 ? 'full' : n <= 2000 ? 'tiny' : 'quick';
    const out = await syncBench.run({ profile, encrypted, log: (l: string) => console.log(l) } as never);
    console.log(JSON.stringify(out));
  }
}
