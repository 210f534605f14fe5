/**
 * Seeded randomness for the demo generator: the same seed gives the same clinic, byte for byte.
 * mulberry32 is tiny, fast and good enough for fake data (not for anything secret).
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A sub-stream per purpose, so adding patients does not reshuffle the schedule (and vice versa). */
export function createRng(seed: number, stream = ''): Rng {
  let h = seed >>> 0;
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x9e3779b1) >>> 0;
  return rngFrom(mulberry32(h ^ 0x5bd1e995));
}

/**
 * One Rng restarted for each of many short streams (one per appointment): `reseed(n)` gives the
 * same draws as createRng(n), without allocating a generator each time.
 */
export function createReseedableRng(): Rng & { reseed(seed: number): void } {
  let a = 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Object.assign(rngFrom(next), { reseed: (seed: number) => void (a = (seed >>> 0) ^ 0x5bd1e995) });
}

function rngFrom(next: () => number): Rng {
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(items) {
      let total = 0;
      for (const [, w] of items) total += w;
      let x = next() * total;
      for (const [item, w] of items) {
        x -= w;
        if (x < 0) return item;
      }
      return items[items.length - 1]![0];
    },
  };
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * UUIDv7-shaped ids from a timestamp and the seeded stream: the 48-bit millisecond prefix makes
 * them time-ordered (fast, append-mostly inserts), the PRNG makes them reproducible.
 */
export function makeIdFactory(rng: Rng): (ms: number) => string {
  const r32 = () => Math.floor(rng.next() * 4294967296) >>> 0;
  return (ms) => {
    const t = Math.max(0, Math.floor(ms));
    const hi = Math.floor(t / 65536); // top 32 bits of 48
    const lo = t % 65536;
    const a = r32();
    const b = r32();
    const c = r32();
    const time =
      HEX[(hi >>> 24) & 0xff]! + HEX[(hi >>> 16) & 0xff]! + HEX[(hi >>> 8) & 0xff]! + HEX[hi & 0xff]!;
    const timeLo = HEX[(lo >>> 8) & 0xff]! + HEX[lo & 0xff]!;
    const ver = '7' + HEX[(a >>> 24) & 0x0f]!.slice(1) + HEX[(a >>> 16) & 0xff]!;
    const variant = HEX[0x80 | ((a >>> 8) & 0x3f)]! + HEX[a & 0xff]!;
    const node = HEX[(b >>> 24) & 0xff]! + HEX[(b >>> 16) & 0xff]! + HEX[(b >>> 8) & 0xff]! + HEX[b & 0xff]! +
      HEX[(c >>> 8) & 0xff]! + HEX[c & 0xff]!;
    return `${time}-${timeLo}-${ver}-${variant}-${node}`;
  };
}
