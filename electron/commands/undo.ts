import { type AppointmentStatus, isActiveStatus } from '../../shared/domain/appointment-status.ts';
import type { UndoFacts, UndoResult } from '../../shared/domain/booking-types.ts';
import { getAppointmentDetailRow } from '../db/repos/appointments.ts';
import { type AuditEntry, lastDeskAction } from '../db/repos/audit-log.ts';
import { countPatientAppointments, getPatientRow } from '../db/repos/patients.ts';
import { requireClinic } from './availability.ts';
import { appointmentDetail } from './booking.ts';
import type { ReasonCode } from '../../shared/i18n/reasons-en.ts';
import type { ReasonParams } from '../../shared/result.ts';
import { CommandError } from './command-error.ts';
import type { CommandContext, HandlerSlice } from './context.ts';
import { checkSlot, localLabel } from './slot-check.ts';

/**
 * Undo is deliberately narrow: only the newest action of this desk, within UNDO_WINDOW_MS, when
 * that action touched one row and nobody has changed the row since (its updated_at is still the
 * action's). One level only: undoing an undo is refused.
 *   book            → soft-delete if the server never saw it (version 0), else cancel ('Undone')
 *   reschedule      → move back, if the old time is still free
 *   status change   → previous status, its timestamp cleared (re-checks overlaps if it re-activates)
 *   patients.create → soft-delete, if the patient has no appointments
 */
export const UNDO_WINDOW_MS = 15 * 60_000;
const UNDONE_REASON = 'Undone at the desk';
const STAMP: Partial<Record<AppointmentStatus, string>> = {
  confirmed: 'confirmed_at',
  arrived: 'arrived_at',
  completed: 'completed_at',
  cancelled: 'cancelled_at',
};

interface Plan {
  description: string;
  facts: UndoFacts;
  appointmentId: string | null;
  patientId: string | null;
  apply: () => void;
}

const refuse = (reason: ReasonCode, message: string, params?: ReasonParams) => new CommandError('conflict', message).because(reason, params);
const noFacts = { startsAt: null, previousStartsAt: null, status: null, previousStatus: null };

function touchedOnlyRow(entry: AuditEntry): boolean {
  const rows = entry.details.rows;
  return Array.isArray(rows) && rows.every((r: { id?: string }) => r.id === entry.rowId);
}

