import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type RecallRule,
  type VisitFact,
  addDaysUtc,
  addMonthsClamped,
  ageOn,
  daysUntil,
  dueDateFor,
  earliestBasisFor,
} from './recall-due.ts';

const MADRID = 'Europe/Madrid';
const cleaning: RecallRule = { id: 'r1', name: 'Cleaning', intervalMonths: 6, basis: 'appointment_types', appointmentTypeIds: ['t-clean'] };

const visit = (over: Partial<VisitFact>): VisitFact => ({
  typeId: 't-clean',
  doctorId: 'd1',
  status: 'completed',
  startsAt: '2026-01-10T09:00:00.000Z',
  endsAt: '2026-01-10T09:30:00.000Z',
  completedAt: '2026-01-10T09:31:00.000Z',
  ...over,
});

const isoDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('addMonthsClamped', () => {
  it('clamps to the end of a shorter month, leap years included', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-11-15', 14)).toBe('2028-01-15');
  });

  it('never changes the day unless the target month is too short (property)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -240, max: 240 }), (d, n) => {
        const r = addMonthsClamped(d, n);
        const [y, m, day] = d.split('-').map(Number) as [number, number, number];
        const [ry, rm, rday] = r.split('-').map(Number) as [number, number, number];
        expect((ry - y) * 12 + (rm - m)).toBe(n);
        if (rday !== day) {
          expect(rday).toBeLessThan(day);
          expect(addDaysUtc(r, 1).slice(8)).toBe('01'); // clamped to the month's last day
        }
      }),
    );
  });

  it('is monotonic, so due-date filters become ranges on the basis date (property)', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: 1, max: 120 }), (a, b, n) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addMonthsClamped(lo, n) <= addMonthsClamped(hi, n)).toBe(true);
      }),
    );
  });
});

describe('earliestBasisFor', () => {
  it('is the first basis date whose due date reaches the target (property)', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 1560 }), (due, n) => {
        const x = earliestBasisFor(due, n);
        expect(addMonthsClamped(x, n) >= due).toBe(true);
        expect(addMonthsClamped(addDaysUtc(x, -1), n) < due).toBe(true);
      }),
    );
  });

  it('skips the dates a clamped month cannot reach', () => {
    // Nothing in February + 1 month lands on 31 March: the first basis that does is 1 March.
    expect(earliestBasisFor('2026-03-31', 1)).toBe('2026-03-01');
    expect(earliestBasisFor('2026-03-28', 1)).toBe('2026-02-28');
  });
});

describe('dueDateFor', () => {
  it('counts from the last completed appointment of the listed types', () => {
    const due = dueDateFor(
      cleaning,
      [
        visit({ completedAt: '2025-03-01T10:00:00.000Z' }),
        visit({ completedAt: '2025-08-31T10:00:00.000Z' }),
        visit({ completedAt: '2025-12-01T10:00:00.000Z', status: 'no_show' }),
        visit({ completedAt: '2025-11-01T10:00:00.000Z', typeId: 't-other' }),
      ],
      [],
      MADRID,
    );
    expect(due).toEqual({ recallTypeId: 'r1', recallTypeName: 'Cleaning', basisDate: '2025-08-31', dueDate: '2026-02-28' });
  });

  it('uses the local date in the clinic time zone, not the UTC date', () => {
    // 23:30 UTC on 31 Jan is 00:30 on 1 Feb in Madrid but still 31 Jan in New York.
    const late = [visit({ completedAt: '2026-01-31T23:30:00.000Z' })];
    expect(dueDateFor(cleaning, late, [], MADRID)?.basisDate).toBe('2026-02-01');
    expect(dueDateFor(cleaning, late, [], MADRID)?.dueDate).toBe('2026-08-01');
    expect(dueDateFor(cleaning, late, [], 'America/New_York')?.dueDate).toBe('2026-07-31');
    // A summer evening: 22:30 UTC on 30 June is 00:30 on 1 July in Madrid (UTC+2).
    expect(dueDateFor(cleaning, [visit({ completedAt: '2026-06-30T22:30:00.000Z' })], [], MADRID)?.basisDate).toBe('2026-07-01');
  });

  it('falls back to the end time for a completed row without completed_at', () => {
    const v = visit({ completedAt: null, endsAt: '2026-03-10T10:00:00.000Z' });
    expect(dueDateFor(cleaning, [v], [], MADRID)?.basisDate).toBe('2026-03-10');
  });

  it('gives no due date to a patient with no qualifying visit', () => {
    expect(dueDateFor(cleaning, [], [], MADRID)).toBeNull();
    expect(dueDateFor(cleaning, [visit({ status: 'cancelled' }), visit({ typeId: null })], [], MADRID)).toBeNull();
    const plan: RecallRule = { ...cleaning, basis: 'treatment_plan', intervalMonths: 12 };
    expect(dueDateFor(plan, [visit({})], [{ status: 'in_progress', completedAt: '2025-01-01T10:00:00.000Z' }], MADRID)).toBeNull();
  });

  it('counts any type when the rule lists none, and from the last completed plan for plan rules', () => {
    const any: RecallRule = { ...cleaning, appointmentTypeIds: [] };
    expect(dueDateFor(any, [visit({ typeId: 't-x' })], [], MADRID)?.dueDate).toBe('2026-07-10');
    const plan: RecallRule = { ...cleaning, basis: 'treatment_plan', intervalMonths: 12 };
    const plans = [
      { status: 'completed', completedAt: '2024-05-20T10:00:00.000Z' },
      { status: 'completed', completedAt: '2025-02-28T10:00:00.000Z' },
      { status: 'cancelled', completedAt: '2025-09-01T10:00:00.000Z' },
    ];
    expect(dueDateFor(plan, [], plans, MADRID)?.dueDate).toBe('2026-02-28');
  });

  it('is never before the basis and grows with the interval (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 119 }),
        fc.constantFrom('Europe/Madrid', 'America/New_York', 'Pacific/Auckland', 'UTC'),
        (at, n, tz) => {
          const v = [visit({ completedAt: at.toISOString() })];
          const a = dueDateFor({ ...cleaning, intervalMonths: n }, v, [], tz)!;
          const b = dueDateFor({ ...cleaning, intervalMonths: n + 1 }, v, [], tz)!;
          expect(a.dueDate > a.basisDate).toBe(true);
          expect(b.dueDate > a.dueDate).toBe(true);
          expect(daysUntil(a.dueDate, a.basisDate)).toBeGreaterThanOrEqual(28 * n - 3);
          expect(daysUntil(a.dueDate, a.basisDate)).toBeLessThanOrEqual(31 * n + 1);
        },
      ),
    );
  });
});

describe('ageOn', () => {
  it('counts whole years, with a leap-day birthday turning older on 28 February', () => {
    expect(ageOn('2000-06-15', '2026-06-14')).toBe(25);
    expect(ageOn('2000-06-15', '2026-06-15')).toBe(26);
    expect(ageOn('2000-02-29', '2001-02-27')).toBe(0);
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(1);
    expect(ageOn('2026-06-15', '2026-06-15')).toBe(0);
  });
});
