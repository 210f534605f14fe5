import { describe, expect, it } from 'vitest';
import { recycleKeys, type RecycledKeys } from './recycle-keys.ts';

const empty: RecycledKeys = { keys: new Map(), nextKey: 0 };

describe('recycleKeys', () => {
  it('gives new appointments fresh keys in order', () => {
    const r = recycleKeys(empty, ['a', 'b'], null);
    expect([...r.keys]).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(r.nextKey).toBe(2);
  });

  it('keeps the key of an appointment that stays, wherever it moves in the column', () => {
    const day = recycleKeys(empty, ['a', 'b', 'c'], null);
    const refreshed = recycleKeys(day, ['c', 'a', 'b'], null);
    expect(refreshed.keys.get('a')).toBe(0);
    expect(refreshed.keys.get('b')).toBe(1);
    expect(refreshed.keys.get('c')).toBe(2);
  });

  it("hands the keys of appointments that left to the next day's ones, in order", () => {
    const day = recycleKeys(empty, ['a', 'b', 'c'], null);
    const next = recycleKeys(day, ['x', 'y', 'z', 'w'], null);
    expect([...next.keys]).toEqual([
      ['x', 0],
      ['y', 1],
      ['z', 2],
      ['w', 3],
    ]);
    expect(next.nextKey).toBe(4);
  });

  it('never hands on the key of the focused appointment', () => {
    const day = recycleKeys(empty, ['a', 'b'], null);
    const next = recycleKeys(day, ['x', 'y'], 'a');
    expect(next.keys.get('x')).toBe(1);
    expect(next.keys.get('y')).toBe(2);
  });

  it('gives the same keys again for the same appointments', () => {
    const day = recycleKeys(empty, ['a', 'b'], null);
    const again = recycleKeys(day, ['a', 'b'], null);
    expect(again).toEqual(day);
  });
});
