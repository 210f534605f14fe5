// `npm start`: build what is stale, then run Clinic Desk in Electron when its binary is installed,
// otherwise in the browser through the headless host. Extra arguments go to the host
// (e.g. `npm start -- --port 5180 --no-open --data-dir ./data`).
import { buildMain } from './build-main.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const isWindows = process.platform === 'win32';

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: isWindows });
  if (result.status !== 0) {
    console.error(`\`${command} ${commandArgs.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** Newest modification time under the given paths (files or folders), skipping node_modules. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
    } else {
      newest = Math.max(newest, info.mtimeMs);
    }
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

function ensureRenderer() {
  const index = join(root, 'dist', 'index.html');
  const sources = newestMtime(['renderer', 'shared', 'vite.config.ts', 'package.json']);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('Building the renderer (vite build)…');
  run('npx', ['vite', 'build']);
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

function runChild(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

ensureRenderer();
const electron = electronBinary();
if (electron) {
  buildMain();
  runChild(electron, ['.', ...args]);
} else {
  console.log('The Electron binary is not installed here, so Clinic Desk runs in your browser instead.');
  runChild(process.execPath, ['--import', 'tsx', join('electron', 'host', 'cli.ts'), ...args]);
}
