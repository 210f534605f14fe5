/**
 * `npm run host`: runs Clinic Desk without Electron. Builds the same app as the Electron shell,
 * serves it on 127.0.0.1 and opens a browser where one exists.
 *   --data-dir <dir>      default $CLINIC_DESK_DATA_DIR or the per-user data dir
 *   --port <n>            default 0 (a free port)
 *   --renderer-dir <dir>  default dist/ (run `npx vite build` first; `npm start` does)
 *   --no-open             do not open a browser
 *   --no-demo             do not fill an empty database with the demo clinic
 *   --server-url <url>    Supabase URL to sync with (or $CLINIC_DESK_SUPABASE_URL)
 *   --anon-key <key>      its anon key (or $CLINIC_DESK_SUPABASE_ANON_KEY)
 *   --demo-sign-in        embedded demo server (`npm start`): sign the demo receptionist in
 *   --acting-staff <email> local-only desks (no server): act as this staff member, e.g.
 *                         manager@demo.clinic (e2e of the manager-only editors); refused with a server
 *   --now <instant>       start the app's clock at this ISO instant (e.g. 2026-12-31T23:50:00+01:00)
 *                         and let it run on from there: the demo seed, statuses and "today" follow it
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { DEMO_STAFF } from '../../shared/demo-ids.ts';
import { createApp } from '../app.ts';
import { chooseLocalStaff } from '../commands/session.ts';
import { serverFromEnv } from '../auth/server-config.ts';
import { offsetClock, parseInstantOption } from '../../shared/clock.ts';
import { startHost } from './host.ts';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLINIC_DESK_DATA_DIR) return env.CLINIC_DESK_DATA_DIR;
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Clinic Desk');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Clinic Desk');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'clinic-desk');
}

export function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'renderer-dir': { type: 'string', default: 'dist' },
      'no-open': { type: 'boolean', default: false },
      'no-demo': { type: 'boolean', default: false },
      'server-url': { type: 'string' },
      'anon-key': { type: 'string' },
      'demo-sign-in': { type: 'boolean', default: false },
      'acting-staff': { type: 'string' },
      now: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  return {
    dataDir: resolve(values['data-dir'] ?? defaultDataDir()),
    port,
    rendererDir: resolve(values['renderer-dir']),
    open: !values['no-open'] && !process.env.CI,
    demo: !values['no-demo'],
    server: serverFromEnv(process.env, { url: values['server-url'], anonKey: values['anon-key'] }),
    demoSignIn: values['demo-sign-in'],
    actingStaff: values['acting-staff'] ?? null,
    now: values.now === undefined ? null : offsetClock(parseInstantOption(values.now)),
  };
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Best effort: an app-style Chromium window, else the desktop's default browser. */
function openBrowser(url: string): boolean {
  const candidates: [string, string[]][] = [
    ['chromium', [`--app=${url}`]],
    ['chromium-browser', [`--app=${url}`]],
    ['google-chrome', [`--app=${url}`]],
    ['xdg-open', [url]],
    ['open', [url]],
  ];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  for (const [command, args] of candidates) {
    if (!onPath(command)) continue;
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
    return true;
  }
  return false;
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    console.error(`No built renderer in ${options.rendererDir}. Run \`npx vite build\` (or \`npm start\`, which builds it).`);
    process.exitCode = 1;
    return;
  }
  const receptionist = DEMO_STAFF.find((s) => s.role === 'receptionist')!;
  const app = createApp({
    dataDir: options.dataDir,
    demo: options.demo,
    ...(options.now ? { now: options.now } : {}),
    ...(options.server ? { server: options.server } : {}),
    autoSignIn: options.server && options.demoSignIn ? { email: receptionist.email, password: receptionist.password } : null,
  });
  if (options.actingStaff) {
    const staff = chooseLocalStaff(app.db, options.actingStaff, { hasServer: Boolean(options.server) });
    console.error(`Acting as ${staff.displayName} (${staff.role}).`);
  }
  const host = await startHost({ app, port: options.port, rendererDir: options.rendererDir });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`Received ${signal}, stopping…`);
    void host.close().finally(() => {
      app.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  if (process.env.CLINIC_DESK_EXIT_WITH_STDIN === '1') {
    // npm start holds our stdin: if it dies (even SIGKILL) the pipe closes and we stop too.
    process.stdin.on('end', () => stop('parent gone'));
    process.stdin.on('error', () => stop('parent gone'));
    process.stdin.resume();
  }

  console.log(
    JSON.stringify({
      event: 'ready', url: host.url, port: host.port, token: host.token, dataDir: options.dataDir, server: options.server?.url ?? null,
      ...(options.now ? { now: options.now().toISOString() } : {}),
    }),
  );
  void app.warmUp();
  console.log(`Clinic Desk is running at ${host.url}`);
  console.log(`Data: ${options.dataDir}. ${options.server ? `Syncing with ${options.server.url}.` : 'Local only (no server configured).'} Press Ctrl+C to stop.`);
  if (options.open && !openBrowser(host.url)) console.log('No browser found: open the address above yourself.');
}

// In the bundle (scripts/build-main.mjs) the sync pull worker loads this same file: only the main
// thread is the host.
if (isMainThread) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
