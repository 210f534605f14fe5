import {
  creditOf,
  daysBetween,
  reverseAllocations,
  voidedPaymentIds,
  allocatePayment,
} from '../../shared/domain/payment-allocation.ts';
import type { OverdueRow, PaymentView, Receipt } from '../../shared/domain/plan-types.ts';
import type { ReadDb } from '../db/database.ts';
import { listOpenInstallmentsForPatient, listOverdueByPatient } from '../db/repos/installments.ts';
import { type PaymentRow, findPaymentByIdempotencyKey, getPayment, listAllocationsOfPayment } from '../db/repos/payments.ts';
import { CommandError, notFound } from './command-error.ts';
import type { CommandContext, HandlerSlice } from './context.ts';
import { clinicMoney, ledgerOf, patientBalance, requirePatient, settleCredit, writeAllocations } from './ledger.ts';

/** Received money may be dated back (entered late) but never into the future beyond clock skew. */
const MAX_FUTURE_MS = 5 * 60_000;

function views(db: ReadDb, clinicId: string, patientId: string): PaymentView[] {
  const { rows, payments, allocations } = ledgerOf(db, clinicId, patientId);
  const voided = voidedPaymentIds(payments);
  const applied = new Map<string, number>();
  for (const a of allocations) applied.set(a.paymentId, (applied.get(a.paymentId) ?? 0) + a.amountCents);
  return rows.map((r) => toView(r, voided.has(r.id), applied.get(r.id) ?? 0));
}

function toView(r: PaymentRow, voided: boolean, allocatedCents: number): PaymentView {
  return {
    id: r.id,
    patientId: r.patient_id,
    kind: r.kind,
    method: r.method,
    amountCents: r.amount_cents,
    currency: r.currency,
    relatedPaymentId: r.related_payment_id,
    reason: r.reason,
    receivedAt: r.received_at,
    receivedBy: r.received_by,
    receivedByName: r.received_by_name,
    notes: r.notes,
    voided,
    allocatedCents,
  };
}

function paymentView(ctx: CommandContext, id: string, field = 'paymentId'): PaymentView {
  const row = getPayment(ctx.db, ctx.clinicId, id);
  if (!row) throw notFound('The payment', field);
  return views(ctx.db, ctx.clinicId, row.patient_id).find((v) => v.id === id)!;
}

function receipt(ctx: CommandContext, paymentId: string): Receipt {
  const payment = paymentView(ctx, paymentId);
  const patient = requirePatient(ctx.db, ctx.clinicId, payment.patientId);
  const clinic = clinicMoney(ctx);
  const allocations = listAllocationsOfPayment(ctx.db, ctx.clinicId, paymentId).map((a) => ({
    installmentId: a.installment_id,
    paymentPlanId: a.payment_plan_id,
    seq: a.seq,
    dueDate: a.due_date,
    amountCents: a.amount_cents,
  }));
  return {
    number: payment.id,
    clinic: { name: clinic.name, phone: clinic.phone, address: clinic.address },
    patient: { id: patient.id, name: `${patient.first_name} ${patient.last_name}` },
    payment,
    allocations,
    unallocatedCents: payment.kind === 'payment' && !payment.voided ? payment.amountCents - payment.allocatedCents : 0,
    balanceAfter: patientBalance(ctx, payment.patientId),
  };
}

type PaymentCommands =
  | 'payments.record'
  | 'payments.void'
  | 'payments.refund'
  | 'payments.receipt'
  | 'payments.listForPatient'
  | 'money.patientBalance'
  | 'money.overdueList';

