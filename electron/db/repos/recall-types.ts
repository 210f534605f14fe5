import type { RecallRule } from '../../../shared/domain/recall-due.ts';
import type { RecallType } from '../../../shared/domain/recall-types.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

interface RecallTypeRow {
  id: string;
  name: string;
  interval_months: number;
  basis: RecallType['basis'];
  appointment_type_ids: string;
  active: number;
  updated_at: string;
}

function parseIds(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function toRecallType(r: RecallTypeRow): RecallType {
  return {
    id: r.id,
    name: r.name,
    intervalMonths: r.interval_months,
    basis: r.basis,
    appointmentTypeIds: parseIds(r.appointment_type_ids),
    active: r.active === 1,
    updatedAt: r.updated_at,
  };
}

export function toRule(t: RecallType): RecallRule {
  return { id: t.id, name: t.name, intervalMonths: t.intervalMonths, basis: t.basis, appointmentTypeIds: t.appointmentTypeIds };
}

const COLUMNS = 'id, name, interval_months, basis, appointment_type_ids, active, updated_at';

export function listRecallTypes(db: ReadDb, clinicId: string, activeOnly = false): RecallType[] {
  return stmt<RecallTypeRow>(
    db,
    `SELECT ${COLUMNS} FROM recall_types WHERE clinic_id = ? AND deleted_at IS NULL AND (? = 0 OR active = 1)
     ORDER BY name, id`,
  )
    .all(clinicId, activeOnly ? 1 : 0)
    .map(toRecallType);
}

export function getRecallType(db: ReadDb, clinicId: string, id: string): RecallType | null {
  const row = stmt<RecallTypeRow>(
    db,
    `SELECT ${COLUMNS} FROM recall_types WHERE id = ? AND clinic_id = ? AND deleted_at IS NULL`,
  ).get(id, clinicId);
  return row ? toRecallType(row) : null;
}

/** The ids among `ids` that are not live appointment types of the clinic. */
export function unknownAppointmentTypes(db: ReadDb, clinicId: string, ids: readonly string[]): string[] {
  const known = new Set(
    stmt<{ id: string }>(db, `SELECT id FROM appointment_types WHERE clinic_id = ? AND deleted_at IS NULL`)
      .all(clinicId)
      .map((r) => r.id),
  );
  return ids.filter((id) => !known.has(id));
}

export function doctorExists(db: ReadDb, clinicId: string, id: string): boolean {
  return !!stmt(db, `SELECT 1 FROM doctors WHERE id = ? AND clinic_id = ? AND deleted_at IS NULL`).get(id, clinicId);
}

export function patientExists(db: ReadDb, clinicId: string, id: string): boolean {
  return !!stmt(db, `SELECT 1 FROM patients WHERE id = ? AND clinic_id = ? AND deleted_at IS NULL`).get(id, clinicId);
}
