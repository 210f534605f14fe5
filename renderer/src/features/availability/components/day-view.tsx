import type { CSSProperties } from 'react';
import type { DoctorView } from '../../../../../shared/domain/availability-admin-types.ts';
import { instantToLocalDate, instantToLocalMinute, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { AvailabilityLegend } from './availability-legend.tsx';
import { useDayAvailability, type DoctorDay } from '../api/use-day-availability.ts';
import { useErrorText } from '../../../i18n/error-text.ts';
import './day-view.css';

type Kind = 'work' | 'free' | 'busy' | 'break' | 'vacation' | 'blocked';
interface Band {
  key: string;
  kind: Kind;
  start: number;
  end: number;
  startsAt: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;

interface Props {
  doctors: readonly DoctorView[];
  date: IsoDate;
  timeZone: string;
  /** The doctor the finder beside the view searches for ('' = any). */
  finderDoctor: string;
  onFindFor(doctorId: string): void;
  onBook(doctorId: string, startsAt: string): void;
}

/** Every doctor on one day, one row each: free time (a button that books it) and busy time. */
export function DayView({ doctors, date, timeZone, finderDoctor, onFindFor, onBook }: Props) {
  const { t, formatDay } = useI18n();
  const errText = useErrorText();
  const { rows, error } = useDayAvailability(
    doctors.map((d) => d.id),
    date,
  );
  if (error) return <p className="form-error" role="alert">{errText(error)}</p>;
  if (!rows) return <p className="state">{t('app.loading')}</p>;

  const minuteOf = (instant: string) => {
    const d = instantToLocalDate(instant, timeZone);
    return d < date ? 0 : d > date ? 1440 : instantToLocalMinute(instant, timeZone);
  };
  const bandsOf = ({ day }: DoctorDay): Band[] => {
    const span = (kind: Kind, list: { startsAt: string; endsAt: string }[]) =>
      list.map((p, i) => ({ key: `${kind}-${i}`, kind, start: minuteOf(p.startsAt), end: minuteOf(p.endsAt), startsAt: p.startsAt }));
    return [
      ...span('work', day.working),
      ...span('free', day.free),
      ...span('break', day.breaks),
      ...span('vacation', day.vacations),
      ...span('blocked', day.blocked),
      ...span('busy', day.appointments),
    ].filter((b) => b.end > b.start);
  };
  const all = rows.flatMap(bandsOf).filter((b) => b.kind === 'work' || b.kind === 'busy');
  const start = all.length ? Math.floor(Math.min(...all.map((b) => b.start)) / 60) * 60 : 8 * 60;
  const end = all.length ? Math.ceil(Math.max(...all.map((b) => b.end)) / 60) * 60 : 20 * 60;
  const pct = (m: number) => `${((Math.min(Math.max(m, start), end) - start) / (end - start)) * 100}%`;
  const hours: number[] = [];
  for (let m = start; m < end; m += 60) hours.push(m);
  const color = (id: string) => doctors.find((d) => d.id === id)?.color ?? 'transparent';

  return (
    <div className="dayview" data-testid="day-view" data-date={date}>
      <div className="dayview__head">
        <div className="dayview__title">{formatDay(date)}</div>
        <div className="dayview__axis" aria-hidden="true">
          {hours.map((m) => (
            <span key={m} style={{ left: pct(m) }}>
              {hhmm(m)}
            </span>
          ))}
        </div>
      </div>
      {rows.map((row) => {
        const bands = bandsOf(row);
        const free = bands.filter((b) => b.kind === 'free');
        const freeMinutes = free.reduce((n, b) => n + b.end - b.start, 0);
        const working = bands.some((b) => b.kind === 'work');
        return (
          <div key={row.doctorId} className="dayview__row" data-testid="day-row" data-doctor-id={row.doctorId} data-free-minutes={freeMinutes}>
            <div className="dayview__who">
              <span className="dayview__dot" style={{ background: color(row.doctorId) } as CSSProperties} aria-hidden="true" />
              <span className="dayview__name">{row.doctorName}</span>
              <span className="dayview__free muted">
                {working ? t('avail.freeTotal', { time: `${Math.floor(freeMinutes / 60)}h${pad(freeMinutes % 60)}` }) : t('avail.off')}
              </span>
              <button
                type="button"
                className="btn btn--small dayview__find"
                aria-pressed={finderDoctor === row.doctorId}
                aria-label={t('avail.findForNamed', { name: row.doctorName })}
                onClick={() => onFindFor(finderDoctor === row.doctorId ? '' : row.doctorId)}
              >
                {t('avail.findForDoctor')}
              </button>
            </div>
            <div className="dayview__track" role="group" aria-label={row.doctorName}>
              {hours.map((m) => (
                <div key={m} className="dayview__hour" style={{ left: pct(m) }} />
              ))}
              {bands.map((b) => {
                const style = { left: pct(b.start), width: `calc(${pct(b.end)} - ${pct(b.start)})` };
                const label = `${hhmm(b.start)}–${hhmm(b.end)} ${t(`avail.band.${b.kind}`)}`;
                return b.kind === 'free' ? (
                  <button
                    key={b.key}
                    type="button"
                    className="dayview__band week__band--free dayview__band--free"
                    style={style}
                    title={label}
                    aria-label={t('avail.bookFreeAt', { name: row.doctorName, time: hhmm(b.start), until: hhmm(b.end) })}
                    data-testid="day-free"
                    data-starts-at={b.startsAt}
                    onClick={() => onBook(row.doctorId, b.startsAt)}
                  />
                ) : (
                  <div key={b.key} className={`dayview__band week__band--${b.kind} dayview__band--${b.kind}`} style={style} title={label} />
                );
              })}
            </div>
          </div>
        );
      })}
      {rows.length === 0 && <p className="state">{t('avail.noDoctors')}</p>}
      <AvailabilityLegend />
    </div>
  );
}
