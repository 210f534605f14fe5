/**
 * npm run bench [-- --tiny | --full] [--seed N] [--samples N] [--plain] [--only a,b]
 * --only runs the named benchmarks alone (names as in BENCHES: schedule.day, booking,
 * campaign-preview, browser, stack, sync, memory), for working on one figure.
 * The database is encrypted as in the app; --plain measures an unencrypted baseline.
 * Builds a demo database with the demo generator in a temp dir, opens the app on it and runs
 * every benchmark. Progress goes to stderr; the LAST line of stdout is one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../electron/app.ts';
import { databasePath } from '../electron/storage/open-desk-database.ts';
import { FileSecretStore } from '../electron/secrets/secret-store.ts';
import { chooseLocalStaff } from '../electron/commands/session.ts';
import { openDatabase } from '../electron/db/database.ts';
import { migrate } from '../electron/db/schema/migrate.ts';
import { createRng } from '../electron/demo/random.ts';
import { demoWindow, seedDemoClinic } from '../electron/demo/seed.ts';
import { loadOrCreateDatabaseKey } from '../electron/storage/desk-key.ts';
import { DEMO_STAFF } from '../shared/demo-ids.ts';
import { bookingBench } from './booking.ts';
import { browserBench } from './browser.ts';
import { type Bench, type BenchContext, PROFILES, type Profile, type Sizes } from './context.ts';
import { memoryBench } from './memory.ts';
import { campaignPreviewBench } from './recalls.ts';
import { scheduleDayBench } from './schedule-day.ts';
import { stackBench } from './stack-bench.ts';
import { syncBench } from './sync.ts';
import { round } from './stats.ts';

/** Every benchmark, in run order. A new benchmark is one more entry returning its keys. */
export const BENCHES: readonly Bench[] = [
  scheduleDayBench,
  bookingBench,
  campaignPreviewBench,
  // Adds busy days after the demo window: after the query benches, so they never see them.
  browserBench,
  stackBench,
  syncBench,
  memoryBench,
];

/** The bench clock: a fixed Friday morning, so every run measures the same data. */
export const BENCH_NOW = new Date('2026-03-20T09:30:00.000Z');

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

/** Builds the demo DB file in dataDir with the generator; returns row counts and build time. */
function buildDemo(dataDir: string, sizes: Sizes, seed: number, encrypted: boolean): { counts: Record<string, number>; seconds: number } {
  const path = databasePath(dataDir);
  // The same key store createApp uses by default, so the app opens what was built here.
  const key = encrypted ? loadOrCreateDatabaseKey({ store: new FileSecretStore(dataDir), dbPath: path }) : null;
  const db = openDatabase({ path, key });
  try {
    migrate(db);
    const started = performance.now();
    const result = seedDemoClinic(db, { now: BENCH_NOW, seed, ...sizes, log });
    return { counts: result.counts ?? {}, seconds: (performance.now() - started) / 1000 };
  } finally {
    db.close();
  }
}

export async function runBenchmarks(argv: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: argv,
    options: {
      tiny: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      seed: { type: 'string', default: '42' },
      samples: { type: 'string', default: '200' },
      plain: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const profile: Profile = values.full ? 'full' : values.tiny ? 'tiny' : 'quick';
  const sizes = PROFILES[profile];
  const seed = Number(values.seed);
  const samples = Math.max(200, Number(values.samples));
  const only = values.only?.split(',').map((name) => name.trim());
  const unknown = only?.filter((name) => !BENCHES.some((bench) => bench.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`--only: no benchmark named ${unknown.join(', ')} (have ${BENCHES.map((b) => b.name).join(', ')})`);
  const benches = only ? BENCHES.filter((bench) => only.includes(bench.name)) : BENCHES;
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-bench-'));
  try {
    log(`profile ${profile}: building the demo clinic in ${dataDir}`);
    const encrypted = !values.plain;
    const build = buildDemo(dataDir, sizes, seed, encrypted);
    const rows = Object.values(build.counts).reduce((a, b) => a + b, 0);
    const record: Record<string, unknown> = {
      profile,
      encrypted,
      sizes: {
        patients: build.counts.patients ?? 0,
        appointments: build.counts.appointments ?? 0,
        doctors: build.counts.doctors ?? 0,
      },
      demo_build_s: round(build.seconds, 2),
      demo_build_rows_per_s: Math.round(rows / build.seconds),
    };
    const app = createApp({
      dataDir,
      now: () => BENCH_NOW,
      ...(encrypted ? {} : { keyStore: false as const }),
      logger: { error: (m, meta) => log(`app error: ${m} ${JSON.stringify(meta ?? '')}`) },
    });
    // The manager acts (as `--acting-staff` does): recall campaigns are a manager's screen.
    chooseLocalStaff(app.db, DEMO_STAFF.find((s) => s.role === 'manager')!.email, { hasServer: false });
    try {
      const window = demoWindow({ now: BENCH_NOW, ...sizes });
      const ctx: BenchContext = {
        profile,
        app,
        dataDir,
        encrypted,
        now: BENCH_NOW,
        window: { first: window.firstDay, last: window.lastDay },
        samples,
        rng: (stream) => createRng(seed, stream),
        log,
      };
      for (const bench of benches) {
        log(`running ${bench.name}`);
        Object.assign(record, await bench.run(ctx));
      }
    } finally {
      app.close();
    }
    return record;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) {
  runBenchmarks(process.argv.slice(2)).then(
    (record) => process.stdout.write(`${JSON.stringify(record)}\n`),
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      process.exitCode = 1;
    },
  );
}
