import type { Instant, IsoDate } from '../../../shared/domain/clinic-time.ts';
import type { CompiledCriteria } from '../../../shared/domain/recall-criteria.ts';
import type { PlanFact, VisitFact } from '../../../shared/domain/recall-due.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

/**
 * The recall criteria as ONE SQL statement. Everything about completed appointments (last
 * qualifying visit, last visit of any type, "saw this doctor", "had one of these types") comes
 * from a single grouped scan of the partial covering index appointments_completed_by_patient
 * (migration 0004), so the count stays ~100-200 ms at 200k patients / 1M appointments. Date
 * conditions arrive pre-compiled as instant/date bounds (shared/domain/recall-criteria.ts).
 */
export interface CriteriaMatchRow {
  patient_id: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  email: string | null;
  birth_date: IsoDate | null;
  preferred_channel: 'phone' | 'sms' | 'whatsapp' | 'email';
  /** Last qualifying instant for the rule (null without a rule). */
  basis_last: Instant | null;
  /** Last completed visit of any type. */
  any_last: Instant | null;
}

const VISIT_AT = 'COALESCE(completed_at, ends_at)';
/** A plan is completed when its last done step's visit was; without a linked visit, at its last update. */
const PLAN_DONE_AT = `COALESCE((SELECT MAX(COALESCE(a.completed_at, a.ends_at)) FROM treatment_steps s
     JOIN appointments a ON a.id = s.appointment_id
     WHERE s.treatment_plan_id = tp.id AND s.status = 'done' AND s.deleted_at IS NULL AND a.deleted_at IS NULL),
   tp.updated_at)`;

function addCond(clauses: string[], params: unknown[], clause: string, value: unknown): void {
  clauses.push(clause);
  params.push(value);
}

const marks = (n: number) => Array(n).fill('?').join(', ');

interface Built {
  sql: string;
  params: unknown[];
}

function build(c: CompiledCriteria, clinicId: string, select: 'count' | 'rows' | 'counted_rows'): Built {
  const params: unknown[] = [];
  const ctes: string[] = [];
  const sources: string[] = [];
  const where: string[] = ['p.clinic_id = ?', 'p.deleted_at IS NULL', 'p.opt_out = 0', 'p.blocked = 0'];
  const rule = c.rule;
  const typeRule = rule?.basis === 'appointment_types';
  const planRule = rule?.basis === 'treatment_plan';

  // One grouped scan over completed visits, only when a condition needs it (or to show rows).
  const needVisits = typeRule || c.lastVisitBefore !== null || c.doctorId !== null || c.appointmentTypeIds !== null;
  if (needVisits) {
    const cols = [`MAX(${VISIT_AT}) AS any_last`];
    const colParams: unknown[] = [];
    const having: string[] = [];
    const havingParams: unknown[] = [];
    if (typeRule) {
      const ids = rule.appointmentTypeIds;
      cols.push(
        ids.length > 0
          ? `MAX(CASE WHEN appointment_type_id IN (${marks(ids.length)}) THEN ${VISIT_AT} END) AS basis_last`
          : `MAX(${VISIT_AT}) AS basis_last`,
      );
      colParams.push(...ids);
      having.push('basis_last IS NOT NULL');
      if (c.basisFrom) addCond(having, havingParams, 'basis_last >= ?', c.basisFrom);
      if (c.basisBefore) addCond(having, havingParams, 'basis_last < ?', c.basisBefore);
    }
    if (c.lastVisitBefore) addCond(having, havingParams, 'any_last < ?', c.lastVisitBefore);
    if (c.doctorId) {
      cols.push('MAX(doctor_id = ?) AS with_doctor');
      colParams.push(c.doctorId);
      having.push('with_doctor = 1');
    }
    if (c.appointmentTypeIds) {
      cols.push(`MAX(appointment_type_id IN (${marks(c.appointmentTypeIds.length)})) AS had_type`);
      colParams.push(...c.appointmentTypeIds);
      having.push('had_type = 1');
    }
    params.push(...colParams, ...havingParams);
    ctes.push(
      `v AS (SELECT patient_id, ${cols.join(', ')} FROM appointments
             WHERE status = 'completed' AND deleted_at IS NULL
             GROUP BY patient_id${having.length > 0 ? ` HAVING ${having.join(' AND ')}` : ''})`,
    );
    sources.push('v');
  }
  if (planRule) {
    const having: string[] = [];
    const planParams: unknown[] = [clinicId];
    if (c.basisFrom) addCond(having, planParams, 'basis_last >= ?', c.basisFrom);
    if (c.basisBefore) addCond(having, planParams, 'basis_last < ?', c.basisBefore);
    ctes.push(
      `pb AS (SELECT tp.patient_id, MAX(${PLAN_DONE_AT}) AS basis_last FROM treatment_plans tp
              WHERE tp.clinic_id = ? AND tp.status = 'completed' AND tp.deleted_at IS NULL
              GROUP BY tp.patient_id${having.length > 0 ? ` HAVING ${having.join(' AND ')}` : ''})`,
    );
    params.push(...planParams);
    sources.push('pb');
  }
  params.push(clinicId);
  if (c.birthFrom) addCond(where, params, 'p.birth_date >= ?', c.birthFrom);
  if (c.birthBefore) addCond(where, params, 'p.birth_date < ?', c.birthBefore);
  if (c.procedures) {
    where.push(`EXISTS (SELECT 1 FROM treatment_plans tp2 JOIN treatment_steps s2 ON s2.treatment_plan_id = tp2.id
      WHERE tp2.patient_id = p.id AND tp2.deleted_at IS NULL AND s2.deleted_at IS NULL AND s2.status = 'done'
        AND lower(s2.procedure) IN (${marks(c.procedures.length)}))`);
    params.push(...c.procedures);
  }
  if (c.futureFrom) {
    // One range scan of the (few) future appointments into a set, not a probe per patient.
    where.push(`p.id NOT IN (SELECT f.patient_id FROM appointments f WHERE f.clinic_id = ? AND f.starts_at >= ?
      AND f.status IN ('scheduled', 'confirmed', 'arrived', 'in_progress') AND f.deleted_at IS NULL)`);
    params.push(clinicId, c.futureFrom);
  }
  const basis = typeRule ? 'v.basis_last' : planRule ? 'pb.basis_last' : 'NULL';
  const head = ctes.length > 0 ? `WITH ${ctes.join(', ')} ` : '';
  const anyLast = sources.includes('v')
    ? 'v.any_last'
    : `(SELECT MAX(${VISIT_AT}) FROM appointments a WHERE a.patient_id = p.id AND a.status = 'completed' AND a.deleted_at IS NULL)`;
  const cols =
    select === 'count'
      ? 'count(*) AS n'
      : `p.id AS patient_id, p.first_name, p.last_name, p.phone, p.email, p.birth_date, p.preferred_channel,
         ${basis} AS basis_last, ${anyLast} AS any_last${select === 'counted_rows' ? ', count(*) OVER () AS total' : ''}`;
  const order = select === 'count' ? '' : ` ORDER BY ${basis === 'NULL' ? '' : `${basis}, `}p.last_name, p.first_name, p.id`;
  // The grouped visit facts drive the join (CROSS JOIN fixes the order): SQLite otherwise scans
  // patients and builds an automatic index on v, ~3x slower at 200k patients.
  const from = sources.length > 0
    ? `${sources[0]} CROSS JOIN patients p ON p.id = ${sources[0]}.patient_id${sources
        .slice(1)
        .map((x) => ` JOIN ${x} ON ${x}.patient_id = p.id`)
        .join('')}`
    : 'patients p';
  return { sql: `${head}SELECT ${cols} FROM ${from} WHERE ${where.join(' AND ')}${order}`, params };
}

