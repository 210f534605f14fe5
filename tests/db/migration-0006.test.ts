import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase, type WriteDb } from '../../electron/db/database.ts';
import { migrate } from '../../electron/db/migrate.ts';
import { FX, freshDb, seedFixture, T0 } from './fixtures.ts';
import { addPatient, addType, addVisit } from './recall-fixtures.ts';

/**
 * Migration 0006's recall facts are derived data kept by triggers. Whatever any writer does to
 * patients and appointments (insert, every kind of update, soft and hard delete), the facts must
 * equal what a from-scratch computation over the rows gives, and the backfill must give the same.
 */
const OPEN = new Set(['scheduled', 'confirmed', 'arrived', 'in_progress']);
const STATUSES = ['scheduled', 'confirmed', 'arrived', 'in_progress', 'completed', 'cancelled', 'no_show'] as const;

interface Facts {
  patients: Record<string, { clinic: string; eligible: number; birth: string | null; lastVisit: number | null; lastOpen: number | null }>;
  types: Record<string, number>;
  doctors: string[];
}

/** The facts as the tables hold them, by id. */
function storedFacts(db: WriteDb): Facts {
  const patients: Facts['patients'] = {};
  const rows = db
    .prepare(
      `SELECT k.id, c.id AS clinic, f.eligible, f.birth_date, f.last_visit_ms, f.last_open_ms
       FROM recall_patient_facts f JOIN recall_keys k ON k.key = f.patient_key JOIN recall_keys c ON c.key = f.clinic_key`,
    )
    .all() as { id: string; clinic: string; eligible: number; birth_date: string | null; last_visit_ms: number | null; last_open_ms: number | null }[];
  for (const r of rows) patients[r.id] = { clinic: r.clinic, eligible: r.eligible, birth: r.birth_date, lastVisit: r.last_visit_ms, lastOpen: r.last_open_ms };
  const types: Facts['types'] = {};
  for (const r of db
    .prepare(
      `SELECT t.id AS type, p.id AS patient, f.last_visit_ms AS at FROM recall_type_facts f
       JOIN recall_keys t ON t.key = f.type_key JOIN recall_keys p ON p.key = f.patient_key`,
    )
    .all() as { type: string; patient: string; at: number }[]) {
    types[`${r.type}/${r.patient}`] = r.at;
  }
  const doctors = (
    db
      .prepare(
        `SELECT d.id AS doctor, p.id AS patient FROM recall_doctor_facts f
         JOIN recall_keys d ON d.key = f.doctor_key JOIN recall_keys p ON p.key = f.patient_key`,
      )
      .all() as { doctor: string; patient: string }[]
  )
    .map((r) => `${r.doctor}/${r.patient}`)
    .sort();
  return { patients, types, doctors };
}

/** The facts computed in JavaScript from the rows themselves. */
function expectedFacts(db: WriteDb): Facts {
  const patients: Facts['patients'] = {};
  for (const p of db.prepare('SELECT * FROM patients').all() as Record<string, string | number | null>[]) {
    patients[p.id as string] = {
      clinic: p.clinic_id as string,
      eligible: p.deleted_at === null && p.opt_out === 0 && p.blocked === 0 ? 1 : 0,
      birth: p.birth_date as string | null,
      lastVisit: null,
      lastOpen: null,
    };
  }
  const types: Facts['types'] = {};
  const doctors = new Set<string>();
  const later = (a: number | null, b: number) => (a === null || b > a ? b : a);
  for (const a of db.prepare('SELECT * FROM appointments WHERE deleted_at IS NULL').all() as Record<string, string | null>[]) {
    const p = patients[a.patient_id!]!;
    if (a.status === 'completed') {
      const at = Date.parse(a.completed_at ?? a.ends_at!);
      p.lastVisit = later(p.lastVisit, at);
      if (a.appointment_type_id) types[`${a.appointment_type_id}/${a.patient_id}`] = later(types[`${a.appointment_type_id}/${a.patient_id}`] ?? null, at);
      doctors.add(`${a.doctor_id}/${a.patient_id}`);
    }
    if (OPEN.has(a.status!)) p.lastOpen = later(p.lastOpen, Date.parse(a.starts_at!));
  }
  return { patients, types, doctors: [...doctors].sort() };
}

const instant = fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }).map((t) => new Date(t).toISOString());

type Op =
  | { kind: 'insert'; patient: number; type: number; doctor: number; status: (typeof STATUSES)[number]; at: string; completedAt: string | null; deleted: boolean }
  | { kind: 'status'; appt: number; status: (typeof STATUSES)[number]; completedAt: string | null }
  | { kind: 'move'; appt: number; at: string }
  | { kind: 'retime'; appt: number; completedAt: string | null }
  | { kind: 'reassign'; appt: number; patient: number; type: number; doctor: number }
  | { kind: 'softDelete'; appt: number; deleted: boolean }
  | { kind: 'hardDelete'; appt: number }
  | { kind: 'patient'; patient: number; optOut: boolean; blocked: boolean; deleted: boolean; birth: string | null };

