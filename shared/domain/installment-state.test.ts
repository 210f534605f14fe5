import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from './clinic-time.ts';
import { DUE_NOTICE_DAYS, installmentState, type InstallmentFacts } from './installment-state.ts';

const open = (dueDate: string, paidCents = 0): InstallmentFacts => ({ dueDate, amountCents: 10_000, paidCents, status: 'due' });

describe('installmentState', () => {
  const today = '2026-12-07';

  it('calls an installment years away upcoming, not due', () => {
    expect(installmentState(open('2029-06-15'), today)).toBe('upcoming');
    expect(installmentState(open('2027-01-07'), today)).toBe('upcoming');
  });

  it('calls it due from DUE_NOTICE_DAYS days before its date through the date itself', () => {
    expect(DUE_NOTICE_DAYS).toBe(7);
    expect(installmentState(open('2026-12-07'), today)).toBe('due');
    expect(installmentState(open('2026-12-14'), today)).toBe('due');
    expect(installmentState(open('2026-12-15'), today)).toBe('upcoming');
  });

  it('calls it overdue from the day after its date, until it is paid', () => {
    expect(installmentState(open('2026-12-06'), today)).toBe('overdue');
    expect(installmentState(open('2026-12-06', 4_000), today)).toBe('overdue');
    expect(installmentState(open('2026-12-06', 10_000), today)).toBe('paid');
    expect(installmentState({ ...open('2020-01-01'), status: 'paid' }, today)).toBe('paid');
  });

  it('calls a part-paid installment that is not late partial, however far away', () => {
    expect(installmentState(open('2026-12-10', 1), today)).toBe('partial');
    expect(installmentState(open('2031-12-10', 1), today)).toBe('partial');
  });

  it('crosses month and year ends by calendar day (31 Dec → 7 Jan)', () => {
    expect(installmentState(open('2027-01-07'), '2026-12-31')).toBe('due');
    expect(installmentState(open('2027-01-08'), '2026-12-31')).toBe('upcoming');
    expect(installmentState(open('2024-03-07'), '2024-02-29')).toBe('due');
  });

  it('follows the distance to the due date on any day', () => {
    const day = fc
      .record({ y: fc.integer({ min: 2000, max: 2090 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(day, fc.integer({ min: -2_000, max: 2_000 }), (t, offset) => {
        const expected = offset < 0 ? 'overdue' : offset <= DUE_NOTICE_DAYS ? 'due' : 'upcoming';
        expect(installmentState(open(addDaysIso(t, offset)), t)).toBe(expected);
      }),
    );
  });
});
