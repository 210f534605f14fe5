import { Suspense, useEffect, useRef } from 'react';
import { instantToLocalDate, todayIn } from '../../shared/domain/clinic-time.ts';
import { AppHeader } from './components/app-header.tsx';
import { BootState } from './components/boot-state.tsx';
import { openTodayOnce } from './app/boot-seed.ts';
import { useNav } from './app/nav-store.ts';
import { ScreenNav } from './app/screen-nav.tsx';
import { findScreen } from './app/screens.ts';
import { UndoToast } from './components/undo-toast.tsx';
import { BookingDialog } from './features/booking/components/booking-dialog.tsx';
import { RecoveryBanner } from './features/sync/components/recovery-banner.tsx';
import { useScheduleUi } from './features/schedule/stores/schedule-ui.ts';
import { useAppInfo, useSyncStatus } from './hooks/use-app-info.ts';
import { useNow } from './hooks/use-now.ts';
import { useActingRole } from './hooks/use-can.ts';
import { useI18n } from './i18n/use-i18n.ts';
import { useAppUi } from './stores/app-ui.ts';

/** Loads the clinic, then shows the header, the screen tabs and the current screen. */
export function App() {
  const { t } = useI18n();
  const { state, reload } = useAppInfo();
  const info = state.data;
  const sync = useSyncStatus(info?.sync ?? null);
  const date = useScheduleUi((s) => s.date);
  const setDate = useScheduleUi((s) => s.setDate);
  const now = useNow();
  const Screen = findScreen(useNav((s) => s.screen), useActingRole()).component;
  const started = useRef(false);

  // The first answer sets the saved language and opens today; later ones are refreshes.
  useEffect(() => {
    if (!info || started.current) return;
    started.current = true;
    openTodayOnce(info);
  }, [info]);

  useEffect(() => {
    if (info) document.title = `${info.clinic.name} · ${t('app.title')}`;
  }, [info, t]);

  const timeZone = info?.clinic.timeZone;
  useEffect(() => {
    if (timeZone) useAppUi.getState().setTimeZone(timeZone);
  }, [timeZone]);

  if (!info || !sync || !date) {
    return <BootState error={state.status === 'error' ? state.error : null} onRetry={reload} />;
  }

  const today = todayIn(info.clinic.timeZone, now);
  return (
    <div className="app">
      <AppHeader info={info} sync={sync} date={date} today={today} />
      <ScreenNav />
      {/* Screens other than the schedule load on first visit (app/screens.ts). */}
      <Suspense fallback={<BootState />}>
        <Screen info={info} today={today} />
      </Suspense>
      <BookingDialog
        info={info}
        today={today}
        shownDate={date}
        onDone={(a) => {
          // Show where the booking landed: its day on the schedule, with its details open.
          setDate(instantToLocalDate(a.startsAt, info.clinic.timeZone));
          useScheduleUi.getState().select(a.id);
          useNav.getState().show('schedule');
        }}
      />
      <UndoToast />
      <RecoveryBanner recovery={info.recovery} />
    </div>
  );
}
