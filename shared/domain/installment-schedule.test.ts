import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_INSTALLMENTS,
  ScheduleError,
  buildSchedule,
  dueDateAt,
  regenerateUnpaid,
} from './installment-schedule.ts';
import { FREQUENCIES, type Frequency, type ScheduleTerms } from './plan-types.ts';

const PERIODS: Record<Frequency, number> = { weekly: 52, biweekly: 26, monthly: 12, quarterly: 4 };

/**
 * Level payment of a fully amortizing loan, written independently of the module under test:
 * A = P · r / (1 − (1 + r)^−n), r = APR / periods per year.
 * Source: the standard annuity (mortgage) payment formula, e.g. Wikipedia "Mortgage calculator",
 * section "Monthly payment formula" (https://en.wikipedia.org/wiki/Mortgage_calculator).
 */
function annuity(principal: number, apr: number, periodsPerYear: number, n: number): number {
  const r = apr / periodsPerYear;
  return (principal * r) / (1 - (1 + r) ** -n);
}

const base: ScheduleTerms = {
  principalCents: 120_000,
  downPaymentCents: 0,
  aprBp: 0,
  installmentCount: 12,
  frequency: 'monthly',
  firstDueDate: '2026-01-31',
};

function errorOf(fn: () => unknown): ScheduleError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScheduleError) return e;
    throw e;
  }
  throw new Error('expected a ScheduleError');
}

