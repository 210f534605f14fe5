/**
 * `npm run stack [-- --data-dir DIR] [--port N] [--no-demo] [--json] [--now INSTANT]`: a local Supabase-compatible
 * server (Postgres + PostgREST + auth + gateway) on loopback until Ctrl+C.
 * `--json` (for `npm start` and other parents): print one JSON line
 * `{"event":"ready","url","anonKey","dataDir"}` instead of the banner, and stop when stdin closes,
 * so the stack never outlives the process that started it.
 * `--now`: generate the demo data for this ISO instant (as the host's `--now`; `npm start` passes it).
 */
import { parseArgs } from 'node:util';
import { offsetClock, parseInstantOption } from '../shared/clock.ts';
import { startStack } from './index.ts';
import { demoLogins } from './seed.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    'no-demo': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    now: { type: 'string' },
  },
});

let now: (() => Date) | undefined;
try {
  now = values.now === undefined ? undefined : offsetClock(parseInstantOption(values.now));
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
}

const started = Date.now();
const stack = await startStack({
  ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
  ...(values.port ? { port: Number(values.port) } : {}),
  demo: values['no-demo'] ? false : 'full',
  ...(now ? { now } : {}),
  ...(values.verbose ? { log: (l: string) => process.stderr.write(l) } : {}),
});

if (values.json) {
  console.log(JSON.stringify({ event: 'ready', url: stack.url, anonKey: stack.anonKey, dataDir: stack.dataDir, ms: Date.now() - started }));
} else console.log(`Clinic Desk stack ready in ${Date.now() - started} ms
  Supabase URL   ${stack.url}
  anon key       ${stack.anonKey}
  service key    ${stack.serviceKey}
  Postgres       ${stack.pgUrl}
  data dir       ${stack.dataDir}${values['data-dir'] ? '' : ' (temporary, removed on exit)'}

Point the app at it:
  CLINIC_DESK_SUPABASE_URL=${stack.url} CLINIC_DESK_SUPABASE_ANON_KEY=${stack.anonKey}
${values['no-demo'] ? '' : `\nDemo clinic logins:\n${demoLogins()}\n`}
Ctrl+C stops everything.`);

let stopping = false;
const shutdown = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  stack.stop().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGHUP', () => shutdown('SIGHUP'));
if (values.json) {
  // The parent holds our stdin: when it exits (even SIGKILL) the pipe closes and we stop.
  process.stdin.on('end', () => shutdown('parent gone'));
  process.stdin.on('error', () => shutdown('parent gone'));
  process.stdin.resume();
}
