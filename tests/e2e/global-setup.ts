import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newestSourceMtime } from '../../scripts/build-main.mjs';

const ROOT = process.cwd();
const SOURCES = ['renderer', 'shared', 'vite.config.ts'];

/** The host as `npm start` runs it: one bundled file (scripts/build-main.mjs), ~1 s to build. */
export const HOST_BUNDLE = join(ROOT, 'build', 'host', 'cli.mjs');

function buildHostBundle(): void {
  const result = spawnSync(process.execPath, ['scripts/build-main.mjs', '--host'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`host bundle build failed (exit ${result.status ?? result.signal})`);
}

/** Builds the host bundle, and the renderer (dist/, which the host serves) when it is missing or older than its sources. */
export default function globalSetup(): void {
  buildHostBundle();
  const index = join(ROOT, 'dist', 'index.html');
  const sourcesAt = newestSourceMtime(SOURCES);
  if (existsSync(index) && statSync(index).mtimeMs >= sourcesAt) return;
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
}
