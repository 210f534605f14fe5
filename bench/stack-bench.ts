import type { Bench } from './context.ts';
import { benchPullRowsPerSec, benchStackColdStart } from './stack.ts';

/** Server rows pulled through sync_pull per profile (full: the appointment count of --full). */
const PULL_ROWS = { tiny: 2_000, quick: 50_000, full: 1_000_000 } as const;

/** The embedded server: cold start to ready, and sync_pull throughput via supabase-js. */
export const stackBench: Bench = {
  name: 'stack',
  async run(ctx) {
    const stackColdStartMs = await benchStackColdStart();
    ctx.log(`stack cold start: ${stackColdStartMs} ms`);
    const rows = PULL_ROWS[ctx.profile];
    const pullRowsPerS = await benchPullRowsPerSec(rows);
    ctx.log(`sync_pull: ${rows} rows at ${pullRowsPerS} rows/s`);
    return { stack_cold_start_ms: stackColdStartMs, pull_rows_per_s: pullRowsPerS, pull_rows: rows };
  },
};
