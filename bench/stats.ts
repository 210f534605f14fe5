/** Timing helpers for the benchmarks: nearest-rank percentiles over collected samples. */

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: Math.max(...samples),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

/** Milliseconds taken by fn (awaited). */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Runs warm-up calls (not recorded), then one timed call per input. */
export async function sample<T>(inputs: readonly T[], warmUp: number, fn: (input: T) => unknown): Promise<number[]> {
  for (let i = 0; i < Math.min(warmUp, inputs.length); i++) await fn(inputs[i]!);
  const out: number[] = [];
  for (const input of inputs) out.push(await timeMs(() => fn(input)));
  return out;
}

/** Rounds figures for the JSON line (3 significant decimals are plenty for milliseconds). */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
