import { todayIn } from '../../../shared/domain/clinic-time.ts';
import { prefetch } from '../data/api.ts';
import { deskNow, followDeskClock } from '../clock.ts';

/**
 * The reads the first screen waits on, sent together as soon as the page runs instead of one
 * after another as each gate renders (auth.session → app.info → schedule.day): while the main
 * bundle is still being parsed, the host already answers them. Components then invoke them as
 * usual and get these answers (data/prefetch.ts). Which day is "today" depends on the clinic's
 * time zone (app.info): a desk normally sits in its clinic's zone, so today's schedule is asked
 * for at once in the browser's zone, and asked again only when app.info names another day.
 * Resolves once every answer is in (answers are envelopes: it never rejects).
 */
export function startBootReads(): Promise<unknown> {
  const guess = browserToday();
  return Promise.all([
    prefetch('schedule.day', { date: guess }),
    prefetch('auth.session', {}),
    prefetch('auth.deskLock', {}),
    prefetch('sync.status', {}),
    prefetch('app.info', {}).then((info) => {
      if (!info.ok) return null;
      followDeskClock(info.value.now);
      const today = todayIn(info.value.clinic.timeZone, deskNow());
      return today === guess ? null : prefetch('schedule.day', { date: today });
    }),
  ]);
}

/** Today in the browser's own zone, from Date's local fields: no Intl set-up (~25 ms) before the first read leaves. */
function browserToday(now = deskNow()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
