import { describe, expect, it } from 'vitest';
import { daySeries } from './day-series.ts';

const day = (date: string, attempts: number) => ({ date, attempts, reached: 0, booked: 0 });

describe('daySeries', () => {
  it('pads a single day to a week ending on the given day', () => {
    const s = daySeries([day('2026-11-23', 2)], '2026-11-23');
    expect(s.map((d) => d.date)).toEqual(['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);
    expect(s.at(-1)!.attempts).toBe(2);
    expect(s[0]!.attempts).toBe(0);
  });

  it('fills gaps with zeros and starts at the first call when that is earlier', () => {
    const s = daySeries([day('2026-11-01', 1), day('2026-11-20', 3)], '2026-11-23');
    expect(s[0]!.date).toBe('2026-11-01');
    expect(s).toHaveLength(23);
    expect(s.filter((d) => d.attempts > 0)).toHaveLength(2);
  });

  it('crosses month and DST boundaries by calendar day', () => {
    const s = daySeries([], '2026-03-30', 3);
    expect(s.map((d) => d.date)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });
});
