#!/usr/bin/env node
// `npm run build:electron`: compiles the Electron main process to build/electron and puts the
// migration SQL where the compiled migration runner looks for it (next to migrations/sqlite/index.js).
// buildHost(): the headless host as ONE esbuild bundle (build/host/cli.mjs), what `npm start` and
// the benchmark run: loading the ~900 modules of the TypeScript sources one by one (date-fns alone
// resolves ~250 files) took 1-2 s of every start; the bundle parses in ~50 ms.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const migrationsDir = join(root, 'migrations', 'sqlite');

/** The default bundle: `node build/host/cli.mjs --data-dir …` takes the same flags as electron/host/cli.ts. */
export const HOST_BUNDLE = join(root, 'build', 'host', 'cli.mjs');

/**
 * The newest modification time (ms) under `paths` (relative to the repo; node_modules skipped):
 * a build older than it is stale. Folders count too, so a deleted or renamed file does as well.
 */
export function newestSourceMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    newest = Math.max(newest, info.mtimeMs);
    if (info.isDirectory()) for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

function copyMigrations(to) {
  if (resolve(to) === resolve(migrationsDir)) return;
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(migrationsDir)) if (file.endsWith('.sql')) copyFileSync(join(migrationsDir, file), join(to, file));
}

export function buildMain() {
  console.log('Building the Electron main process (tsc)…');
  const r = spawnSync('npx', ['tsc', '-p', 'electron/tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  copyMigrations(join(root, 'build', 'electron', 'migrations', 'sqlite'));
}

/**
 * Bundles electron/host/cli.ts and everything it imports except the native SQLite driver into
 * `outfile`, which must lie inside the repo (the driver resolves from node_modules). The migration
 * runner finds its SQL at ../../migrations/sqlite from its own file (as in the sources): for the
 * default build/host/cli.mjs that is the repo's own folder, elsewhere the SQL is copied there. The
 * pull worker re-enters the bundle itself (import.meta.url); cli.ts only starts on the main thread.
 */
export async function buildHost(outfile = HOST_BUNDLE) {
  const { build, stop } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['electron/host/cli.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3-multiple-ciphers', 'electron'],
    // Bundled CommonJS dependencies call require(); ESM output has none of its own.
    banner: { js: "import { createRequire as __clinicDeskRequire } from 'node:module';\nconst require = __clinicDeskRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  }).finally(() => stop()); // esbuild's service process would otherwise live as long as we do
  const code = result.outputFiles[0];
  mkdirSync(dirname(outfile), { recursive: true });
  // Written aside and renamed: a host starting meanwhile (another bench run) never reads half a file.
  const tmp = `${outfile}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, code.contents);
    renameSync(tmp, outfile);
  } finally {
    rmSync(tmp, { force: true });
  }
  copyMigrations(join(dirname(outfile), '..', '..', 'migrations', 'sqlite'));
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--host')) await buildHost();
  else buildMain();
}
