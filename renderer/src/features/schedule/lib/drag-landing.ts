import { isActiveStatus } from '../../../../../shared/domain/appointment-status.ts';
import type { DaySchedule } from '../../../../../shared/domain/types.ts';
import { spanOf, type Span } from './day-layout.ts';

/** Where a dragged appointment lands: its snapped start, and whether the grid's ends moved it. */
export interface Landing {
  /** Start minute of the day the drop saves. */
  minute: number;
  /** Start minute under the pointer (snapped to the slot grid), before fitting into the grid. */
  pointerMinute: number;
  /** The landing differs from the time under the pointer: the drop asks before saving. */
  fitted: boolean;
}

/**
 * The landing of a block whose top is at `rawMinute` (unsnapped, from the pointer): snapped to
 * the clinic's slots and kept inside the grid, so the whole visit (start + duration) fits between
 * the grid's first and last minute. A visit longer than the grid starts at the grid's start.
 */
export function landingFor(rawMinute: number, durationMinutes: number, slotMinutes: number, grid: Span): Landing {
  const pointerMinute = Math.round(rawMinute / slotMinutes) * slotMinutes;
  const first = Math.ceil(grid.start / slotMinutes) * slotMinutes;
  const last = Math.max(first, Math.floor((grid.end - durationMinutes) / slotMinutes) * slotMinutes);
  const minute = Math.min(last, Math.max(first, pointerMinute));
  return { minute, pointerMinute, fitted: minute !== pointerMinute };
}

/** What is in the way at a landing, first found: the visit would be refused (or doubtful) there. */
export type DropConflict =
  | { kind: 'overlap'; patientName: string }
  | { kind: 'offHours' }
  | { kind: 'break' }
  | { kind: 'vacation' }
  | { kind: 'blocked' };

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * The conflict of moving appointment `appointmentId` to `span` (minutes of the shown day) with
 * doctor `doctorId`, from the day's data the grid already holds: another live visit of the
 * doctor or of the same patient, a time outside the doctor's hours, a break, an absence, a
 * clinic closure. The command re-checks everything on drop; this is what the drag shows.
 */
export function dropConflict(schedule: DaySchedule, appointmentId: string, doctorId: string, span: Span): DropConflict | null {
  const moved = schedule.appointments.find((a) => a.id === appointmentId);
  for (const a of schedule.appointments) {
    if (a.id === appointmentId || !isActiveStatus(a.status)) continue;
    if (a.doctorId !== doctorId && a.patientId !== moved?.patientId) continue;
    if (overlaps(span, spanOf(a, schedule))) return { kind: 'overlap', patientName: a.patientName };
  }
  const doctor = schedule.doctors.find((d) => d.id === doctorId);
  if (!doctor) return { kind: 'offHours' };
  const inHours = doctor.hours.some((h) => {
    const s = spanOf(h, schedule);
    return s.start <= span.start && span.end <= s.end;
  });
  if (!inHours) return { kind: 'offHours' };
  if (doctor.breaks.some((b) => overlaps(span, spanOf(b, schedule)))) return { kind: 'break' };
  if (doctor.vacations.some((v) => overlaps(span, spanOf(v, schedule)))) return { kind: 'vacation' };
  if (schedule.blocked.some((b) => overlaps(span, spanOf(b, schedule)))) return { kind: 'blocked' };
  return null;
}