export function countMatching(db: ReadDb, clinicId: string, c: CompiledCriteria): number {
  const { sql, params } = build(c, clinicId, 'count');
  return stmt<{ n: number }>(db, sql).get(...params)!.n;
}

/**
 * The preview: the count and the first `limit` rows. When visit or plan facts drive the query,
 * one statement gives both (count(*) OVER ()), so the grouped scan runs once.
 */
export function previewMatching(
  db: ReadDb,
  clinicId: string,
  c: CompiledCriteria,
  limit: number,
): { count: number; rows: CriteriaMatchRow[] } {
  const grouped = c.rule !== null || c.lastVisitBefore !== null || c.doctorId !== null || c.appointmentTypeIds !== null;
  if (!grouped) {
    const count = countMatching(db, clinicId, c);
    return { count, rows: count === 0 ? [] : listMatching(db, clinicId, c, limit) };
  }
  const { sql, params } = build(c, clinicId, 'counted_rows');
  const rows = stmt<CriteriaMatchRow & { total: number }>(db, `${sql} LIMIT ${Math.floor(limit)}`).all(...params);
  return { count: rows[0]?.total ?? 0, rows: rows.map(({ total: _t, ...r }) => r) };
}

/** Matching patients, earliest due first; `limit` null = all (the campaign snapshot). */
export function listMatching(db: ReadDb, clinicId: string, c: CompiledCriteria, limit: number | null): CriteriaMatchRow[] {
  const { sql, params } = build(c, clinicId, 'rows');
  return stmt<CriteriaMatchRow>(db, limit === null ? sql : `${sql} LIMIT ${Math.floor(limit)}`).all(...params);
}

/** One patient's history, as the pure due-date rules read it. */
export function patientVisitFacts(db: ReadDb, clinicId: string, patientId: string): VisitFact[] {
  return stmt<{ type_id: string | null; doctor_id: string; status: string; starts_at: string; ends_at: string; completed_at: string | null }>(
    db,
    `SELECT appointment_type_id AS type_id, doctor_id, status, starts_at, ends_at, completed_at
     FROM appointments WHERE patient_id = ? AND clinic_id = ? AND deleted_at IS NULL`,
  )
    .all(patientId, clinicId)
    .map((r) => ({
      typeId: r.type_id,
      doctorId: r.doctor_id,
      status: r.status,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      completedAt: r.completed_at,
    }));
}

export function patientPlanFacts(db: ReadDb, clinicId: string, patientId: string): PlanFact[] {
  return stmt<{ status: string; completed_at: string | null }>(
    db,
    `SELECT tp.status, CASE WHEN tp.status = 'completed' THEN ${PLAN_DONE_AT} END AS completed_at
     FROM treatment_plans tp WHERE tp.patient_id = ? AND tp.clinic_id = ? AND tp.deleted_at IS NULL`,
  )
    .all(patientId, clinicId)
    .map((r) => ({ status: r.status, completedAt: r.completed_at }));
}
