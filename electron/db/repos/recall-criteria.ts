import type { Instant, IsoDate } from '../../../shared/domain/clinic-time.ts';
import type { CompiledCriteria } from '../../../shared/domain/recall-criteria.ts';
import type { PlanFact, VisitFact } from '../../../shared/domain/recall-due.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

/**
 * The recall criteria as ONE SQL statement over the compact recall facts of migration 0006
 * (integer keys, epoch-ms instants, kept by triggers): the last visit per patient and type, the
 * doctors seen, and per patient eligibility, birth date, last visit and latest open appointment.
 * A count at 200k patients / 1M appointments reads ~20 MB of facts instead of ~200 MB of
 * appointments index and patient rows. Date conditions arrive pre-compiled as instant/date
 * bounds (shared/domain/recall-criteria.ts).
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

/** A plan is completed when its last done step's visit was; without a linked visit, at its last update. */
const PLAN_DONE_AT = `COALESCE((SELECT MAX(COALESCE(a.completed_at, a.ends_at)) FROM treatment_steps s
     JOIN appointments a ON a.id = s.appointment_id
     WHERE s.treatment_plan_id = tp.id AND s.status = 'done' AND s.deleted_at IS NULL AND a.deleted_at IS NULL),
   tp.updated_at)`;

/** An ISO instant column or expression as epoch ms, exactly as the migration 0006 triggers store it. */
const epochMs = (sql: string) => `CAST(round((julianday(${sql}) - 2440587.5) * 86400000) AS INTEGER)`;
const ms = (instant: Instant) => Date.parse(instant);
const instantOf = (value: number | null): Instant | null => (value === null ? null : (new Date(value).toISOString() as Instant));

const marks = (n: number) => Array(n).fill('?').join(', ');
const keysOf = (n: number) => `(SELECT key FROM recall_keys WHERE id IN (${marks(n)}))`;
const KEY_OF = '(SELECT key FROM recall_keys WHERE id = ?)';

interface Built {
  sql: string;
  params: unknown[];
}

