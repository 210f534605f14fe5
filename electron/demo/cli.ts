/**
 * Builds a demo clinic database of any size:
 *   npm run demo -- --data-dir <dir> [--patients N] [--appointments N] [--doctors N]
 *                   [--seed N] [--months N] [--now ISO-instant] [--replace]
 * The app opens the same file (<dir>/clinic-desk.db) with `npm start` / the headless host.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { databasePath } from '../storage/open-desk-database.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/schema/migrate.ts';
import { seedDemoClinic } from './seed.ts';

const USAGE =
  'usage: npm run demo -- --data-dir <dir> [--patients N] [--appointments N] [--doctors N] [--seed N] [--months N] [--now ISO] [--replace]';

function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer (got ${value})`);
  return n;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      patients: { type: 'string' },
      appointments: { type: 'string' },
      doctors: { type: 'string' },
      seed: { type: 'string' },
      months: { type: 'string' },
      now: { type: 'string' },
      replace: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values['data-dir']) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now is not a date: ${values.now}`);
  const dir = values['data-dir'];
  const file = databasePath(dir);
  mkdirSync(dir, { recursive: true });
  if (values.replace) for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);

  const db = openDatabase({ path: file });
  try {
    migrate(db);
    const started = performance.now();
    const result = seedDemoClinic(db, {
      now,
      seed: intOption(values.seed, 'seed'),
      patients: intOption(values.patients, 'patients'),
      appointments: intOption(values.appointments, 'appointments'),
      doctors: intOption(values.doctors, 'doctors'),
      monthsAround: intOption(values.months, 'months'),
      log: (line) => console.log(line),
    });
    if (!result.seeded) {
      console.log(`${file} already holds a clinic; nothing changed (use --replace to rebuild it).`);
      return 1;
    }
    const seconds = (performance.now() - started) / 1000;
    const rows = Object.values(result.counts ?? {}).reduce((a, b) => a + b, 0);
    console.log(`built ${file}: ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s)`);
    console.log(JSON.stringify(result.counts));
    return 0;
  } finally {
    db.close();
  }
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 2;
}
