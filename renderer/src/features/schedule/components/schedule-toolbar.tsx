import type { RefObject } from 'react';
import { type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import { APPOINTMENT_STATUSES } from '../../../../../shared/domain/appointment-status.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { STATUS_ICON } from '../lib/status-cue.ts';
import { useScheduleUi } from '../stores/schedule-ui.ts';
import { DateField } from '../../../components/date-field.tsx';
import './schedule-toolbar.css';

interface Props {
  date: IsoDate;
  today: IsoDate;
  datePickerRef: RefObject<HTMLInputElement | null>;
  /** Day sheet: the doctors to choose from, the chosen one ('' = clinic), print and CSV. */
  doctors: readonly { id: string; displayName: string }[];
  sheetDoctorId: string;
  onSheetDoctorChange(id: string): void;
  onNew(): void;
  onPrint(): void;
  onCsv(): void;
}

/** Day navigation (previous / today / next / date picker), the status legend and the help button. */
export function ScheduleToolbar({ date, today, datePickerRef, doctors, sheetDoctorId, onSheetDoctorChange, onNew, onPrint, onCsv }: Props) {
  const { t } = useI18n();
  const shiftDate = useScheduleUi((s) => s.shiftDate);
  const setDate = useScheduleUi((s) => s.setDate);
  const setHelpOpen = useScheduleUi((s) => s.setHelpOpen);

  return (
    <div className="toolbar">
      <nav className="toolbar__nav" aria-label={t('schedule.region')}>
        <button type="button" className="btn btn--icon" onClick={() => shiftDate(-1)} aria-label={t('nav.previous')} title={`${t('nav.previous')} (←)`}>
          <span aria-hidden="true">‹</span>
        </button>
        <button type="button" className="btn" onClick={() => setDate(today)} disabled={date === today} title={`${t('nav.today')} (T)`}>
          {t('nav.today')}
        </button>
        <button type="button" className="btn btn--icon" onClick={() => shiftDate(1)} aria-label={t('nav.next')} title={`${t('nav.next')} (→)`}>
          <span aria-hidden="true">›</span>
        </button>
        <DateField
          ref={datePickerRef}
          required
          className="date-input"
          aria-label={t('nav.datePicker')}
          title={`${t('nav.datePicker')} (G)`}
          value={date}
          onChange={setDate}
          data-testid="schedule-date"
        />
      </nav>
      <button type="button" className="btn btn--primary" onClick={onNew} title={`${t('booking.new')} (N)`} data-testid="new-booking">
        + {t('booking.new')}
      </button>
      <ul className="legend" aria-label={t('detail.status')}>
        {APPOINTMENT_STATUSES.map((s) => (
          <li key={s} className={`legend__item legend--${s}`} title={t(`status.${s}`)}>
            <span className="legend__swatch" aria-hidden="true">
              {STATUS_ICON[s]}
            </span>
            <span className="legend__label">{t(`status.${s}`)}</span>
          </li>
        ))}
      </ul>
      <div className="toolbar__sheet">
        <select
          className="input input--compact"
          aria-label={t('sheet.for')}
          title={t('sheet.for')}
          value={sheetDoctorId}
          onChange={(e) => onSheetDoctorChange(e.target.value)}
          data-testid="sheet-doctor"
        >
          <option value="">{t('sheet.allDoctors')}</option>
          {doctors.map((d) => (
            <option key={d.id} value={d.id}>
              {d.displayName}
            </option>
          ))}
        </select>
        <button type="button" className="btn" onClick={onPrint} title={t('sheet.print')} data-testid="print-day">
          {t('sheet.printShort')}
        </button>
        <button type="button" className="btn" onClick={onCsv} title={t('sheet.csv')} data-testid="export-csv">
          CSV
        </button>
      </div>
      <button type="button" className="btn btn--icon" onClick={() => setHelpOpen(true)} aria-label={t('nav.shortcuts')} title={`${t('nav.shortcuts')} (?)`}>
        <span aria-hidden="true">?</span>
      </button>
    </div>
  );
}
