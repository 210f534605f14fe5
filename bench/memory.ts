/**
 * main_rss_mb: the resident memory of the real headless host process (the same app the Electron
 * main process runs) once its first full sync of a clinic-sized server is done. The embedded
 * server gets the demo clinic plus N appointments (and N/5 patients); the host signs the demo
 * receptionist in, downloads everything, and /proc/<pid>/status is read.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { DEMO_CLINIC_ID } from '../shared/demo-ids.ts';
import type { SyncStatus } from '../shared/domain/types.ts';
import { startStack } from '../stack/index.ts';
import { buildRenderer, hostBundle, procStatusMb } from './browser.ts';
import type { Bench } from './context.ts';

/** Server appointments per profile (full: the initial-sync size of bench/sync.ts). */
const APPOINTMENTS = { tiny: 2_000, quick: 50_000, full: 200_000 } as const;

/** Loads the rows; returns the last local day they reach and how many start on it. */
async function loadServer(pgUrl: string, appointments: number): Promise<{ date: string; count: number }> {
  const db = new pg.Client({ connectionString: pgUrl });
  await db.connect();
  try {
    // The plain demo server holds the clinic and its logins only: add doctors and a type.
    await db.query(
      `insert into public.doctors (id, clinic_id, display_name) select gen_random_uuid(), $1, 'Dr Mem ' || g from generate_series(1, 20) g`,
      [DEMO_CLINIC_ID],
    );
    await db.query(
      `insert into public.appointment_types (id, clinic_id, name, duration_minutes) values (gen_random_uuid(), $1, 'Mem visit', 30)`,
      [DEMO_CLINIC_ID],
    );
    await db.query(
      `insert into public.patients (id, clinic_id, first_name, last_name, phone)
       select gen_random_uuid(), $1, 'Mem', 'Bench ' || g, '699' || lpad(g::text, 6, '0') from generate_series(1, $2) g`,
      [DEMO_CLINIC_ID, Math.max(100, Math.round(appointments / 5))],
    );
    // Back-to-back half hours per doctor from 2031 on: far from the demo's own bookings.
    await db.query(
      `with d as (select array_agg(id order by id) a from public.doctors where clinic_id = $1 and deleted_at is null),
            p as (select array_agg(id order by id) a from public.patients where clinic_id = $1),
            t as (select id from public.appointment_types where clinic_id = $1 and deleted_at is null order by id limit 1)
       insert into public.appointments (id, clinic_id, doctor_id, patient_id, appointment_type_id, starts_at, ends_at, status)
       select gen_random_uuid(), $1, d.a[1 + g % array_length(d.a, 1)], p.a[1 + g % array_length(p.a, 1)], t.id,
              timestamptz '2031-01-01 00:00Z' + (g / array_length(d.a, 1)) * interval '30 minutes',
              timestamptz '2031-01-01 00:30Z' + (g / array_length(d.a, 1)) * interval '30 minutes', 'scheduled'
       from d, p, t, generate_series(0, $2 - 1) g`,
      [DEMO_CLINIC_ID, appointments],
    );
    const { rows } = await db.query<{ date: string; count: string }>(
      `with c as (select time_zone from public.clinics where id = $1),
            a as (select to_char(starts_at at time zone c.time_zone, 'YYYY-MM-DD') as date from public.appointments, c
                  where clinic_id = $1 and deleted_at is null)
       select date, count(*) as count from a group by date order by date desc limit 1`,
      [DEMO_CLINIC_ID],
    );
    return { date: rows[0]!.date, count: Number(rows[0]!.count) };
  } finally {
    await db.end();
  }
}

export const memoryBench: Bench = {
  name: 'memory',
  async run(ctx) {
    const stack = await startStack({ demo: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'clinic-bench-rss-'));
    try {
      const last = await loadServer(stack.pgUrl, APPOINTMENTS[ctx.profile]);
      const rendererDir = join(ctx.dataDir, 'renderer');
      if (!existsSync(join(rendererDir, 'index.html'))) buildRenderer(rendererDir);
      const host = spawn(
        process.execPath,
        [await hostBundle(), '--data-dir', dataDir, '--port', '0', '--no-open', '--no-demo', '--renderer-dir', rendererDir,
          '--server-url', stack.url, '--anon-key', stack.anonKey, '--demo-sign-in'],
        { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } },
      );
      const stderr: string[] = [];
      host.stderr.on('data', (c: Buffer) => stderr.push(c.toString()));
      try {
        const ready = await new Promise<{ url: string; token: string }>((resolve, reject) => {
          createInterface({ input: host.stdout }).on('line', (line) => {
            if (line.startsWith('{"event":"ready"')) resolve(JSON.parse(line) as { url: string; token: string });
          });
          host.once('exit', (code) => reject(new Error(`host exited (${code}):\n${stderr.join('')}`)));
        });
        const origin = new URL(ready.url).origin;
        const invoke = async <T>(name: string, input: object): Promise<T | null> => {
          const res = await fetch(`${origin}/invoke/${name}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ready.token}` },
            body: JSON.stringify(input),
          });
          const env = (await res.json()) as { ok: boolean; value?: T };
          return env.ok ? env.value! : null;
        };
        // Done = the sync says so AND the last day of the load is all here.
        const started = Date.now();
        for (;;) {
          const s = await invoke<SyncStatus>('sync.status', {});
          const day = s?.lastSyncedAt && !s.progress ? await invoke<{ appointments: unknown[] }>('schedule.day', { date: last.date }) : null;
          if (day && day.appointments.length >= last.count) break;
          if (Date.now() - started > 900_000) throw new Error(`initial sync not done: ${JSON.stringify(s)}\n${stderr.join('')}`);
          await new Promise((r) => setTimeout(r, 250));
        }
        const seconds = (Date.now() - started) / 1000;
        const rss = procStatusMb(host.pid!, 'VmRSS');
        const peak = procStatusMb(host.pid!, 'VmHWM');
        ctx.log(`host after initial sync of ${APPOINTMENTS[ctx.profile]} appointments (${seconds.toFixed(1)} s): RSS ${rss} MB, peak ${peak} MB`);
        return { main_rss_mb: rss, main_rss_peak_mb: peak, main_rss_appointments: APPOINTMENTS[ctx.profile] };
      } finally {
        if (host.exitCode === null) {
          const exited = new Promise((r) => host.once('exit', r));
          host.kill('SIGTERM');
          await exited;
        }
      }
    } finally {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
