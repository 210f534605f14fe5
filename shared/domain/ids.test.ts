import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UUID_PATTERN, uuidv7, uuidv7Time } from './ids.ts';

describe('uuidv7', () => {
  it('makes RFC 9562 version-7 ids that carry their millisecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_600_000_000_000, max: 4_000_000_000_000 }), (ms) => {
        const id = uuidv7(ms);
        expect(id).toMatch(UUID_PATTERN);
        expect(id[14]).toBe('7');
        expect(uuidv7Time(id)).toBeGreaterThanOrEqual(ms);
      }),
    );
  });

  it('is strictly increasing even when many ids are made in the same millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7(1_900_000_000_000));
    const sorted = [...ids].sort();
    expect(ids).toEqual(sorted);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never goes backwards when the clock does', () => {
    const a = uuidv7(2_000_000_000_000);
    const b = uuidv7(1_999_999_999_000);
    expect(b > a).toBe(true);
  });
});