const pad = (n: number) => String(n).padStart(2, '0');
const date = fc
  .record({ y: fc.integer({ min: 2020, max: 2040 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`);

const terms = fc
  .record({
    count: fc.integer({ min: 1, max: 120 }),
    perInstallment: fc.integer({ min: 100, max: 500_000 }),
    down: fc.integer({ min: 0, max: 100_000 }),
    aprBp: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000 })),
    frequency: fc.constantFrom(...FREQUENCIES),
    firstDueDate: date,
    byAmount: fc.boolean(),
  })
  // Realistic plans: at most 10 years. Decades at a high rate cannot be rounded to whole cents
  // (the first principal part is below one cent) and are refused, see 'refuses bad terms'.
  .filter(({ count, frequency }) => count <= PERIODS[frequency] * 10)
  .map(({ count, perInstallment, down, aprBp, frequency, firstDueDate, byAmount }): ScheduleTerms => {
    const financed = count * perInstallment;
    return {
      principalCents: financed + down,
      downPaymentCents: down,
      aprBp,
      frequency,
      firstDueDate,
      // By amount: enough above the first period's interest to finish within `count` periods.
      ...(byAmount
        ? { installmentAmountCents: perInstallment + Math.ceil((financed * aprBp) / 10_000 / PERIODS[frequency]) + 1 }
        : { installmentCount: count }),
    };
  });

describe('installment schedule', () => {
  it('keeps the sum invariant: installments add up to financed + interest, principal to financed', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const s = buildSchedule(t);
        const sum = (k: 'amountCents' | 'principalCents' | 'interestCents') => s.installments.reduce((a, i) => a + i[k], 0);
        expect(s.financedCents).toBe(t.principalCents - t.downPaymentCents);
        expect(sum('amountCents')).toBe(s.totalCents);
        expect(sum('principalCents')).toBe(s.financedCents);
        expect(sum('interestCents')).toBe(s.interestCents);
        if (t.installmentCount !== undefined) expect(s.installments).toHaveLength(t.installmentCount);
      }),
    );
  });

  it('never makes a zero or negative installment, and dates strictly increase', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const s = buildSchedule(t);
        s.installments.forEach((inst, i) => {
          expect(inst.amountCents).toBeGreaterThan(0);
          expect(inst.principalCents).toBeGreaterThan(0);
          expect(inst.interestCents).toBeGreaterThanOrEqual(0);
          expect(inst.seq).toBe(i + 1);
          if (i > 0) expect(inst.dueDate > s.installments[i - 1]!.dueDate).toBe(true);
        });
      }),
    );
  });

  it('splits 2500.00 at 0 % into 6 as 416.67 × 5 + 416.65 (the level rounded to nearest)', () => {
    const s = buildSchedule({ ...base, principalCents: 250_000, installmentCount: 6 });
    expect(s.installments.map((i) => i.amountCents)).toEqual([41_667, 41_667, 41_667, 41_667, 41_667, 41_665]);
    expect(s.totalCents).toBe(250_000);
    // Rounded down where rounding to nearest already rounds down: 1000.00 in 3 = 333.33 × 2 + 333.34.
    expect(buildSchedule({ ...base, principalCents: 100_000, installmentCount: 3 }).installments.map((i) => i.amountCents)).toEqual([
      33_333, 33_333, 33_334,
    ]);
    // A half cent rounds up: 0.05 in 2 = 0.03 + 0.02.
    expect(buildSchedule({ ...base, principalCents: 5, installmentCount: 2 }).installments.map((i) => i.amountCents)).toEqual([3, 2]);
    // Rounded up, 0.10 in 6 would leave nothing for the last (0.02 × 5): the level is rounded down instead.
    expect(buildSchedule({ ...base, principalCents: 10, installmentCount: 6 }).installments.map((i) => i.amountCents)).toEqual([
      1, 1, 1, 1, 1, 5,
    ]);
  });

  it('splits equally at APR 0: the sum is the principal, all but the last equal, the last within bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 240 }), (financed, n) => {
        fc.pre(financed >= n);
        const s = buildSchedule({ ...base, principalCents: financed, installmentCount: n });
        const amounts = s.installments.map((i) => i.amountCents);
        const level = amounts[0]!;
        const last = amounts.at(-1)!;
        expect(s.interestCents).toBe(0);
        expect(amounts).toHaveLength(n);
        expect(amounts.reduce((a, b) => a + b, 0)).toBe(financed);
        amounts.slice(0, -1).forEach((a) => expect(a).toBe(level));
        amounts.forEach((a) => expect(a).toBeGreaterThan(0));
        // The level is the exact share rounded to nearest, unless that would leave the last nothing.
        const nearest = Math.round(financed / n);
        if (financed - (n - 1) * nearest > 0) expect(level).toBe(nearest);
        else expect(level).toBe(Math.floor(financed / n));
        // Rounding at most half a cent per installment: the last differs from the level by at most n/2
        // (rounded to nearest), or by less than n (rounded down).
        expect(Math.abs(last - level)).toBeLessThanOrEqual(level === nearest ? n / 2 : n - 1);
      }),
    );
  });

  it('matches the standard amortization formula when APR > 0', () => {
    // 10,000.00 at 12 % a year, 12 monthly payments: 888.49 a month (r = 1 %), first interest 100.00.
    const s = buildSchedule({ ...base, principalCents: 1_000_000, aprBp: 1200, installmentCount: 12 });
    expect(s.installments[0]).toMatchObject({ amountCents: 88_849, interestCents: 10_000, principalCents: 78_849 });
    expect(Math.abs(s.installments.at(-1)!.amountCents - 88_849)).toBeLessThanOrEqual(12);

    // 200,000.00 at 6 % over 30 years: the textbook 1,199.10 a month.
    expect(buildSchedule({ ...base, principalCents: 20_000_000, aprBp: 600, installmentCount: 360 }).installments[0]!.amountCents).toBe(119_910);

    const cases: [number, number, Frequency, number][] = [
      [20_000_000, 600, 'monthly', 360],
      [350_000, 999, 'weekly', 26],
      [1_234_567, 1850, 'quarterly', 8],
      [80_000, 350, 'biweekly', 10],
    ];
    for (const [principal, aprBp, frequency, n] of cases) {
      const plan = buildSchedule({ ...base, principalCents: principal, aprBp, frequency, installmentCount: n });
      const expected = Math.round(annuity(principal, aprBp / 10_000, PERIODS[frequency], n));
      expect(plan.installments[0]!.amountCents).toBe(expected);
      expect(plan.installments[0]!.interestCents).toBe(Math.round((principal * aprBp) / 10_000 / PERIODS[frequency]));
      // The level payment times n differs from the exact total only by per-period rounding.
      expect(Math.abs(plan.totalCents - expected * n)).toBeLessThanOrEqual(n);
    }
  });

  it('counts the installments needed for a given amount, with a smaller last one', () => {
    const s = buildSchedule({ ...base, principalCents: 100_000, installmentCount: undefined, installmentAmountCents: 30_000 });
    expect(s.installments.map((i) => i.amountCents)).toEqual([30_000, 30_000, 30_000, 10_000]);
  });

  it('keeps the anchor day of month, clamped to month end', () => {
    const s = buildSchedule({ ...base, principalCents: 400, installmentCount: 4, firstDueDate: '2024-01-31' });
    expect(s.installments.map((i) => i.dueDate)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
    expect(dueDateAt('2025-01-31', 'monthly', 1)).toBe('2025-02-28');
    expect(dueDateAt('2025-11-30', 'quarterly', 1)).toBe('2026-02-28');
    expect(dueDateAt('2025-12-29', 'weekly', 1)).toBe('2026-01-05');
    expect(dueDateAt('2025-12-29', 'biweekly', 2)).toBe('2026-01-26');
  });

  it('refuses bad terms naming the field', () => {
    expect(errorOf(() => buildSchedule({ ...base, downPaymentCents: 120_000 })).field).toBe('downPaymentCents');
    expect(errorOf(() => buildSchedule({ ...base, downPaymentCents: -1 })).field).toBe('downPaymentCents');
    expect(errorOf(() => buildSchedule({ ...base, principalCents: 0 })).field).toBe('principalCents');
    expect(errorOf(() => buildSchedule({ ...base, installmentCount: 0 })).field).toBe('installmentCount');
    expect(errorOf(() => buildSchedule({ ...base, installmentCount: MAX_INSTALLMENTS + 1 })).field).toBe('installmentCount');
    expect(errorOf(() => buildSchedule({ ...base, installmentAmountCents: 100 })).message).toMatch(/either/);
    expect(errorOf(() => buildSchedule({ ...base, principalCents: 5, installmentCount: 6 })).field).toBe('installmentCount');
    expect(errorOf(() => buildSchedule({ ...base, aprBp: -5 })).field).toBe('aprBp');
    expect(errorOf(() => buildSchedule({ ...base, firstDueDate: '2026-02-30' })).field).toBe('firstDueDate');
    const tooSmall = errorOf(() =>
      buildSchedule({ ...base, aprBp: 2400, installmentCount: undefined, installmentAmountCents: 2_400 }),
    );
    expect(tooSmall.field).toBe('installmentAmountCents');
    expect(tooSmall.message).toMatch(/too small to ever pay/);
    const unroundable = { ...base, principalCents: 2_500, aprBp: 4_808, frequency: 'quarterly' as const, installmentCount: 50 };
    expect(errorOf(() => buildSchedule(unroundable)).field).toBe('installmentCount');
    expect(errorOf(() => buildSchedule({ ...base, installmentCount: undefined, installmentAmountCents: 1 })).message).toMatch(
      /more than 600/,
    );
  });
});

describe('regenerateUnpaid', () => {
  const plan = buildSchedule({ ...base, installmentCount: 6 }).installments; // 6 × 20,000
  const withPaid = (paid: number[]) => plan.map((i, k) => ({ ...i, paidCents: paid[k] ?? 0 }));

  it('keeps paid history, closes a partly paid installment at what was paid, and re-spreads the rest', () => {
    const existing = withPaid([20_000, 5_000]);
    const r = regenerateUnpaid(existing, { ...base, installmentCount: 2, firstDueDate: '2026-05-15' });
    expect(r.kept).toEqual([existing[0], { ...existing[1], amountCents: 5_000, principalCents: 5_000, interestCents: 0 }]);
    expect(r.removed.map((i) => i.seq)).toEqual([3, 4, 5, 6]);
    expect(r.outstandingCents).toBe(95_000);
    expect(r.added).toEqual([
      { seq: 3, dueDate: '2026-05-15', amountCents: 47_500, principalCents: 47_500, interestCents: 0 },
      { seq: 4, dueDate: '2026-06-15', amountCents: 47_500, principalCents: 47_500, interestCents: 0 },
    ]);
  });

  it('keeps the total owed equal to principal + new interest, for any paid prefix', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 19_999 }), fc.integer({ min: 0, max: 3000 }), (full, part, aprBp) => {
        const paid = [...Array(full).fill(20_000), part];
        const outstanding = 120_000 - paid.slice(0, 6).reduce((s, p) => s + p, 0);
        fc.pre(outstanding === 0 || outstanding >= 3); // else 3 installments cannot all be non-empty
        const r = regenerateUnpaid(withPaid(paid), { ...base, aprBp, installmentCount: 3, firstDueDate: '2027-01-01' });
        const principal = [...r.kept, ...r.added].reduce((s, i) => s + i.principalCents, 0);
        expect(principal).toBe(120_000);
        expect(r.kept.reduce((s, i) => s + i.amountCents, 0)).toBe(paid.slice(0, 6).reduce((s, p) => s + p, 0));
        r.added.forEach((i) => expect(i.amountCents).toBeGreaterThan(0));
      }),
    );
  });

  it('refuses a first due date that is not after the last paid installment', () => {
    const e = errorOf(() => regenerateUnpaid(withPaid([20_000, 20_000]), { ...base, firstDueDate: '2026-02-28' }));
    expect(e.field).toBe('firstDueDate');
  });

  it('numbers new installments after a reserved seq (the down payment)', () => {
    const r = regenerateUnpaid([], { ...base, installmentCount: 2 }, { seqAfter: 1 });
    expect(r.added.map((i) => i.seq)).toEqual([2, 3]);
  });
});
