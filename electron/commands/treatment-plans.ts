import type { AppointmentStatus } from '../../shared/domain/appointment-status.ts';
import type { StepStatus, TreatmentPlanDetail, TreatmentPlanSummary } from '../../shared/domain/plan-types.ts';
import { allowedPlanTransitions, canPlanTransition, isPlanOpen, planProgress } from '../../shared/domain/treatment-plan-status.ts';
import type { ReadDb } from '../db/database.ts';
import type { MutationWriter } from '../db/write/mutation-writer.ts';
import { getAppointmentDetailRow } from '../db/repos/appointments.ts';
import { getDoctorName } from '../db/repos/doctors.ts';
import { getActiveStaff } from '../db/repos/staff.ts';
import { listPaymentPlanIdsForTreatmentPlan } from '../db/repos/payment-plans.ts';
import {
  type StepRow,
  type TreatmentPlanRow,
  appointmentTypeExists,
  getStep,
  getTreatmentPlan,
  listStepsForAppointment,
  listSteps,
  listTreatmentPlansForPatient,
  toStep,
} from '../db/repos/treatment-plans.ts';
import { CommandError, notFound } from './command-error.ts';
import type { CommandContext, HandlerSlice } from './context.ts';
import { clinicMoney, requirePatient } from './ledger.ts';

function summary(db: ReadDb, clinicId: string, plan: TreatmentPlanRow, currency: string): TreatmentPlanSummary {
  return {
    id: plan.id,
    patientId: plan.patient_id,
    doctorId: plan.doctor_id,
    title: plan.title,
    status: plan.status,
    acceptedAt: plan.accepted_at,
    acceptedBy: plan.accepted_by,
    acceptedByName: plan.accepted_by ? (getActiveStaff(db, clinicId, plan.accepted_by)?.displayName ?? null) : null,
    notes: plan.notes,
    updatedAt: plan.updated_at,
    progress: planProgress(listSteps(db, clinicId, plan.id).map(toStep)),
    currency,
  };
}

function loadPlan(ctx: CommandContext, id: string, field = 'id'): TreatmentPlanDetail {
  const plan = getTreatmentPlan(ctx.db, ctx.clinicId, id);
  if (!plan) throw notFound('The treatment plan', field);
  return {
    ...summary(ctx.db, ctx.clinicId, plan, clinicMoney(ctx).currency),
    steps: listSteps(ctx.db, ctx.clinicId, id).map(toStep),
    allowedNext: [...allowedPlanTransitions(plan.status)],
    paymentPlanIds: listPaymentPlanIdsForTreatmentPlan(ctx.db, ctx.clinicId, id),
  };
}

function checkRefs(ctx: CommandContext, refs: { doctorId?: string | null; appointmentTypeId?: string | null }, prefix: string) {
  if (refs.doctorId && getDoctorName(ctx.db, ctx.clinicId, refs.doctorId) === null) throw notFound('The doctor', `${prefix}doctorId`);
  if (refs.appointmentTypeId && !appointmentTypeExists(ctx.db, ctx.clinicId, refs.appointmentTypeId)) {
    throw notFound('The appointment type', `${prefix}appointmentTypeId`);
  }
}

function openStep(ctx: CommandContext, stepId: string): { step: StepRow; plan: TreatmentPlanRow } {
  const step = getStep(ctx.db, ctx.clinicId, stepId);
  if (!step) throw notFound('The treatment step', 'stepId');
  const plan = getTreatmentPlan(ctx.db, ctx.clinicId, step.treatment_plan_id)!;
  if (!isPlanOpen(plan.status)) {
    throw new CommandError('conflict', `The treatment plan is ${plan.status}; its steps no longer change.`, 'stepId').because('plan_cancelled');
  }
  return { step, plan };
}

/** A step that becomes done moves an accepted plan into progress. */
function markStepDone(db: ReadDb, clinicId: string, w: MutationWriter, step: StepRow, appointmentId: string): void {
  w.update('treatment_steps', step.id, { status: 'done', appointment_id: appointmentId });
  const plan = getTreatmentPlan(db, clinicId, step.treatment_plan_id);
  if (plan?.status === 'accepted') w.update('treatment_plans', plan.id, { status: 'in_progress' });
}

/**
 * Keeps booked steps in step with their appointment, inside the appointment's own transaction:
 * completed → the step is done; cancelled or no-show → the step is planned again, free to rebook.
 */
export function syncStepsWithAppointment(
  db: ReadDb,
  clinicId: string,
  w: MutationWriter,
  appointmentId: string,
  status: AppointmentStatus,
): void {
  for (const step of listStepsForAppointment(db, clinicId, appointmentId)) {
    if (step.status !== 'scheduled') continue;
    if (status === 'completed') markStepDone(db, clinicId, w, step, appointmentId);
    else if (status === 'cancelled' || status === 'no_show') {
      w.update('treatment_steps', step.id, { status: 'planned', appointment_id: null });
    }
  }
}

type PlanCommands =
  | 'treatmentPlans.create'
  | 'treatmentPlans.get'
  | 'treatmentPlans.listForPatient'
  | 'treatmentPlans.setStatus'
  | 'treatmentPlans.updateStep'
  | 'treatmentPlans.linkAppointment';

