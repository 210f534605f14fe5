import { describe, expect, it } from 'vitest';
import { COLUMN_MIN_PX, columnsInView, TIME_AXIS_PX } from './columns-in-view.ts';

describe('columnsInView', () => {
  it('gives every column when all fit', () => {
    expect(columnsInView({ scrollLeft: 0, width: 1300, columns: 6 })).toEqual({ first: 0, last: 5 });
  });

  it('gives the columns at the scroll position, one more on each side, when they are at their narrowest', () => {
    // 10 columns of COLUMN_MIN_PX fit exactly: columns 0..9 in view, 10 is the overscan.
    const width = TIME_AXIS_PX + 10 * COLUMN_MIN_PX;
    expect(columnsInView({ scrollLeft: 0, width, columns: 50 })).toEqual({ first: 0, last: 10 });
    // Scrolled by two and a half columns: 2 (half shown) .. 12 (half shown), then overscan.
    expect(columnsInView({ scrollLeft: 2.5 * COLUMN_MIN_PX, width, columns: 50 })).toEqual({ first: 1, last: 13 });
  });

  it('stays inside the columns at the right end and without overscan', () => {
    const width = TIME_AXIS_PX + 10 * COLUMN_MIN_PX;
    expect(columnsInView({ scrollLeft: 40 * COLUMN_MIN_PX, width, columns: 50, overscan: 0 })).toEqual({ first: 40, last: 49 });
    expect(columnsInView({ scrollLeft: 45 * COLUMN_MIN_PX, width, columns: 50 })).toEqual({ first: 44, last: 49 });
  });

  it('gives at least one column in a window narrower than the axis, none when there are none', () => {
    expect(columnsInView({ scrollLeft: 0, width: 30, columns: 4, overscan: 0 })).toEqual({ first: 0, last: 0 });
    expect(columnsInView({ scrollLeft: 0, width: 1000, columns: 0 })).toEqual({ first: 0, last: -1 });
  });
});
