import type { Instant, IsoDate } from '../../../shared/domain/clinic-time.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

/** Weekly rows (working hours, breaks) as stored: minutes from local midnight. */
export interface WeeklyRangeRow {
  doctor_id: string;
  start_minute: number;
  end_minute: number;
}

export interface WorkingHoursRow extends WeeklyRangeRow {
  room_id: string | null;
  room_name: string | null;
}

export interface BreakRow extends WeeklyRangeRow {
  label: string | null;
}

export interface PeriodRow {
  doctor_id: string | null;
  starts_at: Instant;
  ends_at: Instant;
  reason: string | null;
}

/** Working hours of every doctor on one weekday, honouring each row's validity dates. */
export function listWorkingHoursOn(db: ReadDb, clinicId: string, weekday: number, date: IsoDate): WorkingHoursRow[] {
  return stmt<WorkingHoursRow>(
    db,
    `SELECT h.doctor_id, h.start_minute, h.end_minute, h.room_id, r.name AS room_name
     FROM doctor_working_hours h LEFT JOIN rooms r ON r.id = h.room_id
     WHERE h.clinic_id = ? AND h.weekday = ? AND h.deleted_at IS NULL
       AND (h.valid_from IS NULL OR h.valid_from <= ?) AND (h.valid_to IS NULL OR h.valid_to >= ?)
     ORDER BY h.doctor_id, h.start_minute`,
  ).all(clinicId, weekday, date, date);
}

export function listBreaksOn(db: ReadDb, clinicId: string, weekday: number): BreakRow[] {
  return stmt<BreakRow>(
    db,
    `SELECT doctor_id, start_minute, end_minute, label FROM doctor_breaks
     WHERE clinic_id = ? AND weekday = ? AND deleted_at IS NULL ORDER BY doctor_id, start_minute`,
  ).all(clinicId, weekday);
}

/** Vacations overlapping [start, end). */
export function listVacationsOverlapping(db: ReadDb, clinicId: string, start: Instant, end: Instant): PeriodRow[] {
  return stmt<PeriodRow>(
    db,
    `SELECT doctor_id, starts_at, ends_at, reason FROM doctor_vacations
     WHERE clinic_id = ? AND deleted_at IS NULL AND starts_at < ? AND ends_at > ? ORDER BY starts_at`,
  ).all(clinicId, end, start);
}

/** Clinic-wide blocked periods (holidays, closures) overlapping [start, end). */
export function listBlockedOverlapping(db: ReadDb, clinicId: string, start: Instant, end: Instant): PeriodRow[] {
  return stmt<PeriodRow>(
    db,
    `SELECT NULL AS doctor_id, starts_at, ends_at, reason FROM clinic_blocked_periods
     WHERE clinic_id = ? AND deleted_at IS NULL AND starts_at < ? AND ends_at > ? ORDER BY starts_at`,
  ).all(clinicId, end, start);
}