export const treatmentPlanHandlers: HandlerSlice<PlanCommands> = {
  'treatmentPlans.create': (input, ctx) => {
    requirePatient(ctx.db, ctx.clinicId, input.patientId);
    checkRefs(ctx, { doctorId: input.doctorId }, '');
    input.steps.forEach((s, i) => checkRefs(ctx, s, `steps.${i}.`));
    const id = ctx.write('treatmentPlans.create', (w) => {
      const plan = w.insert('treatment_plans', {
        patient_id: input.patientId,
        doctor_id: input.doctorId ?? null,
        title: input.title,
        notes: input.notes ?? null,
        status: 'proposed',
      });
      input.steps.forEach((s, i) =>
        w.insert('treatment_steps', {
          treatment_plan_id: plan.id,
          position: i + 1,
          procedure: s.procedure,
          tooth: s.tooth ?? null,
          doctor_id: s.doctorId ?? input.doctorId ?? null,
          appointment_type_id: s.appointmentTypeId ?? null,
          estimated_cost_cents: s.estimatedCostCents,
          expected_minutes: s.expectedMinutes,
          status: 'planned',
        }),
      );
      return plan.id as string;
    });
    return loadPlan(ctx, id);
  },

  'treatmentPlans.get': ({ id }, ctx) => loadPlan(ctx, id),

  'treatmentPlans.listForPatient': ({ patientId }, ctx) => {
    requirePatient(ctx.db, ctx.clinicId, patientId);
    const { currency } = clinicMoney(ctx);
    return listTreatmentPlansForPatient(ctx.db, ctx.clinicId, patientId).map((p) => summary(ctx.db, ctx.clinicId, p, currency));
  },

  'treatmentPlans.setStatus': ({ id, status }, ctx) => {
    const plan = loadPlan(ctx, id);
    if (!canPlanTransition(plan.status, status)) {
      const allowed = plan.allowedNext.length > 0 ? plan.allowedNext.join(', ') : 'none (final status)';
      throw new CommandError(
        'invalid_transition',
        `A treatment plan that is ${plan.status} cannot become ${status}. Allowed: ${allowed}.`,
        'status',
        { from: plan.status, to: status },
      ).because('transition_refused', { from: plan.status, to: status });
    }
    ctx.write(`treatmentPlans.${status}`, (w) => {
      const changes: Record<string, unknown> = { status };
      if (status === 'accepted') Object.assign(changes, { accepted_at: w.at, accepted_by: ctx.staff?.id ?? null });
      w.update('treatment_plans', id, changes);
      w.note({ from: plan.status, to: status });
    });
    return loadPlan(ctx, id);
  },

  'treatmentPlans.updateStep': (input, ctx) => {
    const { step, plan } = openStep(ctx, input.stepId);
    if (step.status === 'done') throw new CommandError('conflict', 'A done step is history and cannot be edited.', 'stepId').because('step_done');
    checkRefs(ctx, input, '');
    const changes: Record<string, unknown> = {};
    if (input.procedure !== undefined) changes.procedure = input.procedure;
    if (input.tooth !== undefined) changes.tooth = input.tooth;
    if (input.doctorId !== undefined) changes.doctor_id = input.doctorId;
    if (input.appointmentTypeId !== undefined) changes.appointment_type_id = input.appointmentTypeId;
    if (input.estimatedCostCents !== undefined) changes.estimated_cost_cents = input.estimatedCostCents;
    if (input.expectedMinutes !== undefined) changes.expected_minutes = input.expectedMinutes;
    if (input.status !== undefined && input.status !== step.status) {
      const next: StepStatus = input.status;
      if (next === 'planned' && step.status !== 'cancelled') {
        throw new CommandError('invalid_transition', `A ${step.status} step cannot be set back to planned.`, 'status').because('step_status', { status: step.status });
      }
      changes.status = next;
      if (next === 'cancelled') changes.appointment_id = null;
    }
    ctx.write('treatmentPlans.updateStep', (w) => {
      w.update('treatment_steps', step.id, changes);
      w.note({ planId: plan.id, before: toStep(step) });
    });
    return loadPlan(ctx, plan.id, 'stepId');
  },

  'treatmentPlans.linkAppointment': ({ stepId, appointmentId }, ctx) => {
    const { step, plan } = openStep(ctx, stepId);
    if (step.status === 'done' || step.status === 'cancelled') {
      throw new CommandError('conflict', `A ${step.status} step cannot be booked.`, 'stepId').because('step_status', { status: step.status });
    }
    const appt = getAppointmentDetailRow(ctx.db, ctx.clinicId, appointmentId);
    if (!appt) throw notFound('The appointment', 'appointmentId');
    if (appt.patient_id !== plan.patient_id) {
      throw new CommandError('validation_error', 'appointmentId: the appointment is for another patient', 'appointmentId').because('appointment_other_patient');
    }
    if (appt.status === 'cancelled' || appt.status === 'no_show') {
      throw new CommandError('validation_error', `appointmentId: the appointment is ${appt.status}`, 'appointmentId').because('appointment_not_bookable', { status: appt.status });
    }
    const other = listStepsForAppointment(ctx.db, ctx.clinicId, appointmentId).find((s) => s.id !== stepId);
    if (other) {
      throw new CommandError('conflict', 'That appointment is already booked for another step.', 'appointmentId', {
        stepId: other.id,
      }).because('step_appointment_taken');
    }
    ctx.write('treatmentPlans.linkAppointment', (w) => {
      if (appt.status === 'completed') markStepDone(ctx.db, ctx.clinicId, w, step, appointmentId);
      else w.update('treatment_steps', step.id, { status: 'scheduled', appointment_id: appointmentId });
      w.note({ planId: plan.id, appointmentId });
    });
    return loadPlan(ctx, plan.id, 'stepId');
  },
};
