import { todayIn } from '../../../shared/domain/clinic-time.ts';
import { prefetch } from '../api.ts';

/**
 * The reads the first screen waits on, sent together as soon as the page runs instead of one
 * after another as each gate renders (auth.session → app.info → schedule.day): while the main
 * bundle is still being parsed, the host already answers them. Components then invoke them as
 * usual and get these answers (api.ts `prefetch`). Which day is "today" depends on the clinic's
 * time zone (app.info): a desk normally sits in its clinic's zone, so today's schedule is asked
 * for at once in the browser's zone, and asked again only when app.info names another day.
 */
export function startBootReads(): void {
  const guess = browserToday();
  void prefetch('schedule.day', { date: guess });
  void prefetch('auth.session', {});
  void prefetch('auth.deskLock', {});
  void prefetch('sync.status', {});
  void prefetch('app.info', {}).then((info) => {
    if (!info.ok) return;
    const today = todayIn(info.value.clinic.timeZone);
    if (today !== guess) void prefetch('schedule.day', { date: today });
  });
}

/** Today in the browser's own zone, from Date's local fields: no Intl set-up (~25 ms) before the first read leaves. */
function browserToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
