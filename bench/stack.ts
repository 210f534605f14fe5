/**
 * Stack benchmarks for `npm run bench`: cold start of the embedded server, and pull throughput
 * of sync_pull through the gateway + PostgREST with the unmodified supabase-js client.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { upsertUser } from '../stack/auth-service.ts';
import { startStack } from '../stack/index.ts';

/** ms from nothing to a ready endpoint: initdb, Postgres, migrations, PostgREST, gateway. */
export async function benchStackColdStart(): Promise<number> {
  const t0 = performance.now();
  const stack = await startStack({ demo: true });
  const ms = performance.now() - t0;
  await stack.stop();
  return Math.round(ms);
}

/** Loads `rows` appointments server-side, then pages them all through sync_pull; rows/s. */
export async function benchPullRowsPerSec(rows: number, pageSize = 5000): Promise<number> {
  const stack = await startStack({ demo: false });
  try {
    const db = new pg.Client({ connectionString: stack.pgUrl });
    await db.connect();
    const clinic = randomUUID();
    const user = { id: randomUUID(), email: 'bench@bench.test', password: 'bench-password' };
    const lanes = 50; // distinct doctors/patients so no two rows overlap in any exclusion
    try {
      await db.query(`insert into clinics (id, clinic_id, name, time_zone) values ($1, $1, 'Bench', 'UTC')`, [clinic]);
      await upsertUser(db, user);
      await db.query(`insert into staff (id, clinic_id, user_id, display_name, role) values ($1, $2, $1, 'Bench', 'admin')`, [user.id, clinic]);
      await db.query(
        `insert into doctors (clinic_id, display_name) select $1, 'Dr ' || g from generate_series(1, $2) g`,
        [clinic, lanes],
      );
      await db.query(
        `insert into patients (clinic_id, first_name, last_name) select $1, 'P', 'Lane ' || g from generate_series(1, $2) g`,
        [clinic, lanes],
      );
      await db.query(
        `with d as (select id, row_number() over (order by id) - 1 as n from doctors where clinic_id = $1),
              p as (select id, row_number() over (order by id) - 1 as n from patients where clinic_id = $1)
         insert into appointments (clinic_id, doctor_id, patient_id, starts_at, ends_at)
         select $1, d.id, p.id, s.t, s.t + interval '30 minutes'
         from (select g, timestamptz '2030-01-01 00:00Z' + (g / $3) * interval '30 minutes' as t
               from generate_series(0, $2 - 1) g) s
         join d on d.n = s.g % $3 join p on p.n = s.g % $3`,
        [clinic, rows, lanes],
      );
    } finally {
      await db.end();
    }

    const client = createClient(stack.url, stack.anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
    await client.auth.stopAutoRefresh();
    const { error } = await client.auth.signInWithPassword(user);
    if (error) throw new Error(`bench sign-in failed: ${error.message}`);

    let cursor: string | null = null;
    let appointments = 0;
    const t0 = performance.now();
    for (;;) {
      const res = await client.rpc('sync_pull', { cursor, lim: pageSize });
      if (res.error) throw new Error(`sync_pull failed: ${res.error.message}`);
      const page = res.data as { rows: Array<{ table: string }>; cursor: string; has_more: boolean };
      appointments += page.rows.filter((r) => r.table === 'appointments').length;
      cursor = page.cursor;
      if (!page.has_more) break;
    }
    const seconds = (performance.now() - t0) / 1000;
    if (appointments !== rows) throw new Error(`pulled ${appointments} appointments, expected ${rows}`);
    return Math.round(rows / seconds);
  } finally {
    await stack.stop();
  }
}

// `tsx bench/stack.ts [rows]` prints the two figures as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? 200_000);
  const stack_cold_start_ms = await benchStackColdStart();
  const pull_rows_per_s = await benchPullRowsPerSec(rows);
  console.log(JSON.stringify({ stack_cold_start_ms, pull_rows_per_s, pull_rows: rows }));
}
