import type { DaySchedule } from '../../../../../shared/domain/types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { roomNamesOf, sheetAppointments } from '../lib/day-csv.ts';
import './day-sheet.css';

interface Props {
  schedule: DaySchedule;
  /** null = the whole clinic. */
  doctorId: string | null;
}

/** The printable day sheet: hidden on screen, the only thing printed (see @media print). */
export function DaySheet({ schedule, doctorId }: Props) {
  const { t, formatDay, formatTime } = useI18n();
  const tz = schedule.clinic.timeZone;
  const doctors = schedule.doctors.filter((d) => doctorId === null || d.id === doctorId);
  const rooms = roomNamesOf(schedule);
  const all = sheetAppointments(schedule, doctorId);
  return (
    <section className="day-sheet" aria-hidden="true" data-testid="day-sheet">
      <h1>
        {schedule.clinic.name} · {t('sheet.title')} · {formatDay(schedule.date)}
      </h1>
      {doctors.map((d) => {
        const list = all.filter((a) => a.doctorId === d.id);
        return (
          <div key={d.id} className="day-sheet__doctor">
            <h2>{d.displayName}</h2>
            {list.length === 0 ? (
              <p>{t('sheet.empty')}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>{t('sheet.time')}</th>
                    <th>{t('detail.patient')}</th>
                    <th>{t('detail.type')}</th>
                    <th>{t('detail.room')}</th>
                    <th>{t('detail.status')}</th>
                    <th>{t('detail.notes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((a) => (
                    <tr key={a.id} className={a.status === 'cancelled' || a.status === 'no_show' ? 'day-sheet__closed' : ''}>
                      <td>
                        {formatTime(a.startsAt, tz)}–{formatTime(a.endsAt, tz)}
                      </td>
                      <td>{a.patientName}</td>
                      <td>{a.typeName ?? ''}</td>
                      <td>{a.roomId ? (rooms.get(a.roomId) ?? '') : ''}</td>
                      <td>{t(`status.${a.status}`)}</td>
                      <td>{a.notes ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
    </section>
  );
}
