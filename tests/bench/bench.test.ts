import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Every figure the last line of `npm run bench` must carry.
const EXPECTED_KEYS = [
  'schedule_day_p50_ms',
  'schedule_day_p95_ms',
  'find_free_p95_ms',
  'patient_search_p95_ms',
  'campaign_preview_ms',
  'initial_sync_rows_per_s',
  'initial_sync_floor_ratio',
  'initial_sync_wait_s',
  'initial_sync_schema_s',
  'replay_10k_s',
  'cross_desk_p95_ms',
  'main_block_max_ms',
  'cold_start_ms',
  'day_render_ms',
  'main_rss_mb',
  'demo_build_s',
  'demo_build_rows_per_s',
  'stack_cold_start_ms',
  'pull_rows_per_s',
];

describe('npm run bench', () => {
  // ~25-35 s alone (three embedded-server starts, a renderer build, Chromium); more when other
  // test files share the two cores, hence the generous limit.
  it('prints one JSON record with every figure on the last stdout line (--tiny)', () => {
    // Same Node as the test runner (22), tsx as a loader: what `npm run bench` does, minus npm.
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--tiny'], {
      cwd: process.cwd(),
      encoding: 'utf8',
      timeout: 150_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const record = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    for (const key of EXPECTED_KEYS) {
      expect(typeof record[key], key).toBe('number');
      expect(Number.isFinite(record[key]), key).toBe(true);
    }
    const sizes = record.sizes as Record<string, unknown>;
    for (const key of ['patients', 'appointments', 'doctors']) {
      expect(typeof sizes[key], key).toBe('number');
      expect(sizes[key] as number, key).toBeGreaterThan(0);
    }
    // The run's settings are labels; every other figure is numeric (or an object of numbers).
    expect(typeof record.encrypted).toBe('boolean');
    for (const [key, value] of Object.entries(record)) {
      if (key === 'profile' || key === 'encrypted') continue;
      const flat = typeof value === 'object' && value !== null ? Object.values(value) : [value];
      for (const v of flat) expect(typeof v, key).toBe('number');
    }
  }, 180_000);
});
