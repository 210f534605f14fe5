import { todayIn } from '../../../shared/domain/clinic-time.ts';
import { prefetch } from '../api.ts';

/**
 * The reads the first screen waits on, sent together as soon as the page runs instead of one
 * after another as each gate renders (auth.session → app.info → schedule.day): while the main
 * bundle is still being parsed, the host already answers them. Components then invoke them as
 * usual and get these answers (api.ts `prefetch`). Today's day schedule follows app.info, whose
 * time zone says which day "today" is, exactly as the shell computes it.
 */
export function startBootReads(): void {
  void prefetch('auth.session', {});
  void prefetch('auth.deskLock', {});
  void prefetch('sync.status', {});
  void prefetch('app.info', {}).then((info) => {
    if (info.ok) void prefetch('schedule.day', { date: todayIn(info.value.clinic.timeZone) });
  });
}
