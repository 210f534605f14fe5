import type {
  AppointmentTypeView,
  DoctorScheduleView,
  DoctorView,
  DurationOverrideView,
  OrphanAppointment,
  PeriodView,
  RoomView,
} from '../../../shared/domain/availability-admin-types.ts';
import type { Instant } from '../../../shared/domain/clinic-time.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

/** Reads of the availability editors: every row as the editors show it (inactive ones too). */

export function listDoctorViews(db: ReadDb, clinicId: string): DoctorView[] {
  return stmt<{ id: string; display_name: string; specialty: string | null; color: string; active: number }>(
    db,
    `SELECT id, display_name, specialty, color, active FROM doctors
     WHERE clinic_id = ? AND deleted_at IS NULL ORDER BY active DESC, display_name, id`,
  )
    .all(clinicId)
    .map((r) => ({ id: r.id, displayName: r.display_name, specialty: r.specialty, color: r.color, active: r.active === 1 }));
}

export function listRoomViews(db: ReadDb, clinicId: string): RoomView[] {
  return stmt<{ id: string; name: string; active: number }>(
    db,
    'SELECT id, name, active FROM rooms WHERE clinic_id = ? AND deleted_at IS NULL ORDER BY active DESC, name, id',
  )
    .all(clinicId)
    .map((r) => ({ id: r.id, name: r.name, active: r.active === 1 }));
}

export function listTypeViews(db: ReadDb, clinicId: string): AppointmentTypeView[] {
  return stmt<{ id: string; name: string; duration_minutes: number; color: string; active: number }>(
    db,
    `SELECT id, name, duration_minutes, color, active FROM appointment_types
     WHERE clinic_id = ? AND deleted_at IS NULL ORDER BY active DESC, name, id`,
  )
    .all(clinicId)
    .map((r) => ({ id: r.id, name: r.name, durationMinutes: r.duration_minutes, color: r.color, active: r.active === 1 }));
}

export function listDurationOverrideViews(db: ReadDb, clinicId: string): DurationOverrideView[] {
  return stmt<{ id: string; doctor_id: string; appointment_type_id: string; duration_minutes: number }>(
    db,
    `SELECT id, doctor_id, appointment_type_id, duration_minutes FROM doctor_appointment_types
     WHERE clinic_id = ? AND deleted_at IS NULL ORDER BY doctor_id, appointment_type_id`,
  )
    .all(clinicId)
    .map((r) => ({ id: r.id, doctorId: r.doctor_id, appointmentTypeId: r.appointment_type_id, durationMinutes: r.duration_minutes }));
}

export function findDurationOverrideId(db: ReadDb, clinicId: string, doctorId: string, typeId: string): string | null {
  const row = stmt<{ id: string }>(
    db,
    `SELECT id FROM doctor_appointment_types
     WHERE clinic_id = ? AND doctor_id = ? AND appointment_type_id = ? AND deleted_at IS NULL`,
  ).get(clinicId, doctorId, typeId);
  return row?.id ?? null;
}

const toPeriod = (r: { id: string; starts_at: Instant; ends_at: Instant; reason: string | null }): PeriodView => ({
  id: r.id,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  reason: r.reason,
});

export function listBlockedViews(db: ReadDb, clinicId: string, endingAfter: Instant): PeriodView[] {
  return stmt<{ id: string; starts_at: Instant; ends_at: Instant; reason: string | null }>(
    db,
    `SELECT id, starts_at, ends_at, reason FROM clinic_blocked_periods
     WHERE clinic_id = ? AND deleted_at IS NULL AND ends_at > ? ORDER BY starts_at`,
  )
    .all(clinicId, endingAfter)
    .map(toPeriod);
}

export function getBlockedRow(db: ReadDb, clinicId: string, id: string): PeriodView | null {
  const row = stmt<{ id: string; starts_at: Instant; ends_at: Instant; reason: string | null }>(
    db,
    'SELECT id, starts_at, ends_at, reason FROM clinic_blocked_periods WHERE id = ? AND clinic_id = ? AND deleted_at IS NULL',
  ).get(id, clinicId);
  return row ? toPeriod(row) : null;
}

