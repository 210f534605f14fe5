import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantToLocalDate } from './clinic-time.ts';
import {
  type CriteriaClock,
  type PatientFacts,
  RecallCriteriaSchema,
  compileCriteria,
  dueReason,
  matchesCriteria,
} from './recall-criteria.ts';
import { type RecallRule, type VisitFact, addMonthsClamped } from './recall-due.ts';

const TZ = 'Europe/Madrid';
const clock: CriteriaClock = { today: '2026-11-23', now: '2026-11-23T10:00:00.000Z', timeZone: TZ };
const rule: RecallRule = { id: 'r', name: 'Cleaning', intervalMonths: 6, basis: 'appointment_types', appointmentTypeIds: ['clean'] };

const visit = (completedAt: string, over: Partial<VisitFact> = {}): VisitFact => ({
  typeId: 'clean',
  doctorId: 'd1',
  status: 'completed',
  startsAt: completedAt,
  endsAt: completedAt,
  completedAt,
  ...over,
});

const patient = (over: Partial<PatientFacts> = {}): PatientFacts => ({
  birthDate: '1980-05-05',
  optOut: false,
  blocked: false,
  deleted: false,
  visits: [visit('2026-05-10T09:00:00.000Z')],
  plans: [],
  doneProcedures: [],
  ...over,
});

describe('RecallCriteriaSchema', () => {
  it('accepts a full criteria object and refuses reversed windows and age ranges', () => {
    const ok = RecallCriteriaSchema.safeParse({
      due: { kind: 'window', from: '2026-11-01', to: '2026-11-30' },
      ageMin: 18,
      ageMax: 65,
      noFutureAppointment: true,
    });
    expect(ok.success).toBe(true);
    const bad = RecallCriteriaSchema.safeParse({ due: { kind: 'window', from: '2026-12-01', to: '2026-11-30' } });
    expect(bad.success || bad.error.issues[0]!.path).toEqual(['due', 'to']);
    expect(RecallCriteriaSchema.safeParse({ ageMin: 70, ageMax: 20 }).success).toBe(false);
    expect(RecallCriteriaSchema.safeParse({ surprise: 1 }).success).toBe(false);
  });
});

describe('matchesCriteria', () => {
  it('always excludes opted-out, blocked and deleted patients, even with no criteria', () => {
    expect(matchesCriteria(patient(), {}, null, clock)).toBe(true);
    expect(matchesCriteria(patient({ optOut: true }), {}, null, clock)).toBe(false);
    expect(matchesCriteria(patient({ blocked: true }), {}, null, clock)).toBe(false);
    expect(matchesCriteria(patient({ deleted: true }), {}, null, clock)).toBe(false);
  });

  it('leaves out patients with no qualifying visit when a recall type is set', () => {
    expect(matchesCriteria(patient({ visits: [] }), {}, rule, clock)).toBe(false);
    expect(matchesCriteria(patient({ visits: [visit('2026-01-01T09:00:00.000Z', { status: 'no_show' })] }), {}, rule, clock)).toBe(false);
    expect(matchesCriteria(patient({ visits: [] }), { lastVisitBefore: '2026-01-01' }, null, clock)).toBe(false);
  });

  it('selects by due window and by days overdue', () => {
    const p = patient(); // last cleaning 10 May → due 10 Nov
    expect(matchesCriteria(p, { due: { kind: 'window', from: '2026-11-10', to: '2026-11-10' } }, rule, clock)).toBe(true);
    expect(matchesCriteria(p, { due: { kind: 'window', from: '2026-11-11', to: '2026-12-31' } }, rule, clock)).toBe(false);
    expect(matchesCriteria(p, { due: { kind: 'overdue', days: 13 } }, rule, clock)).toBe(true);
    expect(matchesCriteria(p, { due: { kind: 'overdue', days: 14 } }, rule, clock)).toBe(false);
  });

  it('uses the clinic-local date of a late-night visit', () => {
    // 22:30 UTC on 9 May is 00:30 on 10 May in Madrid: due 10 Nov, not 9 Nov.
    const p = patient({ visits: [visit('2026-05-09T22:30:00.000Z')] });
    expect(matchesCriteria(p, { due: { kind: 'window', from: '2026-11-10', to: '2026-11-10' } }, rule, clock)).toBe(true);
    const ny = { ...clock, timeZone: 'America/New_York' };
    expect(matchesCriteria(p, { due: { kind: 'window', from: '2026-11-09', to: '2026-11-09' } }, rule, ny)).toBe(true);
  });

  it('applies age, doctor, type, procedure and future-appointment conditions', () => {
    const p = patient({ birthDate: '2008-11-24', doneProcedures: ['Crown'] });
    expect(matchesCriteria(p, { ageMin: 18 }, null, clock)).toBe(false); // 18 tomorrow
    expect(matchesCriteria(p, { ageMax: 17 }, null, clock)).toBe(true);
    expect(matchesCriteria(patient({ birthDate: null }), { ageMin: 1 }, null, clock)).toBe(false);
    expect(matchesCriteria(p, { doctorId: 'd1' }, null, clock)).toBe(true);
    expect(matchesCriteria(p, { doctorId: 'd2' }, null, clock)).toBe(false);
    expect(matchesCriteria(p, { appointmentTypeIds: ['x'] }, null, clock)).toBe(false);
    expect(matchesCriteria(p, { procedures: ['crown'] }, null, clock)).toBe(true);
    const booked = patient({ visits: [visit('2026-05-10T09:00:00.000Z'), visit('2026-12-01T09:00:00.000Z', { status: 'scheduled', completedAt: null })] });
    expect(matchesCriteria(booked, { noFutureAppointment: true }, null, clock)).toBe(false);
  });
});

describe('compileCriteria', () => {
  const instant = fc
    .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-06-01T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString());
  const day = fc.integer({ min: 0, max: 500 }).map((n) => dayAfter('2025-06-01', n));
  function dayAfter(d: string, n: number): string {
    return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  }

  it('turns due windows into instant bounds that agree with the per-patient rule (property)', () => {
    fc.assert(
      fc.property(instant, day, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 24 }), fc.constantFrom(TZ, 'America/New_York', 'Asia/Tokyo'), (at, from, len, months, tz) => {
        const to = dayAfter(from, len);
        const r = { ...rule, intervalMonths: months };
        const ck = { ...clock, timeZone: tz };
        const crit = { due: { kind: 'window' as const, from, to } };
        const c = compileCriteria(crit, r, ck);
        const inBounds = at >= c.basisFrom! && at < c.basisBefore!;
        const due = addMonthsClamped(instantToLocalDate(at, tz), months);
        expect(inBounds).toBe(due >= from && due <= to);
        expect(matchesCriteria(patient({ visits: [visit(at)] }), crit, r, ck)).toBe(inBounds);
      }),
    );
  });

  it('turns age ranges into birth-date bounds that agree with counted ages (property)', () => {
    const birth = fc.date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2026-11-23T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(birth, fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 30 }), (b, min, span) => {
        const crit = { ageMin: min, ageMax: min + span };
        const c = compileCriteria(crit, null, clock);
        expect(b >= c.birthFrom! && b < c.birthBefore!).toBe(matchesCriteria(patient({ birthDate: b }), crit, null, clock));
      }),
    );
  });
});

describe('dueReason', () => {
  it('names the recall and date, else the last visit', () => {
    expect(dueReason('Cleaning', '2026-11-10', '2026-05-10')).toBe('Cleaning due 2026-11-10');
    expect(dueReason(null, null, '2026-05-10')).toBe('Last visit 2026-05-10');
    expect(dueReason(null, null, null)).toBe('No visit on record');
  });
});
