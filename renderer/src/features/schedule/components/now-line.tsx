import { instantToLocalMinute, todayIn } from '../../../../../shared/domain/clinic-time.ts';
import type { DaySchedule } from '../../../../../shared/domain/types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useNow } from '../../../hooks/use-now.ts';
import { formatMinute, minutesToPx, type Span } from '../lib/day-layout.ts';
import './now-line.css';

/** A line across all columns at the current time, shown only when the day shown is today. */
export function NowLine({ schedule, axis }: { schedule: DaySchedule; axis: Span }) {
  const { t } = useI18n();
  const now = useNow();
  const tz = schedule.clinic.timeZone;
  if (todayIn(tz, now) !== schedule.date) return null;
  const minute = instantToLocalMinute(now.toISOString(), tz);
  if (minute < axis.start || minute > axis.end) return null;
  const label = t('schedule.now', { time: formatMinute(minute) });
  return (
    <div className="now-line" style={{ top: minutesToPx(minute - axis.start) }} role="img" aria-label={label} data-testid="now-line">
      <span className="now-line__time">{formatMinute(minute)}</span>
    </div>
  );
}