const idx = fc.nat({ max: 50 });
// Completed and open visits are the ones the facts are about: drawn more often.
const status = fc.constantFrom<(typeof STATUSES)[number]>(...STATUSES, 'completed', 'completed', 'completed', 'scheduled');
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    patient: idx,
    type: fc.nat({ max: 3 }),
    doctor: fc.nat({ max: 1 }),
    status: status,
    at: instant,
    completedAt: fc.option(instant),
    deleted: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('status' as const), appt: idx, status, completedAt: fc.option(instant) }),
  fc.record({ kind: fc.constant('move' as const), appt: idx, at: instant }),
  fc.record({ kind: fc.constant('retime' as const), appt: idx, completedAt: fc.option(instant) }),
  fc.record({ kind: fc.constant('reassign' as const), appt: idx, patient: idx, type: fc.nat({ max: 3 }), doctor: fc.nat({ max: 1 }) }),
  fc.record({ kind: fc.constant('softDelete' as const), appt: idx, deleted: fc.boolean() }),
  fc.record({ kind: fc.constant('hardDelete' as const), appt: idx }),
  fc.record({
    kind: fc.constant('patient' as const),
    patient: idx,
    optOut: fc.boolean(),
    blocked: fc.boolean(),
    deleted: fc.boolean(),
    birth: fc.option(fc.constantFrom('1950-05-01', '2000-02-29', '2019-12-31')),
  }),
);

function apply(db: WriteDb, o: Op, patients: string[], types: (string | null)[], appts: string[]): void {
  const doctors = [FX.doctorA, FX.doctorB];
  const appt = 'appt' in o ? appts[o.appt % Math.max(1, appts.length)] : undefined;
  const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args);
  switch (o.kind) {
    case 'insert':
      appts.push(
        addVisit(db, patients[o.patient % patients.length]!, {
          at: o.at,
          status: o.status,
          typeId: types[o.type]!,
          doctorId: doctors[o.doctor]!,
          completedAt: o.status === 'completed' ? o.completedAt : null,
          deleted: o.deleted,
        }),
      );
      return;
    case 'patient':
      run(
        'UPDATE patients SET opt_out = ?, blocked = ?, deleted_at = ?, birth_date = ? WHERE id = ?',
        Number(o.optOut),
        Number(o.blocked),
        o.deleted ? T0 : null,
        o.birth,
        patients[o.patient % patients.length],
      );
      return;
  }
  if (!appt) return;
  if (o.kind === 'status') run('UPDATE appointments SET status = ?, completed_at = ? WHERE id = ?', o.status, o.completedAt, appt);
  if (o.kind === 'retime') run('UPDATE appointments SET completed_at = ? WHERE id = ?', o.completedAt, appt);
  if (o.kind === 'move') run(`UPDATE appointments SET starts_at = ?, ends_at = strftime('%Y-%m-%dT%H:%M:%fZ', ?, '+30 minutes') WHERE id = ?`, o.at, o.at, appt);
  if (o.kind === 'reassign') {
    run(
      'UPDATE appointments SET patient_id = ?, appointment_type_id = ?, doctor_id = ? WHERE id = ?',
      patients[o.patient % patients.length],
      types[o.type],
      doctors[o.doctor],
      appt,
    );
  }
  if (o.kind === 'softDelete') run('UPDATE appointments SET deleted_at = ? WHERE id = ?', o.deleted ? T0 : null, appt);
  if (o.kind === 'hardDelete') {
    run('DELETE FROM appointments WHERE id = ?', appt);
    appts.splice(appts.indexOf(appt), 1);
  }
}

describe('SQL/migration 0006 recall facts', () => {
  it('keeps the facts equal to a fresh computation through any sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const db = freshDb();
        seedFixture(db);
        db.prepare('DELETE FROM appointments').run();
        const patients = Array.from({ length: 6 }, (_, i) => addPatient(db, { first: `P${i}` }));
        const types = [FX.type, addType(db, 'Check-up'), addType(db, 'Filling'), null];
        const appts: string[] = [];
        for (const o of ops) apply(db, o, patients, types, appts);
        expect(storedFacts(db)).toEqual(expectedFacts(db));
        db.close();
      }),
      { numRuns: 200 },
    );
  });

  it('forgets a hard-deleted patient', () => {
    const db = freshDb();
    seedFixture(db);
    const id = addPatient(db);
    expect(storedFacts(db).patients[id]).toBeDefined();
    db.prepare('DELETE FROM patients WHERE id = ?').run(id);
    expect(storedFacts(db).patients[id]).toBeUndefined();
    expect(storedFacts(db)).toEqual(expectedFacts(db));
  });

  it('fills the facts for the rows of a version-5 database', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db, { upTo: 5 });
    seedFixture(db);
    const types = [FX.type, addType(db, 'Check-up')];
    for (let i = 0; i < 20; i++) {
      const p = addPatient(db, { first: `P${i}`, optOut: i % 7 === 0, deleted: i % 9 === 0 });
      for (let v = 0; v < i % 4; v++) {
        addVisit(db, p, {
          at: new Date(Date.parse('2025-01-01T10:00:00Z') + (i * 13 + v) * 86_400_000).toISOString(),
          status: STATUSES[(i + v) % STATUSES.length],
          typeId: v === 2 ? null : types[v % 2]!,
          doctorId: v % 2 ? FX.doctorA : FX.doctorB,
        });
      }
    }
    migrate(db, { upTo: 6 });
    const stored = storedFacts(db);
    expect(Object.keys(stored.patients).length).toBeGreaterThan(20);
    expect(stored.doctors.length).toBeGreaterThan(0);
    expect(stored).toEqual(expectedFacts(db));
  });
});