function planUndo(ctx: CommandContext, entry: AuditEntry): Plan {
  const tz = requireClinic(ctx.db, ctx.clinicId).timeZone;
  if (entry.action === 'appointments.undo') throw refuse('undo_already', 'The last action was already undone.');
  if (!entry.rowId || !touchedOnlyRow(entry)) throw refuse('undo_unsupported', `The last action here (${entry.action}) cannot be undone.`);
  const id = entry.rowId;

  if (entry.action === 'patients.create') {
    const p = getPatientRow(ctx.db, ctx.clinicId, id);
    if (!p || p.updated_at !== entry.at) throw refuse('undo_changed_since', 'The patient was changed since; undo is no longer safe.');
    if (countPatientAppointments(ctx.db, id) > 0) throw refuse('undo_patient_has_appointments', 'The patient already has appointments; undo is no longer safe.');
    return {
      description: `New patient ${p.first_name} ${p.last_name} removed.`,
      facts: { kind: 'patient', patient: `${p.first_name} ${p.last_name}`, ...noFacts },
      appointmentId: null,
      patientId: id,
      apply: () => ctx.write('appointments.undo', (w) => {
        w.softDelete('patients', id);
        w.note({ undoes: entry.id, undoneAction: entry.action });
      }),
    };
  }

  if (!entry.action.startsWith('appointments.')) throw refuse('undo_unsupported', `The last action here (${entry.action}) cannot be undone.`);
  const a = getAppointmentDetailRow(ctx.db, ctx.clinicId, id);
  if (!a || a.updated_at !== entry.at) throw refuse('undo_changed_since', 'The appointment was changed since; undo is no longer safe.');
  const who = `${a.first_name} ${a.last_name}`;
  const write = (changes: Record<string, unknown>) => () =>
    ctx.write('appointments.undo', (w) => {
      w.update('appointments', id, changes);
      w.note({ undoes: entry.id, undoneAction: entry.action });
    });
  const base = { appointmentId: id, patientId: a.patient_id };
  const facts = (f: Partial<UndoFacts> & Pick<UndoFacts, 'kind'>): UndoFacts => ({ patient: who, ...noFacts, startsAt: a.starts_at, ...f });

  if (entry.action === 'appointments.book') {
    const when = localLabel(a.starts_at, tz);
    if (a.version === 0) {
      return {
        ...base,
        description: `Booking of ${who} on ${when} removed.`,
        facts: facts({ kind: 'book' }),
        apply: () => ctx.write('appointments.undo', (w) => {
          w.softDelete('appointments', id);
          w.note({ undoes: entry.id, undoneAction: entry.action });
        }),
      };
    }
    return {
      ...base,
      description: `Booking of ${who} on ${when} cancelled.`,
      facts: facts({ kind: 'book' }),
      apply: write({ status: 'cancelled', cancelled_at: ctx.now().toISOString(), cancelled_by: ctx.staff?.id ?? null, cancel_reason: UNDONE_REASON }),
    };
  }

  if (entry.action === 'appointments.reschedule') {
    const from = entry.details.from as { startsAt: string; endsAt: string; doctorId: string; roomId: string | null } | undefined;
    if (!from) throw refuse('undo_no_previous_time', 'This move cannot be undone (its previous time was not recorded).');
    checkSlot(ctx.db, {
      clinicId: ctx.clinicId,
      timeZone: tz,
      doctorId: from.doctorId,
      roomId: from.roomId,
      patientId: a.patient_id,
      startsAt: from.startsAt,
      endsAt: from.endsAt,
      excludeAppointmentId: id,
    });
    return {
      ...base,
      description: `${who} moved back to ${localLabel(from.startsAt, tz)}.`,
      facts: facts({ kind: 'reschedule', previousStartsAt: from.startsAt }),
      apply: write({ starts_at: from.startsAt, ends_at: from.endsAt, doctor_id: from.doctorId, room_id: from.roomId }),
    };
  }

  const to = entry.details.to as AppointmentStatus | undefined;
  const fromStatus = entry.details.from as AppointmentStatus | undefined;
  if (!to || !fromStatus || a.status !== to) throw refuse('undo_unsupported', `The last action here (${entry.action}) cannot be undone.`);
  if (!isActiveStatus(to) && isActiveStatus(fromStatus)) {
    // The freed time may have been booked again meanwhile.
    checkSlot(ctx.db, {
      clinicId: ctx.clinicId,
      timeZone: tz,
      doctorId: a.doctor_id,
      roomId: a.room_id,
      patientId: a.patient_id,
      startsAt: a.starts_at,
      endsAt: a.ends_at,
      excludeAppointmentId: id,
      overlapsOnly: true,
    });
  }
  const changes: Record<string, unknown> = { status: fromStatus };
  const stamp = STAMP[to];
  if (stamp) changes[stamp] = null;
  if (to === 'cancelled') Object.assign(changes, { cancelled_by: null, cancel_reason: null });
  return {
    ...base,
    description: `${who} is ${fromStatus.replace('_', ' ')} again.`,
    facts: facts({ kind: 'status', status: to, previousStatus: fromStatus }),
    apply: write(changes),
  };
}

export const undoHandlers: HandlerSlice<'appointments.undo'> = {
  'appointments.undo': ({ preview = false }, ctx): UndoResult => {
    const entry = lastDeskAction(ctx.db, ctx.clinicId, ctx.deskId);
    if (!entry) throw new CommandError('not_found', 'Nothing to undo at this desk.').because('undo_nothing');
    if (ctx.now().getTime() - Date.parse(entry.at) > UNDO_WINDOW_MS) {
      throw refuse('undo_too_old', `The last action (${entry.action}) is more than ${UNDO_WINDOW_MS / 60_000} minutes old; change it by hand instead.`, { minutes: UNDO_WINDOW_MS / 60_000 });
    }
    const plan = planUndo(ctx, entry);
    if (!preview) plan.apply();
    const appointment = plan.appointmentId && getAppointmentDetailRow(ctx.db, ctx.clinicId, plan.appointmentId)
      ? appointmentDetail(ctx, plan.appointmentId)
      : null;
    return { action: entry.action, description: plan.description, facts: plan.facts, appointment, patientId: plan.patientId, preview };
  },
};
