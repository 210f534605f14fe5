import { describe, expect, it } from 'vitest';
import { ageOn } from './age.ts';

describe('ageOn', () => {
  it('ticks over on the birthday, not before', () => {
    expect(ageOn('1988-08-20', '2026-08-19')).toBe(37);
    expect(ageOn('1988-08-20', '2026-08-20')).toBe(38);
    expect(ageOn('1988-08-20', '2026-12-07')).toBe(38);
    expect(ageOn('1988-08-20', '2027-01-01')).toBe(38);
  });

  it('is 0 on the day of birth and in the first year', () => {
    expect(ageOn('2026-12-07', '2026-12-07')).toBe(0);
    expect(ageOn('2025-12-08', '2026-12-07')).toBe(0);
  });

  it('counts a 29 February birthday on 1 March in common years and on 29 February in leap years', () => {
    expect(ageOn('2000-02-29', '2027-02-28')).toBe(26);
    expect(ageOn('2000-02-29', '2027-03-01')).toBe(27);
    expect(ageOn('2000-02-29', '2028-02-28')).toBe(27);
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28);
  });

  it('has no age for a birth after the day, or for a date that does not exist', () => {
    expect(ageOn('2026-12-08', '2026-12-07')).toBeNull();
    expect(ageOn('1988-02-30', '2026-12-07')).toBeNull();
    expect(ageOn('', '2026-12-07')).toBeNull();
  });
});