export function getVacationDoctor(db: ReadDb, clinicId: string, id: string): string | null {
  const row = stmt<{ doctor_id: string }>(
    db,
    'SELECT doctor_id FROM doctor_vacations WHERE id = ? AND clinic_id = ? AND deleted_at IS NULL',
  ).get(id, clinicId);
  return row?.doctor_id ?? null;
}

/** The doctor's weekly hours, breaks and recent/future vacations, as stored. */
export function getDoctorSchedule(db: ReadDb, clinicId: string, doctorId: string, endingAfter: Instant): DoctorScheduleView {
  const hours = stmt<{
    id: string;
    weekday: number;
    start_minute: number;
    end_minute: number;
    room_id: string | null;
    valid_from: string | null;
    valid_to: string | null;
  }>(
    db,
    `SELECT id, weekday, start_minute, end_minute, room_id, valid_from, valid_to FROM doctor_working_hours
     WHERE clinic_id = ? AND doctor_id = ? AND deleted_at IS NULL ORDER BY weekday, start_minute, id`,
  ).all(clinicId, doctorId);
  const breaks = stmt<{ id: string; weekday: number; start_minute: number; end_minute: number; label: string | null }>(
    db,
    `SELECT id, weekday, start_minute, end_minute, label FROM doctor_breaks
     WHERE clinic_id = ? AND doctor_id = ? AND deleted_at IS NULL ORDER BY weekday, start_minute, id`,
  ).all(clinicId, doctorId);
  const vacations = stmt<{ id: string; starts_at: Instant; ends_at: Instant; reason: string | null }>(
    db,
    `SELECT id, starts_at, ends_at, reason FROM doctor_vacations
     WHERE clinic_id = ? AND doctor_id = ? AND deleted_at IS NULL AND ends_at > ? ORDER BY starts_at`,
  ).all(clinicId, doctorId, endingAfter);
  return {
    doctorId,
    hours: hours.map((h) => ({
      id: h.id,
      weekday: h.weekday,
      startMinute: h.start_minute,
      endMinute: h.end_minute,
      roomId: h.room_id,
      validFrom: h.valid_from,
      validTo: h.valid_to,
    })),
    breaks: breaks.map((b) => ({ id: b.id, weekday: b.weekday, startMinute: b.start_minute, endMinute: b.end_minute, label: b.label })),
    vacations: vacations.map(toPeriod),
  };
}

export interface OrphanCandidate extends OrphanAppointment {
  doctorId: string;
  roomId: string | null;
  patientId: string;
}

/**
 * Active appointments starting in [from, to), optionally of one doctor or in one room, with the
 * names an "these would be stranded" list needs.
 */
export function listActiveAppointmentsBetween(
  db: ReadDb,
  clinicId: string,
  from: Instant,
  to: Instant,
  filter: { doctorId?: string; roomId?: string } = {},
): OrphanCandidate[] {
  return stmt<{
    id: string;
    starts_at: Instant;
    ends_at: Instant;
    doctor_id: string;
    room_id: string | null;
    patient_id: string;
    patient_name: string;
    doctor_name: string;
  }>(
    db,
    `SELECT a.id, a.starts_at, a.ends_at, a.doctor_id, a.room_id, a.patient_id,
            p.first_name || ' ' || p.last_name AS patient_name, d.display_name AS doctor_name
     FROM appointments a JOIN patients p ON p.id = a.patient_id JOIN doctors d ON d.id = a.doctor_id
     WHERE a.clinic_id = ? AND a.starts_at < ? AND a.ends_at > ?
       AND a.status NOT IN ('cancelled', 'no_show', 'completed') AND a.deleted_at IS NULL
       AND (? IS NULL OR a.doctor_id = ?) AND (? IS NULL OR a.room_id = ?)
     ORDER BY a.starts_at LIMIT 500`,
  )
    .all(clinicId, to, from, filter.doctorId ?? null, filter.doctorId ?? null, filter.roomId ?? null, filter.roomId ?? null)
    .map((r) => ({
      id: r.id,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      doctorId: r.doctor_id,
      roomId: r.room_id,
      patientId: r.patient_id,
      patientName: r.patient_name,
      doctorName: r.doctor_name,
    }));
}
