import { useCallback, useEffect, useRef, useState } from 'react';
import type { IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { ClinicSummary } from '../../../../../shared/domain/types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useBookingUi } from '../../../stores/booking-ui.ts';
import { localMinuteToInstant } from '../../../../../shared/domain/clinic-time.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { dayCsv } from '../lib/day-csv.ts';
import { usePrinting } from '../hooks/use-printing.ts';
import { DaySheet } from './day-sheet.tsx';
import { useDaySchedule } from '../api/use-day-schedule.ts';
import { useScheduleShortcuts } from '../hooks/use-schedule-shortcuts.ts';
import { useScheduleUi } from '../stores/schedule-ui.ts';
import { AppointmentPanel } from './appointment-panel.tsx';
import { DayScheduleGrid } from './day-schedule.tsx';
import { ScheduleSkeleton } from './schedule-skeleton.tsx';
import { ScheduleToolbar } from './schedule-toolbar.tsx';
import { ShortcutsHelp } from './shortcuts-help.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';
import './schedule-screen.css';

interface Props {
  clinic: ClinicSummary;
  date: IsoDate;
  today: IsoDate;
}

/** The day schedule screen: toolbar, grid (or its loading / empty / error state) and detail panel. */
export function ScheduleScreen({ clinic, date, today }: Props) {
  const { t } = useI18n();
  const errText = useErrorText();
  const datePickerRef = useRef<HTMLInputElement>(null);
  const selectedId = useScheduleUi((s) => s.selectedId);
  const select = useScheduleUi((s) => s.select);
  const { state, reload } = useDaySchedule(date);
  const printing = usePrinting();

  const closePanel = useCallback(() => {
    const id = useScheduleUi.getState().selectedId;
    select(null);
    if (id) {
      // Back to the block the panel was opened from, once the panel is gone.
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`[data-appointment-id="${CSS.escape(id)}"]`)?.focus(),
      );
    }
  }, [select]);
  useScheduleShortcuts(today, datePickerRef, closePanel);
  const openBooking = useBookingUi((s) => s.openBooking);
  const announceAction = useBookingUi((s) => s.announceAction);
  const [moveError, setMoveError] = useState<CommandErrorData | null>(null);
  const [sheetDoctorId, setSheetDoctorId] = useState('');
  useEffect(() => setMoveError(null), [date]);
  const onMoved = useCallback(() => {
    setMoveError(null);
    announceAction();
  }, [announceAction]);
  const onEmptyClick = useCallback(
    (doctorId: string, minute: number) => openBooking({ doctorId, startsAt: localMinuteToInstant(date, minute, clinic.timeZone) }),
    [openBooking, date, clinic.timeZone],
  );

  const schedule = state.data && state.data.date === date ? state.data : null;
  // A local read takes milliseconds: keep the previous day (dimmed) briefly instead of flashing
  // the skeleton on every key press; show the skeleton only if the answer is slow.
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (schedule) return;
    const timer = setTimeout(() => setSlow(true), 250);
    return () => clearTimeout(timer);
  }, [schedule, date]);
  const stale = !schedule && !slow && state.status === 'loading' ? state.data : null;
  const lastColumns = state.data?.doctors.length ?? 6;

  let body;
  if (state.status === 'error' && !schedule) {
    body = (
      <div className="state state--error" role="alert" data-testid="schedule-error">
        <p>{t('schedule.error', { message: errText(state.error) })}</p>
        <button type="button" className="btn" onClick={reload}>
          {t('app.retry')}
        </button>
      </div>
    );
  } else if ((stale && stale.doctors.length > 0) || (schedule && schedule.doctors.length > 0)) {
    // While the next day loads, the same grid element keeps the day shown before (no scroll jump;
    // React re-renders only its frame), inert until the new day replaces it.
    const shownStale = Boolean(stale && stale.doctors.length > 0);
    body = (
      <DayScheduleGrid
        schedule={shownStale ? stale! : schedule!}
        selectedId={shownStale ? null : selectedId}
        onOpen={select}
        onMoved={onMoved}
        onMoveRefused={setMoveError}
        onEmptyClick={onEmptyClick}
        stale={shownStale}
      />
    );
  } else if (!schedule) {
    body = <ScheduleSkeleton columns={lastColumns} label={t('schedule.loading')} />;
  } else {
    body = (
      <div className="state" data-testid="schedule-empty" data-date={schedule.date}>
        <p className="state__title">{t('schedule.empty')}</p>
        <p className="state__hint">{t('schedule.emptyHint')}</p>
      </div>
    );
  }

  return (
    <main className="screen" aria-label={t('schedule.region')}>
      <ScheduleToolbar
        date={date}
        today={today}
        datePickerRef={datePickerRef}
        doctors={schedule?.doctors ?? []}
        sheetDoctorId={sheetDoctorId}
        onSheetDoctorChange={setSheetDoctorId}
        onNew={() => openBooking({})}
        onPrint={() => window.print()}
        onCsv={() => schedule && downloadCsv(schedule.date, dayCsv(schedule, sheetDoctorId || null))}
      />
      <div className="screen__content">
        <div className="screen__grid">
          {moveError && (
            <div className="banner banner--error" role="alert" data-testid="move-error">
              <span>{t('booking.dragRefused', { message: errText(moveError) })}</span>
              <button type="button" className="btn btn--icon btn--small" onClick={() => setMoveError(null)} aria-label={t('detail.close')}>
                <span aria-hidden="true">×</span>
              </button>
            </div>
          )}
          {body}
        </div>
        {selectedId && <AppointmentPanel id={selectedId} timeZone={clinic.timeZone} onClose={closePanel} />}
      </div>
      <ShortcutsHelp />
      {schedule && printing && <DaySheet schedule={schedule} doctorId={sheetDoctorId || null} />}
    </main>
  );
}

/** Saves text through a temporary Blob link (works in Chromium and Electron alike). */
function downloadCsv(date: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `day-sheet-${date}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
