/**
 * The app's clock. Normally the computer's; `--now <instant>` (host CLI, `npm start`, Electron)
 * starts it at a fixed instant and lets it run on from there, so tests and demos meet the same
 * day (a holiday, a Sunday, New Year's Eve) whenever they run. Everything main decides by time
 * (the demo seed, status rules, "today", sync timestamps) reads it through createApp's `now`.
 */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export class ClockOptionError extends Error {}

/** Parses `--now`: an ISO 8601 instant with its offset (Z or ±hh:mm), e.g. 2026-12-31T23:50:00+01:00. */
export function parseInstantOption(value: string, flag = '--now'): Date {
  const m = ISO_INSTANT.exec(value);
  const fail = (why: string) =>
    new ClockOptionError(`${flag}: ${why}; expected an ISO 8601 instant with its offset, e.g. 2026-12-31T23:50:00+01:00 (got "${value}")`);
  if (!m) throw fail(/T/.test(value) && !/(Z|[+-]\d{2}:\d{2})$/.test(value) ? 'the time zone offset is missing' : 'not an ISO 8601 instant');
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const daysInMonth = new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > daysInMonth) throw fail('no such date');
  if (h! > 23 || mi! > 59 || (s ?? 0) > 59) throw fail('no such time of day');
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw fail('not an ISO 8601 instant');
  return at;
}

/** A clock that reads `start` now and runs on at the computer's pace. */
export function offsetClock(start: Date, realNow: () => number = Date.now): () => Date {
  const offset = start.getTime() - realNow();
  return () => new Date(realNow() + offset);
}
