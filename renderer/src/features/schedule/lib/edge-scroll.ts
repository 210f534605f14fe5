/** How close to a scroller's edge a dragged block starts scrolling it. */
export const EDGE_PX = 48;
/** Pixels per frame with the pointer at (or past) the edge. */
export const EDGE_STEP_MAX_PX = 20;

/**
 * One frame's scroll along one axis while dragging: negative near the start edge, positive near
 * the end edge (faster the closer the pointer is, and at full speed past the edge), 0 in between.
 * `start` is where the scrolled content shows from (right of the sticky time axis, below the
 * sticky doctor heads), `end` the scroller's far edge.
 */
export function edgeScrollStep(pointer: number, start: number, end: number): number {
  if (end - start <= 2 * EDGE_PX) return 0;
  const speed = (depth: number) => Math.ceil(Math.min(1, depth / EDGE_PX) * EDGE_STEP_MAX_PX);
  if (pointer < start + EDGE_PX) return -speed(start + EDGE_PX - pointer);
  if (pointer > end - EDGE_PX) return speed(pointer - (end - EDGE_PX));
  return 0;
}

/**
 * The part of a scroll `step` that stays within [0, limit] from `position`: the grid scrolls to
 * its last row and no further (a dragged block below the grid would otherwise grow the scroll
 * area and keep it scrolling).
 */
export function scrollWithin(step: number, position: number, limit: number): number {
  const target = Math.min(Math.max(0, limit), Math.max(0, position + step));
  return target - position;
}
