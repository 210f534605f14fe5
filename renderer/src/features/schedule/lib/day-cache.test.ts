import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../../../shared/result.ts';
import { createDayCache } from './day-cache.ts';

/** A read whose answers the test releases by hand, counting the reads per day. */
function fakeRead() {
  const reads: string[] = [];
  const pending = new Map<string, (answer: Envelope<string>) => void>();
  const read = (date: string) => {
    reads.push(date);
    return new Promise<Envelope<string>>((resolve) => pending.set(date, resolve));
  };
  const answer = (date: string, answer: Envelope<string> = { ok: true, value: `day ${date}` }) => pending.get(date)!(answer);
  return { read, reads, answer };
}

describe('createDayCache', () => {
  it('shares a read in flight and keeps its answer for the next switch', async () => {
    const f = fakeRead();
    const cache = createDayCache(f.read);
    const first = cache.load('2026-11-24');
    const second = cache.load('2026-11-24');
    expect(cache.peek('2026-11-24')).toBeUndefined();
    f.answer('2026-11-24');
    expect(await first).toEqual({ ok: true, value: 'day 2026-11-24' });
    expect(await second).toEqual({ ok: true, value: 'day 2026-11-24' });
    expect(f.reads).toEqual(['2026-11-24']);
    expect(cache.peek('2026-11-24')).toBe('day 2026-11-24');
  });

  it('does not keep a refused read, and reads that day again next time', async () => {
    const f = fakeRead();
    const cache = createDayCache(f.read);
    const refused = cache.load('2026-11-24');
    f.answer('2026-11-24', { ok: false, error: { code: 'offline', message: 'gone' } });
    expect((await refused).ok).toBe(false);
    expect(cache.peek('2026-11-24')).toBeUndefined();
    void cache.load('2026-11-24');
    expect(f.reads).toEqual(['2026-11-24', '2026-11-24']);
  });

  it('prefetches only days neither kept nor in flight', async () => {
    const f = fakeRead();
    const cache = createDayCache(f.read);
    cache.prefetch('2026-11-24');
    cache.prefetch('2026-11-24');
    f.answer('2026-11-24');
    await cache.load('2026-11-24');
    cache.prefetch('2026-11-24');
    expect(f.reads).toEqual(['2026-11-24']);
  });

  it('forgets every day on invalidate and never keeps an answer read before it', async () => {
    const f = fakeRead();
    const cache = createDayCache(f.read);
    const kept = cache.load('2026-11-24');
    f.answer('2026-11-24');
    await kept;
    const before = cache.load('2026-11-25');
    cache.invalidate();
    expect(cache.peek('2026-11-24')).toBeUndefined();
    f.answer('2026-11-25', { ok: true, value: 'old rows' });
    expect(await before).toEqual({ ok: true, value: 'old rows' });
    expect(cache.peek('2026-11-25')).toBeUndefined();
    // A read after the change does not join the one from before it.
    void cache.load('2026-11-25');
    expect(f.reads).toEqual(['2026-11-24', '2026-11-25', '2026-11-25']);
  });

  it('keeps at most `limit` days, dropping the least recently kept', async () => {
    const f = fakeRead();
    const cache = createDayCache(f.read, 2);
    for (const date of ['2026-11-24', '2026-11-25', '2026-11-26']) {
      const load = cache.load(date);
      f.answer(date);
      await load;
    }
    expect(cache.peek('2026-11-24')).toBeUndefined();
    expect(cache.peek('2026-11-25')).toBe('day 2026-11-25');
    expect(cache.peek('2026-11-26')).toBe('day 2026-11-26');
  });

  it('keeps an answer read another way: shown at once, not read again until invalidated', async () => {
    const f = fakeRead();
    const cache = createDayCache(f.read);
    cache.keep('2026-11-24', 'boot day');
    expect(cache.peek('2026-11-24')).toBe('boot day');
    cache.prefetch('2026-11-24');
    expect(f.reads).toEqual([]);
    cache.invalidate();
    expect(cache.peek('2026-11-24')).toBeUndefined();
  });
});
