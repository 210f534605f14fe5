import { isActiveStatus } from '../../shared/domain/appointment-status.ts';
import type { AppointmentDetail } from '../../shared/domain/types.ts';
import type { ReadDb } from '../db/database.ts';
import { findByIdempotencyKey, getAppointmentDetailRow } from '../db/repos/appointments.ts';
import { durationOverrides, getAppointmentType } from '../db/repos/availability.ts';
import { appointmentHandlers } from './appointments.ts';
import { requireClinic } from './availability.ts';
import { CommandError, notFound } from './command-error.ts';
import type { CommandContext, HandlerSlice } from './context.ts';
import { loadPatient } from './patients.ts';
import { checkSlot, localLabel } from './slot-check.ts';

const MINUTE = 60_000;
/** Only appointments still to happen can move; once the patient has arrived the time is history. */
const MOVABLE = new Set(['scheduled', 'confirmed']);

/** The appointment as the schedule shows it (the 'appointments.get' answer). */
export function appointmentDetail(ctx: CommandContext, id: string): AppointmentDetail {
  return appointmentHandlers['appointments.get']({ id }, ctx) as AppointmentDetail;
}

function typeDuration(db: ReadDb, clinicId: string, typeId: string, doctorId: string): number {
  const type = getAppointmentType(db, clinicId, typeId);
  if (!type || !type.active) throw notFound('The appointment type', 'appointmentTypeId');
  return durationOverrides(db, clinicId, typeId).get(doctorId) ?? type.durationMinutes;
}

export const bookingHandlers: HandlerSlice<'appointments.book' | 'appointments.reschedule' | 'appointments.cancel'> = {
  /**
   * Books a patient with a doctor. The end defaults to the type's duration (the doctor's own if
   * set), the room to the doctor's working room at that time. Refused with a clear error and no
   * change when the time is outside hours, in a break, vacation or closure, or overlaps the
   * doctor's, the room's or the patient's other appointments ('overlap', details.appointmentIds).
   */
  'appointments.book': (input, ctx) => {
    const clinic = requireClinic(ctx.db, ctx.clinicId);
    if (input.idempotencyKey) {
      const existing = findByIdempotencyKey(ctx.db, ctx.clinicId, input.idempotencyKey);
      if (existing) {
        const same =
          existing.patient_id === input.patientId && existing.doctor_id === input.doctorId && existing.starts_at === input.startsAt;
        if (same) return appointmentDetail(ctx, existing.id);
        throw new CommandError('conflict', 'This request key was already used for a different booking.', 'idempotencyKey').because('idempotency_reused');
      }
    }
    const patient = loadPatient(ctx.db, ctx.clinicId, input.patientId, 'patientId');
    if (patient.blocked && !input.confirmBlocked) {
      throw new CommandError(
        'conflict',
        `${patient.firstName} ${patient.lastName} is flagged${patient.blockedReason ? `: ${patient.blockedReason}` : ''}. Book anyway?`,
        'patientId',
        { reason: 'patient_blocked', blockedReason: patient.blockedReason },
      ).because('patient_blocked');
    }
    const minutes = typeDuration(ctx.db, ctx.clinicId, input.appointmentTypeId, input.doctorId);
    const endsAt = input.endsAt ?? new Date(Date.parse(input.startsAt) + minutes * MINUTE).toISOString();
    if (Date.parse(endsAt) <= ctx.now().getTime()) {
      throw new CommandError('validation_error', 'startsAt: that time has already passed', 'startsAt').because('time_passed');
    }
    const id = ctx.write('appointments.book', (w) => {
      // Checked inside the write transaction, so nothing can slip in between check and insert.
      const { roomId } = checkSlot(ctx.db, {
        clinicId: ctx.clinicId,
        timeZone: clinic.timeZone,
        doctorId: input.doctorId,
        roomId: input.roomId,
        patientId: input.patientId,
        startsAt: input.startsAt,
        endsAt,
      });
      const row = w.insert('appointments', {
        doctor_id: input.doctorId,
        room_id: roomId,
        patient_id: input.patientId,
        appointment_type_id: input.appointmentTypeId,
        starts_at: input.startsAt,
        ends_at: endsAt,
        status: 'scheduled',
        notes: input.notes ?? null,
        idempotency_key: input.idempotencyKey ?? null,
        created_by: ctx.staff?.id ?? null,
      });
      if (input.confirmBlocked && patient.blocked) w.note({ confirmedBlockedPatient: true });
      return row.id as string;
    });
    return appointmentDetail(ctx, id);
  },

  /**
   * Moves an appointment (time, and optionally doctor or room) with the same checks as booking,
   * ignoring its own current time. The length is kept unless endsAt is given.
   */
  'appointments.reschedule': (input, ctx) => {
    const clinic = requireClinic(ctx.db, ctx.clinicId);
    const current = getAppointmentDetailRow(ctx.db, ctx.clinicId, input.id);
    if (!current) throw notFound('The appointment', 'id');
    if (!MOVABLE.has(current.status)) {
      throw new CommandError('invalid_transition', `An appointment that is ${current.status} cannot be moved.`, 'id', {
        status: current.status,
      }).because('cannot_move_status', { status: current.status });
    }
    const doctorId = input.doctorId ?? current.doctor_id;
    const length = Date.parse(current.ends_at) - Date.parse(current.starts_at);
    const endsAt = input.endsAt ?? new Date(Date.parse(input.startsAt) + length).toISOString();
    if (Date.parse(endsAt) <= ctx.now().getTime()) {
      throw new CommandError('validation_error', 'startsAt: that time has already passed', 'startsAt').because('time_passed');
    }
    const from = { startsAt: current.starts_at, endsAt: current.ends_at, doctorId: current.doctor_id, roomId: current.room_id };
    ctx.write('appointments.reschedule', (w) => {
      const { roomId } = checkSlot(ctx.db, {
        clinicId: ctx.clinicId,
        timeZone: clinic.timeZone,
        doctorId,
        roomId: input.roomId,
        fallbackRoomId: doctorId === current.doctor_id ? current.room_id : null,
        patientId: current.patient_id,
        startsAt: input.startsAt,
        endsAt,
        excludeAppointmentId: current.id,
      });
      w.update('appointments', current.id, { starts_at: input.startsAt, ends_at: endsAt, doctor_id: doctorId, room_id: roomId });
      w.note({
        from,
        to: { startsAt: input.startsAt, endsAt, doctorId, roomId },
        label: `${localLabel(from.startsAt, clinic.timeZone)} → ${localLabel(input.startsAt, clinic.timeZone)}`,
      });
    });
    return appointmentDetail(ctx, current.id);
  },

  /** Cancellation keeps who, when and why (the status flow's own rules apply). */
  'appointments.cancel': ({ id, reason }, ctx) => {
    const current = getAppointmentDetailRow(ctx.db, ctx.clinicId, id);
    if (current && !isActiveStatus(current.status)) {
      throw new CommandError('invalid_transition', `This appointment is already ${current.status.replace('_', '-')}.`, 'id', {
        from: current.status,
        to: 'cancelled',
      }).because('already_status', { status: current.status });
    }
    return appointmentHandlers['appointments.setStatus']({ id, status: 'cancelled', reason }, ctx);
  },
};
