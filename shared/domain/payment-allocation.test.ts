import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type LedgerAllocation,
  type LedgerPayment,
  type OpenInstallment,
  allocatePayment,
  applyCredit,
  balanceOf,
  creditOf,
  creditSources,
  daysBetween,
  reverseAllocations,
} from './payment-allocation.ts';

const inst = (id: string, dueDate: string, amountCents: number, paidCents = 0, seq = 1): OpenInstallment => ({
  id,
  paymentPlanId: 'plan',
  seq,
  dueDate,
  amountCents,
  paidCents,
});

// Given out of order on purpose: allocation must sort by due date.
const plan = [inst('c', '2026-03-01', 100, 0, 3), inst('a', '2026-01-01', 100, 0, 1), inst('b', '2026-02-01', 100, 0, 2)];

describe('payment allocation', () => {
  it('pays the oldest due installment first and leaves a partial one partly paid', () => {
    expect(allocatePayment(plan, 150)).toEqual({
      allocations: [
        { installmentId: 'a', amountCents: 100 },
        { installmentId: 'b', amountCents: 50 },
      ],
      creditCents: 0,
    });
  });

  it('settles exactly with no credit', () => {
    const r = allocatePayment(plan, 300);
    expect(r.allocations.map((a) => a.amountCents)).toEqual([100, 100, 100]);
    expect(r.creditCents).toBe(0);
  });

  it('turns an overpayment into credit and skips paid installments', () => {
    const r = allocatePayment([inst('a', '2026-01-01', 100, 100), inst('b', '2026-02-01', 100, 40)], 100);
    expect(r).toEqual({ allocations: [{ installmentId: 'b', amountCents: 60 }], creditCents: 40 });
  });

  it('refuses a zero or negative amount', () => {
    expect(() => allocatePayment(plan, 0)).toThrow(RangeError);
    expect(() => allocatePayment(plan, -5)).toThrow(RangeError);
  });

  it('never allocates more than asked or more than an installment holds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.integer({ min: 1, max: 1000 }), paid: fc.nat(1000) }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 10_000 }),
        (rows, pay) => {
          const list = rows.map((r, i) => inst(`i${i}`, `2026-01-${String(1 + i).padStart(2, '0')}`, r.amount, Math.min(r.paid, r.amount)));
          const { allocations, creditCents } = allocatePayment(list, pay);
          expect(allocations.reduce((s, a) => s + a.amountCents, 0) + creditCents).toBe(pay);
          for (const a of allocations) {
            const i = list.find((x) => x.id === a.installmentId)!;
            expect(a.amountCents).toBeGreaterThan(0);
            expect(a.amountCents).toBeLessThanOrEqual(i.amountCents - i.paidCents);
          }
          const open = list.reduce((s, i) => s + i.amountCents - i.paidCents, 0);
          expect(creditCents).toBe(Math.max(0, pay - open));
        },
      ),
    );
  });
});

describe('voids, refunds and credit', () => {
  const payments: LedgerPayment[] = [
    { id: 'p1', kind: 'payment', amountCents: 150, relatedPaymentId: null },
    { id: 'p2', kind: 'payment', amountCents: 200, relatedPaymentId: null },
  ];
  const allocations: LedgerAllocation[] = [
    { paymentId: 'p1', installmentId: 'a', amountCents: 100 },
    { paymentId: 'p1', installmentId: 'b', amountCents: 50 },
    { paymentId: 'p2', installmentId: 'b', amountCents: 50 },
    { paymentId: 'p2', installmentId: 'c', amountCents: 100 },
  ];

  it('reverses exactly the voided payment’s net allocations', () => {
    expect(reverseAllocations(allocations, 'p1')).toEqual([
      { installmentId: 'a', amountCents: -100 },
      { installmentId: 'b', amountCents: -50 },
    ]);
    const undone = [...allocations, ...reverseAllocations(allocations, 'p1').map((a) => ({ paymentId: 'v1', ...a }))];
    expect(reverseAllocations(undone, 'p1')).toHaveLength(2);
    // After the void the only credit is p2's unapplied 50; p1 holds none.
    const withVoid = [...payments, { id: 'v1', kind: 'void' as const, amountCents: 150, relatedPaymentId: 'p1' }];
    expect(creditSources(withVoid, undone)).toEqual([{ paymentId: 'p2', availableCents: 50 }]);
  });

  it('counts credit after refunds, oldest credit used first', () => {
    const pays: LedgerPayment[] = [
      { id: 'p1', kind: 'payment', amountCents: 100, relatedPaymentId: null },
      { id: 'p2', kind: 'payment', amountCents: 100, relatedPaymentId: null },
      { id: 'r1', kind: 'refund', amountCents: 70, relatedPaymentId: null },
    ];
    const allocs = [{ paymentId: 'p1', installmentId: 'a', amountCents: 60 }];
    expect(creditOf(pays, allocs)).toBe(70);
    expect(creditSources(pays, allocs)).toEqual([{ paymentId: 'p2', availableCents: 70 }]);
  });

  it('applies credit to installments that open later, oldest credit and oldest installment first', () => {
    const out = applyCredit(
      [
        { paymentId: 'p1', availableCents: 30 },
        { paymentId: 'p2', availableCents: 100 },
      ],
      plan,
    );
    expect(out).toEqual([
      { paymentId: 'p1', installmentId: 'a', amountCents: 30 },
      { paymentId: 'p2', installmentId: 'a', amountCents: 70 },
      { paymentId: 'p2', installmentId: 'b', amountCents: 30 },
    ]);
  });
});

describe('balance', () => {
  it('splits unpaid into overdue (before today) and the next due, net of credit', () => {
    const list = [inst('a', '2026-01-01', 100, 100), inst('b', '2026-02-01', 100, 30, 2), inst('c', '2026-03-01', 100, 0, 3)];
    expect(balanceOf(list, 0, '2026-02-15')).toEqual({
      balanceCents: 170,
      overdueCents: 70,
      nextDue: { installmentId: 'c', paymentPlanId: 'plan', dueDate: '2026-03-01', amountCents: 100 },
      creditCents: 0,
      oldestOverdue: '2026-02-01',
    });
    // Due today is not overdue yet.
    expect(balanceOf(list, 0, '2026-02-01').overdueCents).toBe(0);
    expect(balanceOf([], 25, '2026-02-01')).toMatchObject({ balanceCents: -25, nextDue: null, creditCents: 25 });
  });

  it('counts days between calendar dates across month and year ends', () => {
    expect(daysBetween('2025-12-31', '2026-03-01')).toBe(60);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
});
