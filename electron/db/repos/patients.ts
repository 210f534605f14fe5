import type { AppointmentStatus } from '../../../shared/domain/appointment-status.ts';
import type { Instant } from '../../../shared/domain/clinic-time.ts';
import type { PatientAppointment, PatientDetail, PreferredChannel } from '../../../shared/domain/booking-types.ts';
import { maskNationalId } from '../../../shared/domain/national-id.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

export interface PatientRow {
  id: string;
  first_name: string;
  last_name: string;
  birth_date: string | null;
  phone: string | null;
  email: string | null;
  national_id: string | null;
  preferred_channel: PreferredChannel;
  opt_out: number;
  blocked: number;
  blocked_reason: string | null;
  notes: string | null;
  updated_at: Instant;
}

const COLUMNS = `p.id, p.first_name, p.last_name, p.birth_date, p.phone, p.email, p.national_id,
  p.preferred_channel, p.opt_out, p.blocked, p.blocked_reason, p.notes, p.updated_at`;

export function toPatientDetail(r: PatientRow): PatientDetail {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    birthDate: r.birth_date,
    phone: r.phone,
    email: r.email,
    // Masked by default; the full value only through the audited 'patients.revealNationalId'.
    nationalId: maskNationalId(r.national_id),
    preferredChannel: r.preferred_channel,
    optOut: r.opt_out === 1,
    blocked: r.blocked === 1,
    blockedReason: r.blocked_reason,
    notes: r.notes,
    updatedAt: r.updated_at,
  };
}

export function getPatientRow(db: ReadDb, clinicId: string, id: string): PatientRow | null {
  return (
    stmt<PatientRow>(db, `SELECT ${COLUMNS} FROM patients p WHERE p.id = ? AND p.clinic_id = ? AND p.deleted_at IS NULL`).get(
      id,
      clinicId,
    ) ?? null
  );
}

/**
 * Patients matching an FTS5 expression over the trigram index (migration 0002), in index order,
 * at most `limit`. Deleted patients are never in the index.
 */
export function searchPatientRows(db: ReadDb, clinicId: string, match: string, limit: number): PatientRow[] {
  return stmt<PatientRow>(
    db,
    `SELECT ${COLUMNS}
     FROM patient_search s
     JOIN patient_search_keys k ON k.key = s.rowid
     JOIN patients p ON p.id = k.patient_id
     WHERE patient_search MATCH ? AND s.clinic_id = ?
     LIMIT ?`,
  ).all(match, clinicId, limit);
}

/** Candidates for the same-name-and-birth-date duplicate warning (names compared by the caller). */
export function listPatientsBornOn(db: ReadDb, clinicId: string, birthDate: string): PatientRow[] {
  return stmt<PatientRow>(
    db,
    `SELECT ${COLUMNS} FROM patients p
     WHERE p.clinic_id = ? AND p.birth_date = ? AND p.deleted_at IS NULL LIMIT 500`,
  ).all(clinicId, birthDate);
}

interface PatientAppointmentRow {
  id: string;
  starts_at: Instant;
  ends_at: Instant;
  status: AppointmentStatus;
  doctor_id: string;
  doctor_name: string;
  room_name: string | null;
  type_name: string | null;
  type_color: string | null;
  notes: string | null;
  cancel_reason: string | null;
}

const toPatientAppointment = (r: PatientAppointmentRow): PatientAppointment => ({
  id: r.id,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  status: r.status,
  doctorId: r.doctor_id,
  doctorName: r.doctor_name,
  roomName: r.room_name,
  typeName: r.type_name,
  typeColor: r.type_color,
  notes: r.notes,
  cancelReason: r.cancel_reason,
});

const PATIENT_APPOINTMENTS = `
  SELECT a.id, a.starts_at, a.ends_at, a.status, a.doctor_id, d.display_name AS doctor_name,
         r.name AS room_name, t.name AS type_name, t.color AS type_color, a.notes, a.cancel_reason
  FROM appointments a
  JOIN doctors d ON d.id = a.doctor_id
  LEFT JOIN rooms r ON r.id = a.room_id
  LEFT JOIN appointment_types t ON t.id = a.appointment_type_id
  WHERE a.patient_id = ? AND a.clinic_id = ? AND a.deleted_at IS NULL`;

/** Uses appointments_patient_start both ways. */
export function listPatientAppointments(
  db: ReadDb,
  clinicId: string,
  patientId: string,
  now: Instant,
  pastLimit: number,
): { upcoming: PatientAppointment[]; past: PatientAppointment[] } {
  const upcoming = stmt<PatientAppointmentRow>(db, `${PATIENT_APPOINTMENTS} AND a.starts_at >= ? ORDER BY a.starts_at`).all(
    patientId,
    clinicId,
    now,
  );
  const past = stmt<PatientAppointmentRow>(
    db,
    `${PATIENT_APPOINTMENTS} AND a.starts_at < ? ORDER BY a.starts_at DESC LIMIT ?`,
  ).all(patientId, clinicId, now, pastLimit);
  return { upcoming: upcoming.map(toPatientAppointment), past: past.map(toPatientAppointment) };
}

export function countPatientAppointments(db: ReadDb, patientId: string): number {
  return stmt<{ n: number }>(db, 'SELECT count(*) AS n FROM appointments WHERE patient_id = ? AND deleted_at IS NULL').get(
    patientId,
  )!.n;
}
