import { addDaysIso, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { DayResult } from '../../../../../shared/domain/recall-types.ts';

/**
 * The chart's days: every day from the first call (or `minDays` before the end) through `end`,
 * with zeros where nobody called, so quiet days show as gaps instead of vanishing.
 */
export function daySeries(days: readonly DayResult[], end: IsoDate, minDays = 7): DayResult[] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const last = days.length > 0 && days[days.length - 1]!.date > end ? days[days.length - 1]!.date : end;
  let start = addDaysIso(last, -(minDays - 1));
  if (days.length > 0 && days[0]!.date < start) start = days[0]!.date;
  const out: DayResult[] = [];
  for (let d = start; d <= last; d = addDaysIso(d, 1)) {
    out.push(byDate.get(d) ?? { date: d, attempts: 0, reached: 0, booked: 0 });
  }
  return out;
}
