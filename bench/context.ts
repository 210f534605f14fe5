import type { ClinicApp } from '../electron/app.ts';
import type { Rng } from '../electron/demo/random.ts';

/** Benchmark sizes: --tiny for the test suite, quick by default, --full for clinic-group scale. */
export type Profile = 'tiny' | 'quick' | 'full';

export interface Sizes {
  patients: number;
  /** Requested appointments; undefined = the default demo's busy ~3 months. */
  appointments?: number;
  doctors: number;
}

export const PROFILES: Record<Profile, Sizes> = {
  tiny: { patients: 200, appointments: 600, doctors: 3 },
  quick: { patients: 2000, doctors: 6 },
  full: { patients: 200_000, appointments: 1_000_000, doctors: 50 },
};

/** Everything a benchmark gets: the app built on the demo DB, its clock and a seeded stream. */
export interface BenchContext {
  profile: Profile;
  app: ClinicApp;
  dataDir: string;
  /** The databases are encrypted as in the app (false with --plain). */
  encrypted: boolean;
  /** The frozen clock the demo DB was built for and the app runs with. */
  now: Date;
  /** Dates that hold appointments, [first, last] local days of the demo window. */
  window: { first: string; last: string };
  /** Timed samples per percentile figure (≥ 200). */
  samples: number;
  rng: (stream: string) => Rng;
  log: (line: string) => void;
}

/** One benchmark: returns its part of the final JSON record. */
export interface Bench {
  name: string;
  run(ctx: BenchContext): Promise<Record<string, number | string | object>>;
}
