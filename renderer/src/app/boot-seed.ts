import { todayIn } from '../../../shared/domain/clinic-time.ts';
import { peekPrefetched } from '../api.ts';
import { useAuthStore } from '../features/auth/stores/auth-store.ts';
import { useScheduleUi } from '../features/schedule/stores/schedule-ui.ts';
import { useAppUi } from '../stores/app-ui.ts';
import { useDeskLock } from '../stores/desk-lock.ts';

/**
 * Puts the boot reads that have already arrived into the UI stores before the first render, so
 * the first frame is the desk itself: without this each gate (session, desk lock, clinic, day)
 * draws a loading frame and waits for its answer, one frame after another. Components that keep
 * their own state read the same answers with peekPrefetched. What is not here yet loads as usual.
 */
let openedToday = false;

/**
 * True once after the seed opened today: the app's own "first answer opens today" step must then
 * not run again, or a date the user picked in the meantime would be reset.
 */
export function takeOpenedToday(): boolean {
  const was = openedToday;
  openedToday = false;
  return was;
}

export function seedFromBootReads(): void {
  const session = peekPrefetched('auth.session', {});
  if (session) useAuthStore.getState().setSession(session);
  const lock = peekPrefetched('auth.deskLock', {});
  if (lock) useDeskLock.getState().setState(lock);
  const info = peekPrefetched('app.info', {});
  if (!info) return;
  useAppUi.getState().setLanguage(info.language);
  useScheduleUi.getState().setDate(todayIn(info.clinic.timeZone));
  openedToday = true;
}
