import {
  type AppointmentStatus,
  allowedTransitions,
  canTransition,
  statusTimingRefusal,
} from '../../shared/domain/appointment-status.ts';
import type { AppointmentDetail } from '../../shared/domain/types.ts';
import type { ReadDb } from '../db/database.ts';
import { getAppointmentDetailRow, toDayAppointmentFromDetail } from '../db/repos/appointments.ts';
import { getStatusLeadMinutes } from '../db/repos/clinics.ts';
import { CommandError, notFound } from './command-error.ts';
import type { HandlerSlice } from './context.ts';
import { syncStepsWithAppointment } from './treatment-plans.ts';

function loadDetail(db: ReadDb, clinicId: string, id: string): AppointmentDetail {
  const row = getAppointmentDetailRow(db, clinicId, id);
  if (!row) throw notFound('The appointment', 'id');
  return {
    ...toDayAppointmentFromDetail(row),
    patient: {
      id: row.patient_id,
      firstName: row.first_name,
      lastName: row.last_name,
      phone: row.phone,
      email: row.email,
      birthDate: row.birth_date,
      preferredChannel: row.preferred_channel,
    },
    doctorName: row.doctor_name,
    roomName: row.room_name,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    updatedAt: row.updated_at,
    allowedNext: [...allowedTransitions(row.status)],
  };
}

/** The timestamp column each status records when it is reached. */
const STAMP: Partial<Record<AppointmentStatus, string>> = {
  confirmed: 'confirmed_at',
  arrived: 'arrived_at',
  completed: 'completed_at',
  cancelled: 'cancelled_at',
};

export const appointmentHandlers: HandlerSlice<'appointments.get' | 'appointments.setStatus'> = {
  'appointments.get': ({ id }, ctx) => loadDetail(ctx.db, ctx.clinicId, id),

  'appointments.setStatus': ({ id, status, reason }, ctx) => {
    const current = loadDetail(ctx.db, ctx.clinicId, id);
    if (!canTransition(current.status, status)) {
      const allowed = current.allowedNext.length > 0 ? current.allowedNext.join(', ') : 'none (final status)';
      throw new CommandError(
        'invalid_transition',
        `An appointment that is ${current.status} cannot become ${status}. Allowed: ${allowed}.`,
        'status',
        { from: current.status, to: status },
      ).because('transition_refused', { from: current.status, to: status });
    }
    // Arrived / in progress / completed only from shortly before the start, a no-show only after
    // it: a visit a week away cannot be kept (and count as kept for recalls) today.
    const early = statusTimingRefusal(status, current.startsAt, ctx.now(), getStatusLeadMinutes(ctx.db, ctx.clinicId));
    if (early) {
      throw new CommandError(early.code, `${status} is allowed from ${early.params.earliestAt}`, 'status', { ...early.params }).because(
        early.code,
        early.params,
      );
    }
    if (status === 'cancelled' && !reason) {
      throw new CommandError('validation_error', 'reason: a cancellation needs a reason', 'reason').because('cancel_reason_required');
    }
    ctx.write(`appointments.${status}`, (w) => {
      const changes: Record<string, unknown> = { status };
      const stamp = STAMP[status];
      if (stamp) changes[stamp] = w.at;
      if (status === 'cancelled') {
        changes.cancelled_by = ctx.staff?.id ?? null;
        changes.cancel_reason = reason;
      }
      w.update('appointments', id, changes);
      syncStepsWithAppointment(ctx.db, ctx.clinicId, w, id, status);
      w.note({ from: current.status, to: status, ...(reason ? { reason } : {}) });
    });
    return loadDetail(ctx.db, ctx.clinicId, id);
  },
};