function build(c: CompiledCriteria, clinicId: string, select: 'count' | 'rows' | 'counted_rows'): Built {
  // The rule's qualifying instants grouped per patient (CTE v), when a rule needs a grouping.
  let grouped: Built | null = null;
  const where: string[] = [`f.clinic_key = ${KEY_OF}`, 'f.eligible = 1'];
  const params: unknown[] = [clinicId];
  const cond = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  const rule = c.rule;
  let basis = 'NULL';
  // The rule's qualifying instant exists and lies within the due filter's bounds.
  const basisBounds = (column: string): Built => {
    const clauses = [`${column} IS NOT NULL`];
    const values: unknown[] = [];
    if (c.basisFrom) {
      clauses.push(`${column} >= ?`);
      values.push(ms(c.basisFrom));
    }
    if (c.basisBefore) {
      clauses.push(`${column} < ?`);
      values.push(ms(c.basisBefore));
    }
    return { sql: clauses.join(' AND '), params: values };
  };
  if (rule?.basis === 'appointment_types' && rule.appointmentTypeIds.length > 0) {
    // The rule's types, grouped per patient; this small set drives the join.
    const having = basisBounds('basis_last');
    grouped = {
      sql: `SELECT patient_key, MAX(last_visit_ms) AS basis_last FROM recall_type_facts
            WHERE type_key IN ${keysOf(rule.appointmentTypeIds.length)}
            GROUP BY patient_key HAVING ${having.sql}`,
      params: [...rule.appointmentTypeIds, ...having.params],
    };
    basis = 'v.basis_last';
  } else if (rule?.basis === 'appointment_types') {
    // A rule without types counts a visit of any type.
    const bounds = basisBounds('f.last_visit_ms');
    cond(bounds.sql, ...bounds.params);
    basis = 'f.last_visit_ms';
  } else if (rule?.basis === 'treatment_plan') {
    const having = basisBounds('basis_last');
    grouped = {
      sql: `SELECT k.key AS patient_key, ${epochMs(`MAX(${PLAN_DONE_AT})`)} AS basis_last
            FROM treatment_plans tp JOIN recall_keys k ON k.id = tp.patient_id
            WHERE tp.clinic_id = ? AND tp.status = 'completed' AND tp.deleted_at IS NULL
            GROUP BY tp.patient_id HAVING ${having.sql}`,
      params: [clinicId, ...having.params],
    };
    basis = 'v.basis_last';
  }
  if (c.lastVisitBefore) cond('f.last_visit_ms < ?', ms(c.lastVisitBefore));
  if (c.doctorId) {
    cond(`EXISTS (SELECT 1 FROM recall_doctor_facts d WHERE d.doctor_key = ${KEY_OF} AND d.patient_key = f.patient_key)`, c.doctorId);
  }
  if (c.appointmentTypeIds) {
    cond(
      `EXISTS (SELECT 1 FROM recall_type_facts t WHERE t.type_key IN ${keysOf(c.appointmentTypeIds.length)} AND t.patient_key = f.patient_key)`,
      ...c.appointmentTypeIds,
    );
  }
  if (c.birthFrom) cond('f.birth_date >= ?', c.birthFrom);
  if (c.birthBefore) cond('f.birth_date < ?', c.birthBefore);
  if (c.futureFrom) cond('(f.last_open_ms IS NULL OR f.last_open_ms < ?)', ms(c.futureFrom));
  if (c.procedures) {
    cond(
      `EXISTS (SELECT 1 FROM recall_keys pk JOIN treatment_plans tp2 ON tp2.patient_id = pk.id
         JOIN treatment_steps s2 ON s2.treatment_plan_id = tp2.id
         WHERE pk.key = f.patient_key AND tp2.deleted_at IS NULL AND s2.deleted_at IS NULL AND s2.status = 'done'
           AND lower(s2.procedure) IN (${marks(c.procedures.length)}))`,
      ...c.procedures,
    );
  }
  const head = grouped ? `WITH v AS (${grouped.sql}) ` : '';
  const headParams = grouped?.params ?? [];
  // The grouped facts drive the join (CROSS JOIN fixes the order) when there are any.
  const facts = grouped ? 'v CROSS JOIN recall_patient_facts f ON f.patient_key = v.patient_key' : 'recall_patient_facts f';
  if (select === 'count') {
    return { sql: `${head}SELECT count(*) AS n FROM ${facts} WHERE ${where.join(' AND ')}`, params: [...headParams, ...params] };
  }
  const cols = `p.id AS patient_id, p.first_name, p.last_name, p.phone, p.email, p.birth_date, p.preferred_channel,
    ${basis} AS basis_last, f.last_visit_ms AS any_last${select === 'counted_rows' ? ', count(*) OVER () AS total' : ''}`;
  const order = ` ORDER BY ${basis === 'NULL' ? '' : `${basis}, `}p.last_name, p.first_name, p.id`;
  return {
    sql: `${head}SELECT ${cols} FROM ${facts} JOIN recall_keys k ON k.key = f.patient_key JOIN patients p ON p.id = k.id
          WHERE ${where.join(' AND ')}${order}`,
    params: [...headParams, ...params],
  };
}

type RawMatchRow = Omit<CriteriaMatchRow, 'basis_last' | 'any_last'> & { basis_last: number | null; any_last: number | null };
const toMatchRow = ({ basis_last, any_last, ...r }: RawMatchRow): CriteriaMatchRow => ({
  ...r,
  basis_last: instantOf(basis_last),
  any_last: instantOf(any_last),
});

/** The count statement and its parameters (tests read its query plan). */
export function countQuery(clinicId: string, c: CompiledCriteria): Built {
  return build(c, clinicId, 'count');
}

export function countMatching(db: ReadDb, clinicId: string, c: CompiledCriteria): number {
  const { sql, params } = countQuery(clinicId, c);
  return stmt<{ n: number }>(db, sql).get(...params)!.n;
}

/** The preview: the count and the first `limit` rows, from one statement (count(*) OVER ()). */
export function previewMatching(
  db: ReadDb,
  clinicId: string,
  c: CompiledCriteria,
  limit: number,
): { count: number; rows: CriteriaMatchRow[] } {
  const { sql, params } = build(c, clinicId, 'counted_rows');
  const rows = stmt<RawMatchRow & { total: number }>(db, `${sql} LIMIT ${Math.floor(limit)}`).all(...params);
  return { count: rows[0]?.total ?? 0, rows: rows.map(({ total: _t, ...r }) => toMatchRow(r)) };
}

/** Matching patients, earliest due first; `limit` null = all (the campaign snapshot). */
export function listMatching(db: ReadDb, clinicId: string, c: CompiledCriteria, limit: number | null): CriteriaMatchRow[] {
  const { sql, params } = build(c, clinicId, 'rows');
  return stmt<RawMatchRow>(db, limit === null ? sql : `${sql} LIMIT ${Math.floor(limit)}`).all(...params).map(toMatchRow);
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
