import { ScheduleError, buildSchedule, regenerateUnpaid } from '../../shared/domain/installment-schedule.ts';
import type { InstallmentView, PaymentPlanDetail, ScheduleTerms, ScheduledInstallment } from '../../shared/domain/plan-types.ts';
import { type InstallmentRow, listInstallmentsForPlan } from '../db/repos/installments.ts';
import type { MutationWriter } from '../db/write/mutation-writer.ts';
import { type PaymentPlanRow, getPaymentPlan, listPaymentPlansForPatient } from '../db/repos/payment-plans.ts';
import { getTreatmentPlan } from '../db/repos/treatment-plans.ts';
import { CommandError, notFound } from './command-error.ts';
import type { CommandContext, HandlerSlice } from './context.ts';
import { clinicMoney, refreshPlanStatus, requirePatient, settleCredit } from './ledger.ts';

/** Domain rule violations become validation errors naming the input field. */
export function scheduleGuard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ScheduleError) throw new CommandError('validation_error', e.message, e.field).because('invalid');
    throw e;
  }
}

const isDownPayment = (plan: PaymentPlanRow, i: InstallmentRow) => plan.down_payment_cents > 0 && i.seq === 1;

function toView(plan: PaymentPlanRow, i: InstallmentRow): InstallmentView {
  return {
    id: i.id,
    seq: i.seq,
    dueDate: i.due_date,
    amountCents: i.amount_cents,
    principalCents: i.principal_cents,
    interestCents: i.interest_cents,
    paidCents: i.paid_cents,
    status: i.status === 'paid' ? 'paid' : 'due',
    isDownPayment: isDownPayment(plan, i),
  };
}

export function loadPaymentPlan(ctx: CommandContext, id: string, field = 'id'): PaymentPlanDetail {
  const plan = getPaymentPlan(ctx.db, ctx.clinicId, id);
  if (!plan) throw notFound('The payment plan', field);
  const installments = listInstallmentsForPlan(ctx.db, ctx.clinicId, id).map((i) => toView(plan, i));
  const total = installments.reduce((s, i) => s + i.amountCents, 0);
  const paid = installments.reduce((s, i) => s + i.paidCents, 0);
  return {
    id: plan.id,
    patientId: plan.patient_id,
    treatmentPlanId: plan.treatment_plan_id,
    currency: plan.currency,
    principalCents: plan.principal_cents,
    downPaymentCents: plan.down_payment_cents,
    aprBp: plan.apr_bp,
    installmentCount: plan.installment_count,
    installmentAmountCents: plan.installment_amount_cents,
    frequency: plan.frequency,
    firstDueDate: plan.first_due_date,
    status: plan.status,
    installments,
    totalCents: total,
    paidCents: paid,
    remainingCents: total - paid,
    updatedAt: plan.updated_at,
  };
}

function insertInstallment(w: MutationWriter, planId: string, i: ScheduledInstallment): void {
  w.insert('installments', {
    payment_plan_id: planId,
    seq: i.seq,
    due_date: i.dueDate,
    amount_cents: i.amountCents,
    principal_cents: i.principalCents,
    interest_cents: i.interestCents,
    paid_cents: 0,
    status: 'due',
  });
}

const termsColumns = (t: ScheduleTerms) => ({
  principal_cents: t.principalCents,
  apr_bp: t.aprBp,
  installment_count: t.installmentCount ?? null,
  installment_amount_cents: t.installmentAmountCents ?? null,
  frequency: t.frequency,
  first_due_date: t.firstDueDate,
});

type PaymentPlanCommands =
  | 'paymentPlans.preview'
  | 'paymentPlans.create'
  | 'paymentPlans.get'
  | 'paymentPlans.listForPatient'
  | 'paymentPlans.change';

