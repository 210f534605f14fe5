import { todayIn } from '../../../shared/domain/clinic-time.ts';
import type { AppInfo } from '../../../shared/domain/types.ts';
import { peekPrefetched } from '../data/api.ts';
import { deskNow, followDeskClock } from '../clock.ts';
import { useAuthStore } from '../features/auth/stores/auth-store.ts';
import { useScheduleUi } from '../features/schedule/stores/schedule-ui.ts';
import { useAppUi } from '../stores/app-ui.ts';
import { useDeskLock } from '../stores/desk-lock.ts';

let openedToday = false;

/** The clinic's first answer: its saved language, and today in its time zone on the schedule. */
function openToday(info: AppInfo): void {
  useAppUi.getState().setLanguage(info.language);
  followDeskClock(info.now);
  useScheduleUi.getState().setDate(todayIn(info.clinic.timeZone, deskNow()));
}

/**
 * The app's first app.info answer opens today, unless the seed already did: done again, it would
 * reset a date the user picked in the meantime.
 */
export function openTodayOnce(info: AppInfo): void {
  if (openedToday) openedToday = false;
  else openToday(info);
}

/**
 * Puts the boot reads that have already arrived into the UI stores before the first render, so
 * the first frame is the desk itself: without this each gate (session, desk lock, clinic, day)
 * draws a loading frame and waits for its answer, one frame after another. Components that keep
 * their own state read the same answers with peekPrefetched. What is not here yet loads as usual.
 */
export function seedFromBootReads(): void {
  const session = peekPrefetched('auth.session', {});
  if (session) useAuthStore.getState().setSession(session);
  const lock = peekPrefetched('auth.deskLock', {});
  if (lock) useDeskLock.getState().setState(lock);
  const info = peekPrefetched('app.info', {});
  if (!info) return;
  openToday(info);
  openedToday = true;
}
