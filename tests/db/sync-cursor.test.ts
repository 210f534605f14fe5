import { describe, expect, it } from 'vitest';
import { smallestCursor } from '../../electron/sync/pull.ts';

const A = '00000000-0000-0000-0000-00000000000a';
const B = '00000000-0000-0000-0000-00000000000b';

describe('smallestCursor (the cursor a download in streams saves)', () => {
  it('orders by transaction id as a number, not as text', () => {
    expect(smallestCursor([`e:10:${A}:1`, `e:9:${B}:1`])).toBe(`e:9:${B}:1`);
    expect(smallestCursor([`e:9:${B}:1`, `e:10:${A}:1`])).toBe(`e:9:${B}:1`);
    expect(smallestCursor([`e:18446744073709551615:${A}:1`, `e:18446744073709551614:${B}:3`])).toBe(`e:18446744073709551614:${B}:3`);
  });

  it('breaks ties by id, then by table position', () => {
    expect(smallestCursor([`e:7:${B}:1`, `e:7:${A}:9`])).toBe(`e:7:${A}:9`);
    expect(smallestCursor([`e:7:${A}:10`, `e:7:${A}:9`])).toBe(`e:7:${A}:9`);
  });

  it('answers the only cursor, and any of equal ones', () => {
    expect(smallestCursor([`e:7:${A}:2`])).toBe(`e:7:${A}:2`);
    expect(smallestCursor([`e:7:${A}:2`, `e:7:${A}:2`])).toBe(`e:7:${A}:2`);
  });
});