export const paymentPlanHandlers: HandlerSlice<PaymentPlanCommands> = {
  'paymentPlans.preview': (terms, ctx) => ({ ...scheduleGuard(() => buildSchedule(terms)), currency: clinicMoney(ctx).currency }),

  /**
   * A plan with its installments. A down payment is installment 1, due today (or on the first
   * due date if that is earlier), so the front desk collects it like any other installment.
   */
  'paymentPlans.create': (input, ctx) => {
    const { patientId, treatmentPlanId, ...terms } = input;
    requirePatient(ctx.db, ctx.clinicId, patientId);
    if (treatmentPlanId) {
      const tp = getTreatmentPlan(ctx.db, ctx.clinicId, treatmentPlanId);
      if (!tp) throw notFound('The treatment plan', 'treatmentPlanId');
      if (tp.patient_id !== patientId) {
        throw new CommandError('validation_error', 'treatmentPlanId: the treatment plan is for another patient', 'treatmentPlanId').because('plan_other_patient');
      }
      if (tp.status === 'cancelled') {
        throw new CommandError('validation_error', 'treatmentPlanId: the treatment plan is cancelled', 'treatmentPlanId').because('plan_cancelled');
      }
    }
    const hasDown = terms.downPaymentCents > 0;
    const schedule = scheduleGuard(() => buildSchedule(terms, { firstSeq: hasDown ? 2 : 1 }));
    const { currency, today } = clinicMoney(ctx);
    const id = ctx.write('paymentPlans.create', (w) => {
      const plan = w.insert('payment_plans', {
        patient_id: patientId,
        treatment_plan_id: treatmentPlanId ?? null,
        currency,
        down_payment_cents: terms.downPaymentCents,
        status: 'active',
        ...termsColumns(terms),
      });
      const planId = plan.id as string;
      if (hasDown) {
        const due = today < terms.firstDueDate ? today : terms.firstDueDate;
        const d = terms.downPaymentCents;
        insertInstallment(w, planId, { seq: 1, dueDate: due, amountCents: d, principalCents: d, interestCents: 0 });
      }
      schedule.installments.forEach((i) => insertInstallment(w, planId, i));
      w.note({ financedCents: schedule.financedCents, interestCents: schedule.interestCents });
      settleCredit(ctx.db, ctx.clinicId, w, patientId);
      return planId;
    });
    return loadPaymentPlan(ctx, id);
  },

  'paymentPlans.get': ({ id }, ctx) => loadPaymentPlan(ctx, id),

  /** Every plan of the patient, newest first (ids are time-ordered UUIDv7). */
  'paymentPlans.listForPatient': ({ patientId }, ctx) => {
    requirePatient(ctx.db, ctx.clinicId, patientId);
    return listPaymentPlansForPatient(ctx.db, ctx.clinicId, patientId)
      .reverse()
      .map((p) => loadPaymentPlan(ctx, p.id));
  },

  /** New terms for the unpaid part only; the audit row keeps the old and new terms and the reason. */
  'paymentPlans.change': (input, ctx) => {
    const plan = getPaymentPlan(ctx.db, ctx.clinicId, input.paymentPlanId);
    if (!plan) throw notFound('The payment plan', 'paymentPlanId');
    if (plan.status === 'cancelled') throw new CommandError('conflict', 'A cancelled payment plan cannot change.', 'paymentPlanId').because('plan_cancelled');
    const rows = listInstallmentsForPlan(ctx.db, ctx.clinicId, plan.id);
    const down = rows.find((i) => isDownPayment(plan, i));
    const scheduled = rows.filter((i) => i !== down);
    const terms: ScheduleTerms = {
      principalCents: input.principalCents ?? plan.principal_cents,
      downPaymentCents: plan.down_payment_cents,
      aprBp: input.aprBp ?? plan.apr_bp,
      installmentCount: input.installmentCount,
      installmentAmountCents: input.installmentAmountCents,
      frequency: input.frequency ?? plan.frequency,
      firstDueDate: input.firstDueDate,
    };
    const existing = scheduled.map((i) => ({
      id: i.id,
      seq: i.seq,
      dueDate: i.due_date,
      amountCents: i.amount_cents,
      principalCents: i.principal_cents,
      interestCents: i.interest_cents,
      paidCents: i.paid_cents,
    }));
    const r = scheduleGuard(() => regenerateUnpaid(existing, terms, { seqAfter: down ? 1 : 0 }));
    const before = loadPaymentPlan(ctx, plan.id);
    ctx.write('paymentPlans.change', (w) => {
      for (const k of r.kept) {
        const old = existing.find((e) => e.id === k.id)!;
        if (k.amountCents !== old.amountCents) {
          w.update('installments', k.id!, {
            amount_cents: k.amountCents,
            principal_cents: k.principalCents,
            interest_cents: k.interestCents,
            status: 'paid',
          });
        }
      }
      for (const gone of r.removed) w.softDelete('installments', gone.id!);
      r.added.forEach((i) => insertInstallment(w, plan.id, i));
      w.update('payment_plans', plan.id, termsColumns(terms));
      w.note({
        reason: input.reason,
        before: { terms: termsColumns(termsFromRow(plan)), installments: before.installments },
        outstandingCents: r.outstandingCents,
      });
      refreshPlanStatus(ctx.db, ctx.clinicId, w, plan.id);
      settleCredit(ctx.db, ctx.clinicId, w, plan.patient_id);
    });
    return loadPaymentPlan(ctx, plan.id);
  },
};

function termsFromRow(p: PaymentPlanRow): ScheduleTerms {
  return {
    principalCents: p.principal_cents,
    downPaymentCents: p.down_payment_cents,
    aprBp: p.apr_bp,
    installmentCount: p.installment_count ?? undefined,
    installmentAmountCents: p.installment_amount_cents ?? undefined,
    frequency: p.frequency,
    firstDueDate: p.first_due_date,
  };
}
