// `npm start`: build what is stale, then run Clinic Desk in Electron when its binary is installed,
// otherwise in the browser through the headless host. Extra arguments go to the host
// (e.g. `npm start -- --port 5180 --no-open --data-dir ./data`).
// With no server configured (CLINIC_DESK_SUPABASE_URL / --server-url) it first starts the embedded
// Supabase-compatible stack (`stack/cli.ts --json`, data in <data dir>/stack) as a child, points
// the app at it and signs the demo receptionist in, so a new user sees sync working.
// `--local-only` skips the server: the desk then works alone on the local demo data.
// `--now <ISO instant>` runs the desk (and generates the embedded server's demo) on a clock that
// starts at that instant, e.g. `npm start -- --now 2026-12-31T23:50:00+01:00`.
import { HOST_BUNDLE, buildHost, buildMain, newestSourceMtime } from './build-main.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rawArgs = process.argv.slice(2);
const localOnly = rawArgs.includes('--local-only');
const args = rawArgs.filter((a) => a !== '--local-only');
const isWindows = process.platform === 'win32';
const nowAt = args.indexOf('--now');
const nowArgs = nowAt >= 0 ? ['--now', args[nowAt + 1] ?? ''] : [];

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: isWindows });
  if (result.status !== 0) {
    console.error(`\`${command} ${commandArgs.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function ensureRenderer() {
  const index = join(root, 'dist', 'index.html');
  const sources = newestSourceMtime(['renderer', 'shared', 'vite.config.ts', 'package.json']);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('Building the renderer (vite build)…');
  run('npx', ['vite', 'build']);
}

/**
 * The headless host as one bundled file (scripts/build-main.mjs), rebuilt when a source is newer:
 * it starts in a fraction of the time tsx takes to load the TypeScript sources module by module.
 * Falls back to tsx if the bundle cannot be built.
 */
async function hostEntry() {
  const sources = newestSourceMtime(['electron', 'shared', 'migrations', 'package.json', 'scripts/build-main.mjs']);
  if (!existsSync(HOST_BUNDLE) || statSync(HOST_BUNDLE).mtimeMs < sources) {
    try {
      console.log('Bundling the desk service (esbuild)…');
      await buildHost();
    } catch (err) {
      console.error(`Bundling failed (${err.message}); running the sources through tsx instead.`);
      return ['--import', 'tsx', join('electron', 'host', 'cli.ts')];
    }
  }
  return [HOST_BUNDLE];
}

/**
 * Where the Electron binary would be, or null. `require('electron')` would try to download a
 * missing binary (and fail slowly here), so read the same path.txt it reads and check the file.
 */
function electronBinary() {
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const relative = readFileSync(pathFile, 'utf8').trim();
    const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist');
    const binary = join(dist, relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

let stack = null;

function runChild(command, commandArgs, env, { exitWithStdin = false } = {}) {
  const child = spawn(command, commandArgs, {
    cwd: root,
    stdio: [exitWithStdin ? 'pipe' : 'inherit', 'inherit', 'inherit'],
    env: { ...process.env, ...env, ...(exitWithStdin ? { CLINIC_DESK_EXIT_WITH_STDIN: '1' } : {}) },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      child.kill(signal);
      stack?.kill(signal);
    });
  }
  child.on('exit', (code, signal) => {
    // The stack also stops by itself when our pipe to its stdin closes (even if we are killed).
    stack?.kill('SIGTERM');
    process.exit(code ?? (signal ? 1 : 0));
  });
}

/** Same default as electron/host/cli.ts defaultDataDir(). */
function dataDir() {
  const i = args.indexOf('--data-dir');
  if (i >= 0 && args[i + 1]) return resolve(args[i + 1]);
  if (process.env.CLINIC_DESK_DATA_DIR) return resolve(process.env.CLINIC_DESK_DATA_DIR);
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Clinic Desk');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Clinic Desk');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'clinic-desk');
}

/** Starts the embedded stack and resolves with its `{ url, anonKey }` ready line. */
function startEmbeddedStack() {
  // As root, Postgres runs as `postgres`, which cannot enter /root: keep the server's data elsewhere.
  const dir = process.getuid?.() === 0 && !args.includes('--data-dir') ? '/var/lib/clinic-desk/stack' : join(dataDir(), 'stack');
  console.log(`Starting the embedded server (data in ${dir})…`);
  stack = spawn(process.execPath, ['--import', 'tsx', join('stack', 'cli.ts'), '--data-dir', dir, '--json', ...nowArgs], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolveReady, reject) => {
    const lines = createInterface({ input: stack.stdout });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      try {
        const msg = JSON.parse(line);
        if (msg.event === 'ready') resolveReady(msg);
      } catch {
        // not ours
      }
    });
    stack.once('exit', (code, signal) => reject(new Error(`the embedded server stopped (${code ?? signal}) before it was ready`)));
  });
}

const serverConfigured =
  !!process.env.CLINIC_DESK_SUPABASE_URL || args.includes('--server-url') || localOnly;

ensureRenderer();
const electron = electronBinary();
// Bundled while the embedded server starts.
const hostCommand = electron ? null : hostEntry();
let env = {};
let hostArgs = args;
if (!serverConfigured) {
  try {
    const ready = await startEmbeddedStack();
    console.log(`Embedded server ready at ${ready.url}; signing in as the demo receptionist.`);
    env = { CLINIC_DESK_SUPABASE_URL: ready.url, CLINIC_DESK_SUPABASE_ANON_KEY: ready.anonKey, CLINIC_DESK_DEMO_SIGN_IN: '1' };
    hostArgs = [...args, '--demo-sign-in'];
    // The server-backed desk keeps its own database beside the stack's, never the local-only demo's.
    if (!args.includes('--data-dir')) hostArgs.push('--data-dir', join(dataDir(), 'desk'));
  } catch (err) {
    console.error(`${err.message}. Run \`npm start -- --local-only\` to use the desk without a server.`);
    process.exit(1);
  }
}
if (electron) {
  buildMain();
  runChild(electron, ['.', ...args], env);
} else {
  console.log('The Electron binary is not installed here, so Clinic Desk runs in your browser instead.');
  runChild(process.execPath, [...(await hostCommand), ...hostArgs], env, { exitWithStdin: true });
}
