import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDGE_PX, EDGE_STEP_MAX_PX, edgeScrollStep } from './edge-scroll.ts';

describe('edgeScrollStep', () => {
  it('scrolls back near the start edge, forward near the end edge, and not in between', () => {
    expect(edgeScrollStep(52 + 1, 52, 900)).toBeLessThan(0);
    expect(edgeScrollStep(900 - 1, 52, 900)).toBeGreaterThan(0);
    expect(edgeScrollStep(400, 52, 900)).toBe(0);
    expect(edgeScrollStep(52 + EDGE_PX, 52, 900)).toBe(0);
  });

  it('goes faster the deeper the pointer is in the edge, up to the maximum past it', () => {
    expect(edgeScrollStep(900 - 5, 52, 900)).toBeGreaterThan(edgeScrollStep(900 - 40, 52, 900));
    expect(edgeScrollStep(2000, 52, 900)).toBe(EDGE_STEP_MAX_PX);
    expect(edgeScrollStep(-500, 52, 900)).toBe(-EDGE_STEP_MAX_PX);
  });

  it('never scrolls a scroller too small to have a quiet middle', () => {
    expect(edgeScrollStep(10, 0, 2 * EDGE_PX)).toBe(0);
  });

  it('is bounded, and its sign says which edge is near', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 4000 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 100, max: 3000 }), (p, start, size) => {
        const end = start + size;
        const step = edgeScrollStep(p, start, end);
        expect(Math.abs(step)).toBeLessThanOrEqual(EDGE_STEP_MAX_PX);
        if (step < 0) expect(p).toBeLessThan(start + EDGE_PX);
        if (step > 0) expect(p).toBeGreaterThan(end - EDGE_PX);
      }),
    );
  });
});
