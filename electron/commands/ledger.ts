import { todayIn } from '../../shared/domain/clinic-time.ts';
import {
  type LedgerAllocation,
  type LedgerPayment,
  applyCredit,
  balanceOf,
  creditSources,
} from '../../shared/domain/payment-allocation.ts';
import type { PatientBalance } from '../../shared/domain/plan-types.ts';
import type { ReadDb } from '../db/database.ts';
import type { MutationWriter } from '../db/write/mutation-writer.ts';
import { getInstallment, listInstallmentsForPlan, listOpenInstallmentsForPatient } from '../db/repos/installments.ts';
import { getPaymentPlan } from '../db/repos/payment-plans.ts';
import { type PaymentRow, getClinicContact, getPatientBrief, listAllocationsForPatient, listPaymentsForPatient } from '../db/repos/payments.ts';
import { CommandError, notFound } from './command-error.ts';
import type { CommandContext } from './context.ts';

/** Shared money plumbing of payment plans and payments: allocations, plan status, credit, balance. */

export function clinicMoney(ctx: CommandContext): { currency: string; today: string; name: string; phone: string | null; address: string | null } {
  const clinic = getClinicContact(ctx.db, ctx.clinicId);
  if (!clinic) throw new CommandError('not_found', 'The clinic of this desk was not found.').because('no_clinic');
  return { ...clinic, today: todayIn(clinic.time_zone, ctx.now()) };
}

export function requirePatient(db: ReadDb, clinicId: string, patientId: string, field = 'patientId') {
  const patient = getPatientBrief(db, clinicId, patientId);
  if (!patient) throw notFound('The patient', field);
  return patient;
}

export const toLedger = (p: PaymentRow): LedgerPayment => ({
  id: p.id,
  kind: p.kind,
  amountCents: p.amount_cents,
  relatedPaymentId: p.related_payment_id,
});

export function ledgerOf(db: ReadDb, clinicId: string, patientId: string) {
  const rows = listPaymentsForPatient(db, clinicId, patientId);
  return { rows, payments: rows.map(toLedger), allocations: listAllocationsForPatient(db, clinicId, patientId) };
}

/** Marks a plan completed when nothing is left to pay on it, and active again when a void reopens it. */
export function refreshPlanStatus(db: ReadDb, clinicId: string, w: MutationWriter, planId: string): void {
  const plan = getPaymentPlan(db, clinicId, planId);
  if (!plan || plan.status === 'cancelled') return;
  const settled = listInstallmentsForPlan(db, clinicId, planId).every((i) => i.paid_cents >= i.amount_cents);
  const status = settled ? 'completed' : 'active';
  if (status !== plan.status) w.update('payment_plans', planId, { status });
}

/** Writes allocation rows and moves each installment's paid amount and status with them. */
export function writeAllocations(db: ReadDb, clinicId: string, w: MutationWriter, allocations: readonly LedgerAllocation[]): void {
  const delta = new Map<string, number>();
  for (const a of allocations) {
    w.insert('payment_allocations', { payment_id: a.paymentId, installment_id: a.installmentId, amount_cents: a.amountCents });
    delta.set(a.installmentId, (delta.get(a.installmentId) ?? 0) + a.amountCents);
  }
  const plans = new Set<string>();
  for (const [id, cents] of delta) {
    const inst = getInstallment(db, clinicId, id)!;
    const paid = inst.paid_cents + cents;
    w.update('installments', id, { paid_cents: paid, status: paid >= inst.amount_cents ? 'paid' : 'due' });
    plans.add(inst.payment_plan_id);
  }
  for (const planId of plans) refreshPlanStatus(db, clinicId, w, planId);
}

/** Puts any credit the patient holds towards installments that are open now (new plan, void...). */
export function settleCredit(db: ReadDb, clinicId: string, w: MutationWriter, patientId: string): void {
  const { payments, allocations } = ledgerOf(db, clinicId, patientId);
  const sources = creditSources(payments, allocations);
  if (sources.length === 0) return;
  const applied = applyCredit(sources, listOpenInstallmentsForPatient(db, clinicId, patientId));
  if (applied.length > 0) writeAllocations(db, clinicId, w, applied);
}

export function patientBalance(ctx: CommandContext, patientId: string): PatientBalance {
  const { currency, today } = clinicMoney(ctx);
  const { payments, allocations } = ledgerOf(ctx.db, ctx.clinicId, patientId);
  const credit = creditSources(payments, allocations).reduce((s, c) => s + c.availableCents, 0);
  const b = balanceOf(listOpenInstallmentsForPatient(ctx.db, ctx.clinicId, patientId), credit, today);
  return { balanceCents: b.balanceCents, overdueCents: b.overdueCents, nextDue: b.nextDue, creditCents: b.creditCents, currency };
}
