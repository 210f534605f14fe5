import { useMemo, useState } from 'react';
import type { ScreenProps } from '../../../app/screen-types.ts';
import { addDaysIso, isoWeekday, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import { FreeSlotFinder } from '../../../components/free-slot-finder.tsx';
import { useAvailabilitySettings } from '../../../hooks/use-availability-settings.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useBookingUi } from '../../../stores/booking-ui.ts';
import { useDoctorWeek } from '../api/use-schedules.ts';
import { DayView } from './day-view.tsx';
import { EditorTabs, type EditorTab } from './editor-tabs.tsx';
import { WeekGrid } from './week-grid.tsx';
import { DateField } from '../../../components/date-field.tsx';
import './availability-screen.css';
import './editor.css';

const mondayOf = (date: IsoDate) => addDaysIso(date, 1 - isoWeekday(date));
type Mode = 'week' | 'day';

/** Doctor availability: a week per doctor or all doctors for a day, "find next free" beside it, editors for managers. */
export function AvailabilityScreen({ info, today }: ScreenProps) {
  const { t, formatDay } = useI18n();
  const settings = useAvailabilitySettings().state.data;
  const openBooking = useBookingUi((s) => s.openBooking);
  const [mode, setMode] = useState<Mode>('week');
  const [doctorId, setDoctorId] = useState('');
  const [weekStart, setWeekStart] = useState(() => mondayOf(today));
  const [day, setDay] = useState<IsoDate>(today);
  const [typeId, setTypeId] = useState('');
  const [finderDoctor, setFinderDoctor] = useState('');
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<EditorTab>('hours');
  const doctors = settings?.doctors.filter((d) => d.active) ?? [];
  const shownDoctor = doctorId || doctors[0]?.id || '';
  const weekInput = useMemo(() => (shownDoctor && mode === 'week' ? { doctorId: shownDoctor, weekStart } : null), [shownDoctor, weekStart, mode]);
  const week = useDoctorWeek(weekInput).state.data;
  const firstType = settings?.appointmentTypes.find((ty) => ty.active)?.id ?? '';
  const canEdit = settings?.canEdit === true;
  const isEditing = editing && canEdit;
  const showDoctor = isEditing ? tab === 'hours' : mode === 'week';
  const step = (n: number) => (mode === 'week' ? setWeekStart(addDaysIso(weekStart, 7 * n)) : setDay(addDaysIso(day, n)));
  const atToday = mode === 'week' ? weekStart === mondayOf(today) : day === today;

  return (
    <main className="screen availability" aria-label={t('screen.availability')} data-testid="availability-screen">
      <div className="toolbar">
        {!isEditing && (
          <div className="avail-tabs" role="group" aria-label={t('avail.viewMode')}>
            {(['week', 'day'] as const).map((m) => (
              <button key={m} type="button" className="avail-tabs__tab" aria-pressed={mode === m} onClick={() => setMode(m)} data-testid={`mode-${m}`}>
                {t(m === 'week' ? 'avail.oneDoctorWeek' : 'avail.allDoctorsDay')}
              </button>
            ))}
          </div>
        )}
        {showDoctor && (
          <select className="input" aria-label={t('booking.doctor')} value={shownDoctor} onChange={(e) => setDoctorId(e.target.value)} data-testid="week-doctor">
            {doctors.map((d) => (
              <option key={d.id} value={d.id}>
                {d.displayName}
              </option>
            ))}
          </select>
        )}
        {!isEditing && (
          <>
            <nav className="toolbar__nav" aria-label={t(mode === 'week' ? 'avail.week' : 'avail.day')}>
              <button type="button" className="btn btn--icon" onClick={() => step(-1)} aria-label={t(mode === 'week' ? 'avail.prevWeek' : 'avail.prevDay')}>
                <span aria-hidden="true">‹</span>
              </button>
              <button type="button" className="btn" onClick={() => (mode === 'week' ? setWeekStart(mondayOf(today)) : setDay(today))} disabled={atToday}>
                {t('nav.today')}
              </button>
              <button type="button" className="btn btn--icon" onClick={() => step(1)} aria-label={t(mode === 'week' ? 'avail.nextWeek' : 'avail.nextDay')}>
                <span aria-hidden="true">›</span>
              </button>
              <DateField
                required
                className="date-input"
                aria-label={t('nav.datePicker')}
                value={mode === 'week' ? weekStart : day}
                onChange={(v) => (mode === 'week' ? setWeekStart(mondayOf(v)) : setDay(v))}
                data-testid="avail-date"
              />
            </nav>
            <span className="availability__range">
              {mode === 'week' ? `${formatDay(weekStart, 'short')} – ${formatDay(addDaysIso(weekStart, 6), 'short')}` : formatDay(day)}
            </span>
          </>
        )}
        {canEdit ? (
          <button type="button" className="btn availability__edit" aria-pressed={isEditing} onClick={() => setEditing(!editing)} data-testid="edit-availability">
            {isEditing ? t('avail.doneEditing') : t('avail.edit')}
          </button>
        ) : (
          <span className="muted availability__ro">{t('avail.readOnly')}</span>
        )}
      </div>
      <div className={`availability__body${isEditing ? ' availability__body--editing' : ''}`}>
        <section className="availability__main" aria-label={isEditing ? t('avail.editors') : t(mode === 'week' ? 'avail.oneDoctorWeek' : 'avail.allDoctorsDay')}>
          {isEditing && settings ? (
            <EditorTabs tab={tab} onTab={setTab} doctorId={shownDoctor} settings={settings} today={today} />
          ) : mode === 'day' && settings ? (
            <DayView
              doctors={doctors}
              date={day}
              timeZone={info.clinic.timeZone}
              finderDoctor={finderDoctor}
              onFindFor={setFinderDoctor}
              onBook={(id, startsAt) => openBooking({ doctorId: id, startsAt, appointmentTypeId: typeId || firstType })}
            />
          ) : week && week.doctorId === shownDoctor ? (
            <WeekGrid week={week} />
          ) : (
            <p className="state">{t('app.loading')}</p>
          )}
        </section>
        {!isEditing && (
          <aside className="availability__finder" aria-label={t('avail.findFree')}>
            <h2>{t('avail.findFree')}</h2>
            {settings && (
              <FreeSlotFinder
                doctors={settings.doctors}
                types={settings.appointmentTypes}
                timeZone={info.clinic.timeZone}
                today={today}
                startDate={mode === 'day' ? day : weekStart}
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
        )}
      </div>
    </main>
  );
}
