import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDaysIso,
  dayBounds,
  dayClock,
  instantToLocalDate,
  instantToLocalMinute,
  isValidIsoDate,
  isoWeekday,
  localMinuteToInstant,
  todayIn,
} from './clinic-time.ts';

describe('clinic-time', () => {
  it('validates calendar dates, including leap years', () => {
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('26-01-01')).toBe(false);
    expect(isValidIsoDate('2026-1-01')).toBe(false);
  });

  it('gives 23, 24 and 25 hour days around daylight saving in Madrid', () => {
    const hours = (d: string) => {
      const b = dayBounds(d, 'Europe/Madrid');
      return (Date.parse(b.end) - Date.parse(b.start)) / 3600_000;
    };
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2026-11-23')).toBe(24);
  });

  it('turns a wall-clock minute into the right UTC instant on both sides of a DST change', () => {
    expect(localMinuteToInstant('2026-03-28', 9 * 60, 'Europe/Madrid')).toBe('2026-03-28T08:00:00.000Z');
    expect(localMinuteToInstant('2026-03-30', 9 * 60, 'Europe/Madrid')).toBe('2026-03-30T07:00:00.000Z');
    expect(localMinuteToInstant('2026-11-23', 9 * 60 + 30, 'America/Mexico_City')).toBe('2026-11-23T15:30:00.000Z');
  });

  it('round-trips local minutes and dates for every minute of ordinary days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.constantFrom('Europe/Madrid', 'America/New_York', 'Asia/Kolkata', 'UTC'),
        (dayOffset, minute, tz) => {
          const date = addDaysIso('2026-01-01', dayOffset);
          const instant = localMinuteToInstant(date, minute, tz);
          // Minutes skipped by a spring-forward gap do not exist locally; skip those.
          fc.pre(instantToLocalMinute(instant, tz) === minute);
          expect(instantToLocalDate(instant, tz)).toBe(date);
        },
      ),
    );
  });

  it('converts a day\'s minutes with dayClock exactly as one by one, clock-change days included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 366 }),
        fc.integer({ min: 0, max: 1440 }),
        // Half-hour and 30-minute-DST zones, southern-hemisphere DST and zones without DST.
        fc.constantFrom('Europe/Madrid', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'),
        (dayOffset, minute, tz) => {
          const date = addDaysIso('2025-01-01', dayOffset);
          const clock = dayClock(date, tz);
          expect(clock.at(minute)).toBe(localMinuteToInstant(date, minute, tz));
          expect({ start: clock.start, end: clock.end }).toEqual(dayBounds(date, tz));
        },
      ),
      { numRuns: 2000 },
    );
    // The days the clocks change in Madrid, every minute.
    for (const date of ['2026-03-29', '2026-10-25']) {
      const clock = dayClock(date, 'Europe/Madrid');
      for (let minute = 0; minute <= 1440; minute++) {
        expect(clock.at(minute)).toBe(localMinuteToInstant(date, minute, 'Europe/Madrid'));
      }
    }
  });

  it('knows ISO weekdays and date arithmetic across month and year ends', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysIso('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('tells today in the clinic, not on the computer', () => {
    const now = new Date('2026-11-23T23:30:00Z');
    expect(todayIn('Europe/Madrid', now)).toBe('2026-11-24');
    expect(todayIn('America/New_York', now)).toBe('2026-11-23');
  });
});
