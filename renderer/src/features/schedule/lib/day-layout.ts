import { instantToLocalMinute, type Instant } from '../../../../../shared/domain/clinic-time.ts';
import type { DayAppointment, DaySchedule, TimeRange } from '../../../../../shared/domain/types.ts';

/** Vertical scale of the grid. 1.6 px/min: a 15-minute slot is 24 px, one line of text. */
export const PX_PER_MINUTE = 1.6;
export const DEFAULT_AXIS = { start: 8 * 60, end: 20 * 60 } as const;
const DAY_MINUTES = 24 * 60;

export interface Span {
  start: number;
  end: number;
}

/**
 * Wall-clock minute of an instant on the shown day, clamped to the day: instants before the day
 * are 0, at or after its end are 1440 (the next midnight would otherwise read as minute 0).
 * Uses the clinic's time zone, so on daylight-saving days times land on the clock the staff see.
 */
export function minuteOnDay(instant: Instant, schedule: DaySchedule): number {
  const t = Date.parse(instant);
  const dayStart = Date.parse(schedule.day.startsAt);
  const dayEnd = Date.parse(schedule.day.endsAt);
  if (t <= dayStart) return 0;
  if (t >= dayEnd) return DAY_MINUTES;
  // A 24-hour day has no clock change: minutes since local midnight are plain arithmetic (a
  // time-zone lookup per call was most of the grid's render time on a busy day).
  if (dayEnd - dayStart === DAY_MINUTES * 60_000) return Math.floor((t - dayStart) / 60_000);
  return instantToLocalMinute(instant, schedule.clinic.timeZone);
}

export function spanOf(range: TimeRange, schedule: DaySchedule): Span {
  const start = minuteOnDay(range.startsAt, schedule);
  // A range ending in the repeated DST hour may read earlier than it starts: keep it visible.
  const end = Math.max(minuteOnDay(range.endsAt, schedule), start + 1);
  return { start, end };
}

/** The time axis: earliest working hour to the latest, whole hours, widened for outliers. */
export function axisSpan(schedule: DaySchedule): Span {
  const spans: Span[] = [];
  for (const doctor of schedule.doctors) for (const h of doctor.hours) spans.push(spanOf(h, schedule));
  if (spans.length === 0) return { ...DEFAULT_AXIS };
  for (const a of schedule.appointments) spans.push(spanOf(a, schedule));
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  return {
    start: Math.max(0, Math.floor(start / 60) * 60),
    end: Math.min(DAY_MINUTES, Math.max(Math.ceil(end / 60) * 60, Math.floor(start / 60) * 60 + 60)),
  };
}

/** Gaps of `within` not covered by `covered` (the hours a doctor is not working). */
export function gaps(within: Span, covered: readonly Span[]): Span[] {
  const sorted = [...covered].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let cursor = within.start;
  for (const c of sorted) {
    if (c.start > cursor) out.push({ start: cursor, end: Math.min(c.start, within.end) });
    cursor = Math.max(cursor, c.end);
    if (cursor >= within.end) break;
  }
  if (cursor < within.end) out.push({ start: cursor, end: within.end });
  return out.filter((g) => g.end > g.start);
}

export interface PlacedAppointment {
  appointment: DayAppointment;
  span: Span;
  lane: number;
  /** Horizontal placement as fractions of the column width. */
  left: number;
  width: number;
}

/** A lane holding only cancelled / no-show visits gets less room than one with live visits. */
const CLOSED_LANE_WEIGHT = 0.5;

/** Side-by-side lanes for overlapping appointments of one doctor (e.g. a cancelled one rebooked). */
export function placeAppointments(list: readonly DayAppointment[], schedule: DaySchedule): PlacedAppointment[] {
  const items = list
    .map((appointment) => ({ appointment, span: spanOf(appointment, schedule), lane: 0, left: 0, width: 1 }))
    // Live visits first, so they take the leftmost (widest) lanes.
    .sort((a, b) => a.span.start - b.span.start || closedRank(a.appointment) - closedRank(b.appointment) || b.span.end - a.span.end);
  let cluster: PlacedAppointment[] = [];
  let clusterEnd = -1;
  const closeCluster = () => {
    const lanes = Math.max(1, ...cluster.map((p) => p.lane + 1));
    const weights = Array.from({ length: lanes }, (_, lane) =>
      cluster.some((p) => p.lane === lane && closedRank(p.appointment) === 0) ? 1 : CLOSED_LANE_WEIGHT,
    );
    const total = weights.reduce((x, y) => x + y, 0);
    for (const p of cluster) {
      p.left = weights.slice(0, p.lane).reduce((x, y) => x + y, 0) / total;
      p.width = weights[p.lane]! / total;
    }
    cluster = [];
  };
  for (const item of items) {
    if (item.span.start >= clusterEnd) {
      closeCluster();
      clusterEnd = -1;
    }
    const laneEnds: number[] = [];
    for (const p of cluster) laneEnds[p.lane] = Math.max(laneEnds[p.lane] ?? -1, p.span.end);
    let lane = 0;
    while ((laneEnds[lane] ?? -1) > item.span.start) lane++;
    item.lane = lane;
    cluster.push(item);
    clusterEnd = Math.max(clusterEnd, item.span.end);
  }
  closeCluster();
  return items;
}

function closedRank(a: DayAppointment): number {
  return a.status === 'cancelled' || a.status === 'no_show' ? 1 : 0;
}

export function minutesToPx(minutes: number): number {
  return minutes * PX_PER_MINUTE;
}

export function formatMinute(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
