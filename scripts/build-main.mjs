#!/usr/bin/env node
// Compiles the Electron main process to build/electron and puts the migration SQL where the
// compiled migration runner looks for it (next to migrations/sqlite/index.js).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function buildMain() {
  console.log('Building the Electron main process (tsc)…');
  const r = spawnSync('npx', ['tsc', '-p', 'electron/tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const from = join(root, 'migrations', 'sqlite');
  const to = join(root, 'build', 'electron', 'migrations', 'sqlite');
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from)) if (file.endsWith('.sql')) copyFileSync(join(from, file), join(to, file));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildMain();
