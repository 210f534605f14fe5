import fc from 'fast-check';
import type { WriteDb } from '../../electron/db/database.ts';
import type { VisitFact } from '../../shared/domain/recall-due.ts';
import { FX, T0 } from './fixtures.ts';
import { addPatient, addType, addVisit } from './recall-fixtures.ts';

/**
 * A model of the recall facts (migration 0006) for tests: the facts as stored, the facts computed
 * from the rows in JavaScript, and random writes of every kind to drive them apart.
 */
const OPEN = new Set(['scheduled', 'confirmed', 'arrived', 'in_progress']);
export const STATUSES = ['scheduled', 'confirmed', 'arrived', 'in_progress', 'completed', 'cancelled', 'no_show'] as const;

export interface Facts {
  patients: Record<string, { clinic: string; eligible: number; birth: string | null; lastVisit: number | null; lastOpen: number | null }>;
  types: Record<string, number>;
  doctors: string[];
}

/** The facts as the tables hold them, by id. */
export function storedFacts(db: WriteDb): Facts {
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
export function expectedFacts(db: WriteDb): Facts {
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

export type Op =
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
export const op: fc.Arbitrary<Op> = fc.oneof(
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

export function applyOp(db: WriteDb, o: Op, patients: string[], types: (string | null)[], appts: string[]): void {
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

/** A clinic with six patients and four kinds of visit type (one untyped), no appointments yet. */
export function factsClinic(db: WriteDb): { patients: string[]; types: (string | null)[] } {
  db.prepare('DELETE FROM appointments').run();
  const patients = Array.from({ length: 6 }, (_, i) => addPatient(db, { first: `P${i}` }));
  return { patients, types: [FX.type, addType(db, 'Check-up'), addType(db, 'Filling'), null] };
}

/** Every live appointment as the recall rules see it, with its patient: a reference read straight from the rows. */
export function visitRows(db: WriteDb): { patientId: string; visit: VisitFact }[] {
  const rows = db
    .prepare(
      `SELECT patient_id, appointment_type_id, doctor_id, status, starts_at, ends_at, completed_at
       FROM appointments WHERE deleted_at IS NULL`,
    )
    .all() as { patient_id: string; appointment_type_id: string | null; doctor_id: string; status: string; starts_at: string; ends_at: string; completed_at: string | null }[];
  return rows.map((a) => ({
    patientId: a.patient_id,
    visit: { typeId: a.appointment_type_id, doctorId: a.doctor_id, status: a.status, startsAt: a.starts_at, endsAt: a.ends_at, completedAt: a.completed_at },
  }));
}
