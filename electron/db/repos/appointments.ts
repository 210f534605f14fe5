import type { AppointmentStatus } from '../../../shared/domain/appointment-status.ts';
import type { Instant } from '../../../shared/domain/clinic-time.ts';
import type { DayAppointment } from '../../../shared/domain/types.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

interface DayRow {
  id: string;
  doctor_id: string;
  room_id: string | null;
  patient_id: string;
  first_name: string;
  last_name: string;
  appointment_type_id: string | null;
  type_name: string | null;
  type_color: string | null;
  starts_at: Instant;
  ends_at: Instant;
  status: AppointmentStatus;
  notes: string | null;
}

function toDayAppointment(r: DayRow): DayAppointment {
  return {
    id: r.id,
    doctorId: r.doctor_id,
    roomId: r.room_id,
    patientId: r.patient_id,
    patientName: `${r.first_name} ${r.last_name}`,
    typeId: r.appointment_type_id,
    typeName: r.type_name,
    typeColor: r.type_color,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: r.status,
    notes: r.notes,
  };
}

// Both sides come from covering indexes (migration 0005): a busy day's rows are one contiguous
// run of appointments_day, and each name one small patients_names entry instead of a table page
// (pages are decrypted on every cache miss). The planner prefers the unique id index, so the
// names index is named. Rows come out already shaped as DayAppointment: no second object per
// row (~500 a day; allocation and GC were a visible share of schedule.day).
const DAY_LIST = `
  SELECT a.id, a.doctor_id AS doctorId, a.room_id AS roomId, a.patient_id AS patientId,
         p.first_name || ' ' || p.last_name AS patientName, a.appointment_type_id AS typeId,
         t.name AS typeName, t.color AS typeColor, a.starts_at AS startsAt, a.ends_at AS endsAt,
         a.status, a.notes
  FROM appointments a
  JOIN patients p INDEXED BY patients_names ON p.id = a.patient_id
  LEFT JOIN appointment_types t ON t.id = a.appointment_type_id
  WHERE a.clinic_id = ? AND a.starts_at >= ? AND a.starts_at < ? AND a.deleted_at IS NULL
  ORDER BY a.starts_at, a.doctor_id`;

/**
 * Appointments that start within [start, end). Uses appointments_day; an appointment
 * longer than a day does not exist in a front desk, so filtering on starts_at is enough.
 */
export function listStartingBetween(db: ReadDb, clinicId: string, start: Instant, end: Instant): DayAppointment[] {
  return stmt<DayAppointment>(db, DAY_LIST).all(clinicId, start, end);
}

export interface AppointmentDetailRow extends DayRow {
  phone: string | null;
  email: string | null;
  birth_date: string | null;
  preferred_channel: 'phone' | 'sms' | 'whatsapp' | 'email';
  doctor_name: string;
  room_name: string | null;
  cancelled_at: Instant | null;
  cancel_reason: string | null;
  version: number;
  updated_at: Instant;
}

export function getAppointmentDetailRow(db: ReadDb, clinicId: string, id: string): AppointmentDetailRow | null {
  const row = stmt<AppointmentDetailRow>(
    db,
    `SELECT a.id, a.doctor_id, a.room_id, a.patient_id, p.first_name, p.last_name,
            a.appointment_type_id, t.name AS type_name, t.color AS type_color,
            a.starts_at, a.ends_at, a.status, a.notes, a.cancelled_at, a.cancel_reason,
            a.version, a.updated_at,
            p.phone, p.email, p.birth_date, p.preferred_channel,
            d.display_name AS doctor_name, r.name AS room_name
     FROM appointments a
     JOIN patients p ON p.id = a.patient_id
     JOIN doctors d ON d.id = a.doctor_id
     LEFT JOIN appointment_types t ON t.id = a.appointment_type_id
     LEFT JOIN rooms r ON r.id = a.room_id
     WHERE a.id = ? AND a.clinic_id = ? AND a.deleted_at IS NULL`,
  ).get(id, clinicId);
  return row ?? null;
}

export function toDayAppointmentFromDetail(row: AppointmentDetailRow): DayAppointment {
  return toDayAppointment(row);
}

/** The booking made with an idempotency key (deleted ones included: a key is never reused). */
export function findByIdempotencyKey(
  db: ReadDb,
  clinicId: string,
  key: string,
): { id: string; patient_id: string; doctor_id: string; starts_at: Instant } | null {
  return (
    stmt<{ id: string; patient_id: string; doctor_id: string; starts_at: Instant }>(
      db,
      'SELECT id, patient_id, doctor_id, starts_at FROM appointments WHERE idempotency_key = ? AND clinic_id = ?',
    ).get(key, clinicId) ?? null
  );
}
