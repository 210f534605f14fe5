import type { IsoDate } from './clinic-time.ts';
import type { Cents } from './money.ts';
import type { NextDue, PaymentKind } from './plan-types.ts';

/** An installment as allocation sees it: what it asks for and what is already on it. */
export interface OpenInstallment {
  id: string;
  paymentPlanId: string;
  seq: number;
  dueDate: IsoDate;
  amountCents: Cents;
  paidCents: Cents;
}

export interface Allocation {
  installmentId: string;
  amountCents: Cents;
}

export interface LedgerPayment {
  id: string;
  kind: PaymentKind;
  amountCents: Cents;
  /** For a void: the payment it cancels. */
  relatedPaymentId: string | null;
}

export interface LedgerAllocation {
  paymentId: string;
  installmentId: string;
  amountCents: Cents;
}

const remaining = (i: OpenInstallment) => i.amountCents - i.paidCents;

/** Oldest due first; the same day in plan order (seq), then a stable tie-break. */
export function oldestFirst<T extends OpenInstallment>(installments: readonly T[]): T[] {
  return [...installments].sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) ||
      a.seq - b.seq ||
      a.paymentPlanId.localeCompare(b.paymentPlanId) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Spreads an amount over the unpaid installments, oldest due first; a partial payment leaves the
 * installment it reaches partly paid, and what is left over after every installment is credit.
 */
export function allocatePayment(
  installments: readonly OpenInstallment[],
  amountCents: Cents,
): { allocations: Allocation[]; creditCents: Cents } {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) throw new RangeError('amount must be above zero');
  const allocations: Allocation[] = [];
  let left = amountCents;
  for (const inst of oldestFirst(installments)) {
    if (left === 0) break;
    const open = remaining(inst);
    if (open <= 0) continue;
    const take = Math.min(open, left);
    allocations.push({ installmentId: inst.id, amountCents: take });
    left -= take;
  }
  return { allocations, creditCents: left };
}

/** The allocations that undo a payment: the negative of its net amount on each installment. */
export function reverseAllocations(allocations: readonly LedgerAllocation[], paymentId: string): Allocation[] {
  const net = new Map<string, Cents>();
  for (const a of allocations) {
    if (a.paymentId === paymentId) net.set(a.installmentId, (net.get(a.installmentId) ?? 0) + a.amountCents);
  }
  return [...net].filter(([, cents]) => cents !== 0).map(([installmentId, cents]) => ({ installmentId, amountCents: -cents }));
}

export function voidedPaymentIds(payments: readonly LedgerPayment[]): Set<string> {
  return new Set(payments.filter((p) => p.kind === 'void' && p.relatedPaymentId).map((p) => p.relatedPaymentId!));
}

/**
 * Money received but not applied to installments, per payment (oldest first, as given), after
 * refunds, which use up the oldest credit first. Voided payments hold no credit.
 */
export function creditSources(
  payments: readonly LedgerPayment[],
  allocations: readonly LedgerAllocation[],
): { paymentId: string; availableCents: Cents }[] {
  const voided = voidedPaymentIds(payments);
  const applied = new Map<string, Cents>();
  for (const a of allocations) applied.set(a.paymentId, (applied.get(a.paymentId) ?? 0) + a.amountCents);
  let refunds = payments.filter((p) => p.kind === 'refund').reduce((s, p) => s + p.amountCents, 0);
  const sources: { paymentId: string; availableCents: Cents }[] = [];
  for (const p of payments) {
    if (p.kind !== 'payment' || voided.has(p.id)) continue;
    let available = p.amountCents - (applied.get(p.id) ?? 0);
    const used = Math.min(available, refunds);
    available -= used;
    refunds -= used;
    if (available > 0) sources.push({ paymentId: p.id, availableCents: available });
  }
  return sources;
}

export function creditOf(payments: readonly LedgerPayment[], allocations: readonly LedgerAllocation[]): Cents {
  return creditSources(payments, allocations).reduce((s, c) => s + c.availableCents, 0);
}

/** Applies available credit (oldest payment first) to the unpaid installments, oldest due first. */
export function applyCredit(
  sources: readonly { paymentId: string; availableCents: Cents }[],
  installments: readonly OpenInstallment[],
): LedgerAllocation[] {
  const open = installments.map((i) => ({ ...i }));
  const out: LedgerAllocation[] = [];
  for (const s of sources) {
    const { allocations } = allocatePayment(open, s.availableCents);
    for (const a of allocations) {
      out.push({ paymentId: s.paymentId, ...a });
      open.find((i) => i.id === a.installmentId)!.paidCents += a.amountCents;
    }
  }
  return out;
}

/** A patient's position: what is unpaid, what of it is late, the next installment, and credit. */
export function balanceOf(
  installments: readonly OpenInstallment[],
  creditCents: Cents,
  today: IsoDate,
): { balanceCents: Cents; overdueCents: Cents; nextDue: NextDue | null; creditCents: Cents; oldestOverdue: IsoDate | null } {
  let unpaid = 0;
  let overdue = 0;
  let nextDue: NextDue | null = null;
  let oldestOverdue: IsoDate | null = null;
  for (const inst of oldestFirst(installments)) {
    const open = remaining(inst);
    if (open <= 0) continue;
    unpaid += open;
    if (inst.dueDate < today) {
      overdue += open;
      oldestOverdue ??= inst.dueDate;
    } else if (!nextDue) {
      nextDue = { installmentId: inst.id, paymentPlanId: inst.paymentPlanId, dueDate: inst.dueDate, amountCents: open };
    }
  }
  return { balanceCents: unpaid - creditCents, overdueCents: overdue, nextDue, creditCents, oldestOverdue };
}

/** Whole days from one calendar date to a later one. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const ms = (d: IsoDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}