export const paymentHandlers: HandlerSlice<PaymentCommands> = {
  /**
   * Records money received and applies it to the oldest due installments; the rest is credit.
   * With an idempotency key already used, answers that payment's receipt and records nothing
   * (a retry); refused ('conflict', details.reason 'idempotency_key_reused') when the key was used
   * for another patient, amount or method.
   */
  'payments.record': (input, ctx) => {
    if (input.idempotencyKey) {
      const existing = findPaymentByIdempotencyKey(ctx.db, ctx.clinicId, input.idempotencyKey);
      if (existing) {
        const same =
          existing.patient_id === input.patientId && existing.amount_cents === input.amountCents && existing.method === input.method;
        if (same) return receipt(ctx, existing.id);
        throw new CommandError('conflict', 'This request key was already used for a different payment.', 'idempotencyKey', {
          reason: 'idempotency_key_reused',
          paymentId: existing.id,
        }).because('idempotency_reused');
      }
    }
    requirePatient(ctx.db, ctx.clinicId, input.patientId);
    const { currency } = clinicMoney(ctx);
    if (input.receivedAt && Date.parse(input.receivedAt) > ctx.now().getTime() + MAX_FUTURE_MS) {
      throw new CommandError('validation_error', 'receivedAt: a payment cannot be received in the future', 'receivedAt').because('received_in_future');
    }
    const id = ctx.write('payments.record', (w) => {
      const row = w.insert('payments', {
        patient_id: input.patientId,
        kind: 'payment',
        method: input.method,
        amount_cents: input.amountCents,
        currency,
        received_at: input.receivedAt ?? w.at,
        received_by: ctx.staff?.id ?? null,
        notes: input.notes ?? null,
        ...(input.idempotencyKey ? { idempotency_key: input.idempotencyKey } : {}),
      });
      const paymentId = row.id as string;
      const open = listOpenInstallmentsForPatient(ctx.db, ctx.clinicId, input.patientId);
      const { allocations, creditCents } = allocatePayment(open, input.amountCents);
      writeAllocations(ctx.db, ctx.clinicId, w, allocations.map((a) => ({ paymentId, ...a })));
      w.note({ amountCents: input.amountCents, creditCents });
      return paymentId;
    });
    return receipt(ctx, id);
  },

  /** A void is a new row that undoes the payment's allocations; the payment itself never changes. */
  'payments.void': ({ paymentId, reason }, ctx) => {
    const original = getPayment(ctx.db, ctx.clinicId, paymentId);
    if (!original) throw notFound('The payment', 'paymentId');
    if (original.kind !== 'payment') {
      throw new CommandError('validation_error', `paymentId: a ${original.kind} cannot be voided`, 'paymentId').because('payment_not_voidable', { kind: original.kind });
    }
    const { payments, allocations } = ledgerOf(ctx.db, ctx.clinicId, original.patient_id);
    if (voidedPaymentIds(payments).has(paymentId)) {
      throw new CommandError('conflict', 'This payment is already voided.', 'paymentId').because('payment_voided');
    }
    const reversal = reverseAllocations(allocations, paymentId);
    const unapplied = original.amount_cents + reversal.reduce((s, a) => s + a.amountCents, 0);
    if (creditOf(payments, allocations) < unapplied) {
      throw new CommandError(
        'conflict',
        'Part of this payment was already refunded as credit; it cannot be voided.',
        'paymentId',
      ).because('payment_not_voidable');
    }
    const id = ctx.write('payments.void', (w) => {
      const row = w.insert('payments', {
        patient_id: original.patient_id,
        kind: 'void',
        method: original.method,
        amount_cents: original.amount_cents,
        currency: original.currency,
        related_payment_id: paymentId,
        reason,
        received_at: w.at,
        received_by: ctx.staff?.id ?? null,
      });
      const voidId = row.id as string;
      writeAllocations(ctx.db, ctx.clinicId, w, reversal.map((a) => ({ paymentId: voidId, ...a })));
      w.note({ voids: paymentId, reason });
      settleCredit(ctx.db, ctx.clinicId, w, original.patient_id);
      return voidId;
    });
    return paymentView(ctx, id);
  },

  /** Gives back credit (money received beyond what is owed); never more than the credit. */
  'payments.refund': (input, ctx) => {
    requirePatient(ctx.db, ctx.clinicId, input.patientId);
    const { currency } = clinicMoney(ctx);
    const { payments, allocations } = ledgerOf(ctx.db, ctx.clinicId, input.patientId);
    const credit = creditOf(payments, allocations);
    if (input.amountCents > credit) {
      throw new CommandError(
        'validation_error',
        `amountCents: a refund can be at most the patient's credit (${credit})`,
        'amountCents',
        { creditCents: credit },
      ).because('refund_over_credit', { creditCents: credit });
    }
    const id = ctx.write('payments.refund', (w) => {
      const row = w.insert('payments', {
        patient_id: input.patientId,
        kind: 'refund',
        method: input.method,
        amount_cents: input.amountCents,
        currency,
        reason: input.reason,
        received_at: w.at,
        received_by: ctx.staff?.id ?? null,
      });
      w.note({ amountCents: input.amountCents, reason: input.reason });
      return row.id as string;
    });
    return paymentView(ctx, id);
  },

  'payments.receipt': ({ paymentId }, ctx) => receipt(ctx, paymentId),

  'payments.listForPatient': ({ patientId }, ctx) => {
    requirePatient(ctx.db, ctx.clinicId, patientId);
    return views(ctx.db, ctx.clinicId, patientId).reverse();
  },

  'money.patientBalance': ({ patientId }, ctx) => {
    requirePatient(ctx.db, ctx.clinicId, patientId);
    return patientBalance(ctx, patientId);
  },

  /** Patients with money overdue, longest overdue first: the list the desk works through. */
  'money.overdueList': (_input, ctx) => {
    const { today } = clinicMoney(ctx);
    return listOverdueByPatient(ctx.db, ctx.clinicId, today)
      .map(
        (r): OverdueRow => ({
          patientId: r.patient_id,
          name: `${r.first_name} ${r.last_name}`,
          phone: r.phone,
          daysOverdue: daysBetween(r.oldest_due_date, today),
          overdueCents: r.overdue_cents,
          oldestDueDate: r.oldest_due_date,
          lastContactAt: r.last_contact_at,
        }),
      )
      .sort((a, b) => b.daysOverdue - a.daysOverdue || a.name.localeCompare(b.name));
  },
};
