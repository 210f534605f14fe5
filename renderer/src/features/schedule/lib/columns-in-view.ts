/** Width of the time axis left of the doctor columns (the grid sets --axis-w from it). */
export const TIME_AXIS_PX = 52;
/** A doctor column never gets narrower than this: more doctors than fit scroll sideways. */
export const COLUMN_MIN_PX = 120;

export interface ColumnView {
  /** The scroller's scrollLeft and its width without the vertical scrollbar. */
  scrollLeft: number;
  width: number;
  columns: number;
  /** Columns drawn on either side of those in view. */
  overscan?: number;
}

/**
 * Indices [first, last] of the doctor columns in view, plus overscan. The columns share the width
 * right of the sticky time axis equally, but none is narrower than COLUMN_MIN_PX.
 */
export function columnsInView({ scrollLeft, width, columns, overscan = 1 }: ColumnView): { first: number; last: number } {
  if (columns <= 0) return { first: 0, last: -1 };
  const shown = Math.max(0, width - TIME_AXIS_PX);
  const columnPx = Math.max(COLUMN_MIN_PX, shown / columns);
  const first = Math.floor(Math.max(0, scrollLeft) / columnPx);
  const last = Math.ceil((Math.max(0, scrollLeft) + shown) / columnPx) - 1;
  return { first: Math.max(0, first - overscan), last: Math.min(columns - 1, Math.max(first, last) + overscan) };
}
