import { beforeAll, describe, expect, it } from 'vitest';
import { type WriteDb, openDatabase } from '../../electron/db/database.ts';
import { migrate } from '../../electron/db/schema/migrate.ts';
import { countMatching, countQuery, listMatching, previewMatching } from '../../electron/db/repos/recall-criteria.ts';
import { seedDemoClinic } from '../../electron/demo/seed.ts';
import { DEMO_CLINIC_ID } from '../../shared/demo-ids.ts';
import { todayIn } from '../../shared/domain/clinic-time.ts';
import {
  type CriteriaClock,
  type PatientFacts,
  type RecallCriteria,
  compileCriteria,
  matchesCriteria,
} from '../../shared/domain/recall-criteria.ts';
import type { RecallRule } from '../../shared/domain/recall-due.ts';
import { visitRows } from './recall-facts-model.ts';

/**
 * The criteria query on a large generated clinic (the demo generator, 20k patients and 120k
 * appointments over five years, the shape the benchmark uses at 10x): every campaign shape
 * selects exactly the patients the pure reference predicate selects over the same rows, and the
 * count reads only the compact recall facts, never the appointments or patients tables.
 */
const NOW = new Date('2026-03-20T09:30:00.000Z');
const SIZES = { patients: 20_000, appointments: 120_000, doctors: 12 };

describe('SQL/recall criteria on a large generated clinic', () => {
  let db: WriteDb;
  let clock: CriteriaClock;
  const facts = new Map<string, PatientFacts>();
  let types: { id: string; name: string }[];
  let doctor: string;

  beforeAll(() => {
    db = openDatabase({ path: ':memory:' });
    migrate(db);
    seedDemoClinic(db, { now: NOW, seed: 11, ...SIZES });
    const timeZone = (db.prepare('SELECT time_zone FROM clinics WHERE id = ?').get(DEMO_CLINIC_ID) as { time_zone: string }).time_zone;
    clock = { today: todayIn(timeZone, NOW), now: NOW.toISOString(), timeZone };
    // The reference reads the rows themselves, in bulk.
    for (const p of db.prepare('SELECT id, birth_date, opt_out, blocked, deleted_at FROM patients').all() as {
      id: string;
      birth_date: string | null;
      opt_out: number;
      blocked: number;
      deleted_at: string | null;
    }[]) {
      facts.set(p.id, { birthDate: p.birth_date, optOut: p.opt_out === 1, blocked: p.blocked === 1, deleted: p.deleted_at !== null, visits: [], plans: [], doneProcedures: [] });
    }
    for (const { patientId, visit } of visitRows(db)) facts.get(patientId)!.visits.push(visit);
    types = db.prepare('SELECT id, name FROM appointment_types ORDER BY name').all() as { id: string; name: string }[];
    // The doctor with the most completed visits, so the doctor filter selects a real share.
    doctor = (
      db.prepare(`SELECT doctor_id FROM appointments WHERE status = 'completed' GROUP BY doctor_id ORDER BY count(*) DESC LIMIT 1`).get() as {
        doctor_id: string;
      }
    ).doctor_id;
  });

  const cleaning = (): RecallRule => ({
    id: 'cleaning',
    name: 'Cleaning',
    intervalMonths: 6,
    basis: 'appointment_types',
    appointmentTypeIds: types.filter((t) => /clean/i.test(t.name)).map((t) => t.id),
  });

  const cases: [string, () => { criteria: RecallCriteria; rule: RecallRule | null }][] = [
    ['overdue cleaning, no future appointment', () => ({ criteria: { due: { kind: 'overdue', days: 0 }, noFutureAppointment: true }, rule: cleaning() })],
    ['overdue by 30 days, aged 18-70', () => ({ criteria: { due: { kind: 'overdue', days: 30 }, ageMin: 18, ageMax: 70 }, rule: cleaning() })],
    ['due within a window', () => ({ criteria: { due: { kind: 'window', from: '2026-04-01', to: '2026-06-30' } }, rule: cleaning() })],
    ['last visit before a date, no future appointment', () => ({ criteria: { lastVisitBefore: '2026-01-01', noFutureAppointment: true }, rule: null })],
    ['saw one doctor, had one of two types', () => ({ criteria: { doctorId: doctor, appointmentTypeIds: types.slice(0, 2).map((t) => t.id) }, rule: null })],
    [
      'a rule of any type, overdue, over 65',
      () => ({ criteria: { due: { kind: 'overdue', days: 60 }, ageMin: 65 }, rule: { ...cleaning(), appointmentTypeIds: [] } }),
    ],
  ];

  it.each(cases)('%s: the same patients as the reference predicate', (_name, make) => {
    const { criteria, rule } = make();
    const compiled = compileCriteria(criteria, rule, clock);
    const expected = [...facts].filter(([, f]) => matchesCriteria(f, criteria, rule, clock)).map(([id]) => id).sort();
    expect(expected.length).toBeGreaterThan(100);
    expect(countMatching(db, DEMO_CLINIC_ID, compiled)).toBe(expected.length);
    const rows = listMatching(db, DEMO_CLINIC_ID, compiled, null);
    expect(rows.map((r) => r.patient_id).sort()).toEqual(expected);
    const preview = previewMatching(db, DEMO_CLINIC_ID, compiled, 50);
    expect(preview.count).toBe(expected.length);
    expect(preview.rows.map((r) => r.patient_id)).toEqual(rows.slice(0, 50).map((r) => r.patient_id));
  });

  it('counts from the recall facts alone, without reading appointments or patients', () => {
    const compiled = compileCriteria({ due: { kind: 'overdue', days: 0 }, noFutureAppointment: true, ageMin: 18 }, cleaning(), clock);
    // The repository's own statement, planned.
    const { sql, params } = countQuery(DEMO_CLINIC_ID, compiled);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail).join(' | ');
    expect(plan).toMatch(/SEARCH recall_type_facts USING PRIMARY KEY \(type_key=\?\)/);
    // f is recall_patient_facts, read by key for each grouped patient.
    expect(plan).toMatch(/SEARCH f USING INTEGER PRIMARY KEY/);
    expect(sql).toMatch(/recall_patient_facts f/);
    expect(plan).not.toMatch(/\bappointments\b/);
    expect(plan).not.toMatch(/\bpatients\b/);
  });
});
