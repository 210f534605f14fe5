import type { CSSProperties } from 'react';
import type { WeekAvailability } from '../../../../../shared/domain/booking-types.ts';
import { instantToLocalDate, instantToLocalMinute } from '../../../../../shared/domain/clinic-time.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { AvailabilityLegend } from './availability-legend.tsx';
import './week-grid.css';

const PX = 0.8; // px per minute: a 12-hour day fits 768 px screens
const pad = (n: number) => String(n).padStart(2, '0');

interface Band {
  key: string;
  kind: 'work' | 'free' | 'busy' | 'break' | 'vacation' | 'blocked';
  start: number;
  end: number;
}

/** One doctor's week: working time, free time (green) and booked time, day by day. */
export function WeekGrid({ week }: { week: WeekAvailability }) {
  const { t, formatDay } = useI18n();
  const tz = week.timeZone;
  const minuteOf = (instant: string, date: string) => {
    const d = instantToLocalDate(instant, tz);
    if (d < date) return 0;
    if (d > date) return 1440;
    return instantToLocalMinute(instant, tz);
  };
  const bandsOf = (day: WeekAvailability['days'][number]): Band[] => {
    const span = (kind: Band['kind'], list: { startsAt: string; endsAt: string }[]) =>
      list.map((p, i) => ({ key: `${kind}-${i}`, kind, start: minuteOf(p.startsAt, day.date), end: minuteOf(p.endsAt, day.date) }));
    return [
      ...span('work', day.working),
      ...span('free', day.free),
      ...span('break', day.breaks),
      ...span('vacation', day.vacations),
      ...span('blocked', day.blocked),
      ...span('busy', day.appointments),
    ].filter((b) => b.end > b.start);
  };
  const all = week.days.flatMap(bandsOf).filter((b) => b.kind === 'work' || b.kind === 'busy');
  const start = all.length ? Math.floor(Math.min(...all.map((b) => b.start)) / 60) * 60 : 8 * 60;
  const end = all.length ? Math.ceil(Math.max(...all.map((b) => b.end)) / 60) * 60 : 20 * 60;
  const hours: number[] = [];
  for (let m = start; m < end; m += 60) hours.push(m);

  return (
    <div className="week" data-testid="week-grid" data-week-start={week.weekStart} style={{ '--week-h': `${(end - start) * PX}px` } as CSSProperties}>
      <div className="week__head">
        <div />
        {week.days.map((d) => (
          <div key={d.date} className="week__day-name">
            {formatDay(d.date, 'short')}
          </div>
        ))}
      </div>
      <div className="week__body">
        <div className="week__axis" aria-hidden="true">
          {hours.map((m) => (
            <span key={m} style={{ top: (m - start) * PX }}>{`${pad(m / 60)}:00`}</span>
          ))}
        </div>
        {week.days.map((d) => {
          const bands = bandsOf(d);
          const freeMinutes = bands.filter((b) => b.kind === 'free').reduce((n, b) => n + b.end - b.start, 0);
          return (
            <div
              key={d.date}
              className="week__col"
              role="group"
              aria-label={`${formatDay(d.date)}: ${t('avail.free')} ${Math.floor(freeMinutes / 60)}h${pad(freeMinutes % 60)}`}
              data-date={d.date}
            >
              {hours.map((m) => (
                <div key={m} className="week__hour" style={{ top: (m - start) * PX }} />
              ))}
              {bands.map((b) => (
                <div
                  key={b.key}
                  className={`week__band week__band--${b.kind}`}
                  style={{ top: (Math.max(b.start, start) - start) * PX, height: Math.max(2, (Math.min(b.end, end) - Math.max(b.start, start)) * PX) }}
                  title={`${pad(Math.floor(b.start / 60))}:${pad(b.start % 60)}–${pad(Math.floor(b.end / 60))}:${pad(b.end % 60)} ${t(`avail.band.${b.kind}`)}`}
                />
              ))}
            </div>
          );
        })}
      </div>
      <AvailabilityLegend />
    </div>
  );
}
