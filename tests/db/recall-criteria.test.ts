import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WriteDb } from '../../electron/db/database.ts';
import { countMatching, listMatching, previewMatching } from '../../electron/db/repos/recall-criteria.ts';
import {
  type CriteriaClock,
  type PatientFacts,
  type RecallCriteria,
  compileCriteria,
  matchesCriteria,
} from '../../shared/domain/recall-criteria.ts';
import type { RecallRule, VisitFact } from '../../shared/domain/recall-due.ts';
import { FX, freshDb, seedFixture } from './fixtures.ts';
import { addCompletedPlan, addPatient, addType, addVisit } from './recall-fixtures.ts';

/**
 * The criteria SQL against the pure reference predicate on a generated clinic: random histories
 * with visits around local midnight (Madrid), leap-day birthdays, deleted rows, opted-out and
 * blocked patients, patients with no visits, completed plans with and without linked visits.
 */
const clock: CriteriaClock = { today: '2026-11-23', now: '2026-11-23T10:00:00.000Z', timeZone: 'Europe/Madrid' };

function mulberry(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('SQL/recall criteria', () => {
  let db: WriteDb;
  let types: string[];
  const facts = new Map<string, PatientFacts>();

  beforeAll(() => {
    db = freshDb();
    seedFixture(db);
    types = [FX.type, addType(db, 'Check-up'), addType(db, 'Filling')];
    const r = mulberry(42);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const dayMs = 86_400_000;
    const base = Date.parse('2024-06-01T00:00:00.000Z');
    db.prepare('DELETE FROM appointments').run();
    db.prepare('DELETE FROM patients').run();
    for (let i = 0; i < 400; i++) {
      const birth = r() < 0.05 ? null : r() < 0.05 ? '2000-02-29' : new Date(Date.parse('1940-01-01') + Math.floor(r() * 30_000) * dayMs).toISOString().slice(0, 10);
      const p: PatientFacts = { birthDate: birth, optOut: r() < 0.05, blocked: r() < 0.05, deleted: r() < 0.03, visits: [], plans: [], doneProcedures: [] };
      const id = addPatient(db, { birthDate: birth, optOut: p.optOut, blocked: p.blocked, deleted: p.deleted, first: `P${i}` });
      const n = Math.floor(r() * 5);
      for (let v = 0; v < n; v++) {
        // Half the visits end within an hour of local midnight, to catch UTC-date mistakes.
        const day = base + Math.floor(r() * 1000) * dayMs;
        const at = new Date(day + (r() < 0.5 ? 22 * 3_600_000 + Math.floor(r() * 120) * 60_000 : 9 * 3_600_000)).toISOString();
        const status = pick(['completed', 'completed', 'completed', 'cancelled', 'no_show', 'scheduled']);
        const typeId = r() < 0.1 ? null : pick(types);
        const doctorId = pick([FX.doctorA, FX.doctorB]);
        const deleted = r() < 0.03;
        const completedAt = status === 'completed' ? (r() < 0.1 ? null : new Date(Date.parse(at) + 35 * 60_000).toISOString()) : null;
        const apptId = addVisit(db, id, { at, status, typeId, doctorId, completedAt, deleted });
        if (!deleted) {
          const ends = new Date(Date.parse(at) + 30 * 60_000).toISOString();
          p.visits.push({ typeId, doctorId, status, startsAt: at, endsAt: ends, completedAt } satisfies VisitFact);
        }
        if (!deleted && status === 'completed' && r() < 0.2) {
          const updated = new Date(Date.parse(at) + 3 * dayMs).toISOString();
          addCompletedPlan(db, id, updated, pick(['Crown', 'Implant']), apptId);
          p.plans.push({ status: 'completed', completedAt: completedAt ?? new Date(Date.parse(at) + 30 * 60_000).toISOString() });
        }
      }
      if (r() < 0.05) {
        const updated = new Date(base + Math.floor(r() * 800) * dayMs).toISOString();
        addCompletedPlan(db, id, updated, 'Implant');
        p.plans.push({ status: 'completed', completedAt: updated });
      }
      const procs = db
        .prepare(
          `SELECT s.procedure FROM treatment_steps s JOIN treatment_plans tp ON tp.id = s.treatment_plan_id WHERE tp.patient_id = ?`,
        )
        .all(id) as { procedure: string }[];
      p.doneProcedures = procs.map((x) => x.procedure);
      facts.set(id, p);
    }
  });

  const day = fc.integer({ min: 0, max: 1100 }).map((n) => new Date(Date.parse('2025-01-01') + n * 86_400_000).toISOString().slice(0, 10));
  const criteriaArb = fc.record(
    {
      due: fc.oneof(
        fc.tuple(day, fc.integer({ min: 0, max: 120 })).map(([from, len]) => ({
          kind: 'window' as const,
          from,
          to: new Date(Date.parse(from) + len * 86_400_000).toISOString().slice(0, 10),
        })),
        fc.integer({ min: 0, max: 400 }).map((days) => ({ kind: 'overdue' as const, days })),
      ),
      lastVisitBefore: day,
      appointmentTypeIds: fc.constantFrom<string[]>([FX.type], [FX.type, FX.type.replace('f001', 'ffff')]),
      procedures: fc.constantFrom<string[]>(['crown'], ['Implant', 'bridge']),
      doctorId: fc.constantFrom(FX.doctorA, FX.doctorB),
      ageMin: fc.integer({ min: 0, max: 60 }),
      ageMax: fc.integer({ min: 60, max: 100 }),
      noFutureAppointment: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const ruleArb = fc.option(
    fc.record({
      id: fc.constant('r'),
      name: fc.constant('Rule'),
      intervalMonths: fc.integer({ min: 1, max: 24 }),
      basis: fc.constantFrom('appointment_types' as const, 'treatment_plan' as const),
      appointmentTypeIds: fc.constantFrom<string[]>([], [FX.type], [FX.type, FX.doctorA]),
    }),
    { nil: null },
  );

  it('selects exactly the patients the reference predicate selects (property)', () => {
    fc.assert(
      fc.property(criteriaArb, ruleArb, (raw, rule: RecallRule | null) => {
        const criteria: RecallCriteria = rule ? raw : { ...raw, due: undefined };
        const compiled = compileCriteria(criteria, rule, clock);
        const expected = [...facts].filter(([, f]) => matchesCriteria(f, criteria, rule, clock)).map(([id]) => id).sort();
        const rows = listMatching(db, FX.clinic, compiled, null);
        expect(rows.map((x) => x.patient_id).sort()).toEqual(expected);
        expect(countMatching(db, FX.clinic, compiled)).toBe(expected.length);
        const preview = previewMatching(db, FX.clinic, compiled, 50);
        expect(preview.count).toBe(expected.length);
        expect(preview.rows.map((x) => x.patient_id)).toEqual(rows.slice(0, 50).map((x) => x.patient_id));
      }),
      { numRuns: 150 },
    );
  });

  it('matches a real share of the clinic for common criteria, so the property is not vacuous', () => {
    const rule: RecallRule = { id: 'r', name: 'Cleaning', intervalMonths: 6, basis: 'appointment_types', appointmentTypeIds: [FX.type] };
    const n = countMatching(db, FX.clinic, compileCriteria({ due: { kind: 'overdue', days: 0 } }, rule, clock));
    expect(n).toBeGreaterThan(40);
    expect(n).toBeLessThan(350);
  });

  it('uses the partial covering index for completed visits when migration 0004 is present', () => {
    const hasIndex = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'appointments_completed_by_patient'`).get();
    const compiled = compileCriteria({ lastVisitBefore: '2026-01-01' }, null, clock);
    const rows = listMatching(db, FX.clinic, compiled, 5);
    expect(rows.length).toBeLessThanOrEqual(5);
    if (hasIndex) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT patient_id, MAX(COALESCE(completed_at, ends_at)) FROM appointments WHERE status = 'completed' AND deleted_at IS NULL GROUP BY patient_id`).all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX appointments_completed_by_patient/);
    }
  });
});
