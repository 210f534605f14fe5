import { TZDate } from '@date-fns/tz';
// Subpath imports: the date-fns root loads ~250 modules (~0.7 s of a cold start unbundled).
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { getISODay } from 'date-fns/getISODay';

/** A calendar date in the clinic's time zone, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** A UTC instant, ISO-8601 with milliseconds and 'Z'. */
export type Instant = string;

export const ISO_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isValidIsoDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function parts(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** The UTC instant of a wall-clock minute of a local date (DST-aware: a day may be 23 or 25 h). */
export function localMinuteToInstant(date: IsoDate, minute: number, timeZone: string): Instant {
  const [y, m, d] = parts(date);
  const t = new TZDate(y, m - 1, d, Math.floor(minute / 60), minute % 60, 0, timeZone);
  return new Date(t.getTime()).toISOString();
}

/** [start, end) of a local calendar day as UTC instants. */
export function dayBounds(date: IsoDate, timeZone: string): { start: Instant; end: Instant } {
  return {
    start: localMinuteToInstant(date, 0, timeZone),
    end: localMinuteToInstant(addDaysIso(date, 1), 0, timeZone),
  };
}

/**
 * One local day's bounds and a minute → instant converter for it. A time-zone conversion costs
 * ~20 µs; when the day is 24 h long (no clock change that day) its offset is the same all day,
 * so a minute is the start plus that many minutes. On a 23 or 25 h day each minute is converted.
 */
export function dayClock(date: IsoDate, timeZone: string): { start: Instant; end: Instant; at(minute: number): Instant } {
  const { start, end } = dayBounds(date, timeZone);
  const startMs = Date.parse(start);
  const steady = Date.parse(end) - startMs === 86_400_000;
  return {
    start,
    end,
    at: steady
      ? (minute) => new Date(startMs + minute * 60_000).toISOString()
      : (minute) => localMinuteToInstant(date, minute, timeZone),
  };
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  return format(addDays(new Date(y, m - 1, d), days), 'yyyy-MM-dd');
}

/** ISO weekday, 1 = Monday .. 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return getISODay(new Date(y, m - 1, d));
}

/** Today's date in the clinic's time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  return format(new TZDate(now.getTime(), timeZone), 'yyyy-MM-dd');
}

/** Minutes since local midnight of an instant, in the clinic's time zone. */
export function instantToLocalMinute(instant: Instant, timeZone: string): number {
  const t = new TZDate(new Date(instant).getTime(), timeZone);
  return t.getHours() * 60 + t.getMinutes();
}

/** The local date of an instant in the clinic's time zone. */
export function instantToLocalDate(instant: Instant, timeZone: string): IsoDate {
  return format(new TZDate(new Date(instant).getTime(), timeZone), 'yyyy-MM-dd');
}
