import { useMemo, useState } from 'react';
import type { ScreenProps } from '../../../app/screen-types.ts';
import { addDaysIso, isoWeekday, isValidIsoDate, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import { FreeSlotFinder } from '../../../components/free-slot-finder.tsx';
import { useAvailabilitySettings } from '../../../hooks/use-availability-settings.ts';
import { useCommandQuery } from '../../../hooks/use-command-query.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useBookingUi } from '../../../stores/booking-ui.ts';
import { WeekEditor } from './week-editor.tsx';
import { WeekGrid } from './week-grid.tsx';

const WEEK_TABLES = ['appointments', 'doctor_working_hours', 'doctor_breaks', 'doctor_vacations', 'clinic_blocked_periods'] as const;
const mondayOf = (date: IsoDate) => addDaysIso(date, 1 - isoWeekday(date));

/** Doctor availability: a week grid per doctor, "find next free" beside it, editors for managers. */
export function AvailabilityScreen({ info, today }: ScreenProps) {
  const { t, formatDay } = useI18n();
  const settings = useAvailabilitySettings().state.data;
  const openBooking = useBookingUi((s) => s.openBooking);
  const [doctorId, setDoctorId] = useState('');
  const [weekStart, setWeekStart] = useState(() => mondayOf(today));
  const [typeId, setTypeId] = useState('');
  const [finderDoctor, setFinderDoctor] = useState('');
  const [editing, setEditing] = useState(false);
  const doctors = settings?.doctors.filter((d) => d.active) ?? [];
  const shownDoctor = doctorId || doctors[0]?.id || '';
  const weekInput = useMemo(() => (shownDoctor ? { doctorId: shownDoctor, weekStart } : null), [shownDoctor, weekStart]);
  const week = useCommandQuery('availability.week', weekInput, { refreshOn: WEEK_TABLES }).state.data;
  const firstType = settings?.appointmentTypes.find((ty) => ty.active)?.id ?? '';

  return (
    <main className="screen availability" aria-label={t('screen.availability')} data-testid="availability-screen">
      <div className="toolbar">
        <select className="input" aria-label={t('booking.doctor')} value={shownDoctor} onChange={(e) => setDoctorId(e.target.value)} data-testid="week-doctor">
          {doctors.map((d) => (
            <option key={d.id} value={d.id}>
              {d.displayName}
            </option>
          ))}
        </select>
        <nav className="toolbar__nav" aria-label={t('avail.week')}>
          <button type="button" className="btn btn--icon" onClick={() => setWeekStart(addDaysIso(weekStart, -7))} aria-label={t('avail.prevWeek')}>
            <span aria-hidden="true">‹</span>
          </button>
          <button type="button" className="btn" onClick={() => setWeekStart(mondayOf(today))} disabled={weekStart === mondayOf(today)}>
            {t('nav.today')}
          </button>
          <button type="button" className="btn btn--icon" onClick={() => setWeekStart(addDaysIso(weekStart, 7))} aria-label={t('avail.nextWeek')}>
            <span aria-hidden="true">›</span>
          </button>
          <input
            type="date"
            className="date-input"
            aria-label={t('nav.datePicker')}
            value={weekStart}
            onChange={(e) => isValidIsoDate(e.target.value) && setWeekStart(mondayOf(e.target.value))}
          />
        </nav>
        <span className="availability__range">
          {formatDay(weekStart, 'short')} – {formatDay(addDaysIso(weekStart, 6), 'short')}
        </span>
        {settings?.canEdit ? (
          <button type="button" className="btn" aria-pressed={editing} onClick={() => setEditing(!editing)} data-testid="edit-availability">
            {editing ? t('avail.view') : t('avail.edit')}
          </button>
        ) : (
          <span className="muted availability__ro">{t('avail.readOnly')}</span>
        )}
      </div>
      <div className="availability__body">
        <section className="availability__main" aria-label={t('avail.week')}>
          {editing && settings && shownDoctor ? (
            <WeekEditor doctorId={shownDoctor} settings={settings} />
          ) : week && week.doctorId === shownDoctor ? (
            <WeekGrid week={week} />
          ) : (
            <p className="state">{t('app.loading')}</p>
          )}
        </section>
        <aside className="availability__finder" aria-label={t('avail.findFree')}>
          <h2>{t('avail.findFree')}</h2>
          {settings && (
            <FreeSlotFinder
              doctors={settings.doctors}
              types={settings.appointmentTypes}
              timeZone={info.clinic.timeZone}
              today={today}
              typeId={typeId || firstType}
              onTypeChange={setTypeId}
              doctorId={finderDoctor}
              onDoctorChange={setFinderDoctor}
              selected={null}
              onPick={(s) => openBooking({ doctorId: s.doctorId, startsAt: s.startsAt, roomId: s.roomId, appointmentTypeId: typeId || firstType })}
              limit={12}
            />
          )}
        </aside>
      </div>
    </main>
  );
}
