#!/usr/bin/env node
// `npm test`: every tier in order — typecheck, lint, vitest (unit, db, integration), Playwright e2e —
// then ONE summary line `N passed, N failed[, N skipped]` summing all tiers (CI reads it).
// The e2e suite runs at the real time, and its day-dependent specs again at fixed hard instants
// (tests/e2e/fixed-instants.ts: a holiday, a Sunday, New Year's Eve 23:50, the Friday before a
// clock change), as Playwright projects of the same run: one report, counted once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const CHROMIUM = process.env.CLINIC_DESK_CHROMIUM ?? '/usr/bin/chromium';
const results = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `Chromium is needed for the browser tests and was not found at ${CHROMIUM}.\n` +
        `Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CLINIC_DESK_CHROMIUM to its path.`,
    );
    return false;
  }
  console.log('Chromium not found: installing Debian\'s chromium package (running as root)…');
  return run('install chromium', 'bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
}

function countStatic(label, ok) {
  // Typecheck and lint count as one check each, so a failure shows in the summary line.
  if (ok) results.passed += 1;
  else {
    results.failed += 1;
    broken = true;
    console.error(`${label} failed`);
  }
}

mkdirSync('test-results', { recursive: true });

// Browser tests live in both tiers (the bench test paints in Chromium too): find it first.
const haveChromium = ensureChromium();

countStatic('typecheck', run('typecheck', 'npm', ['run', '--silent', 'typecheck']));
countStatic('lint', run('lint', 'npm', ['run', '--silent', 'lint']));

const vitestJson = 'test-results/vitest.json';
rmSync(vitestJson, { force: true });
const vitestOk = run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  results.passed += v.numPassedTests;
  results.failed += v.numFailedTests;
  results.skipped += v.numPendingTests + v.numTodoTests;
  if (!vitestOk && v.numFailedTests === 0) {
    results.failed += 1; // a suite that failed to load has no failed test of its own
    broken = true;
  }
} else {
  results.failed += 1;
  broken = true;
}

const e2eJson = 'test-results/e2e.json';
rmSync(e2eJson, { force: true });
if (haveChromium) {
  const e2eOk = run('e2e (real time + fixed instants)', 'npx', ['playwright', 'test'], { CLINIC_DESK_E2E_INSTANTS: '1' });
  if (existsSync(e2eJson)) {
    const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats;
    results.passed += s.expected + s.flaky;
    results.failed += s.unexpected;
    results.skipped += s.skipped;
    if (!e2eOk && s.unexpected === 0) {
      results.failed += 1;
      broken = true;
    }
  } else {
    results.failed += 1;
    broken = true;
  }
} else {
  results.failed += 1;
  broken = true;
}

const skipped = results.skipped > 0 ? `, ${results.skipped} skipped` : '';
console.log(`\n${results.passed} passed, ${results.failed} failed${skipped}`);
process.exit(broken || results.failed > 0 ? 1 : 0);
