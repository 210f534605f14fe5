import type { StaffRole, StaffSummary } from '../../../shared/domain/types.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

interface StaffRow {
  id: string;
  display_name: string;
  role: StaffRole;
}

const toSummary = (row: StaffRow): StaffSummary => ({ id: row.id, displayName: row.display_name, role: row.role });

export function getActiveStaff(db: ReadDb, clinicId: string, id: string): StaffSummary | null {
  const row = stmt<StaffRow>(
    db,
    `SELECT id, display_name, role FROM staff
     WHERE id = ? AND clinic_id = ? AND active = 1 AND deleted_at IS NULL`,
  ).get(id, clinicId);
  return row ? toSummary(row) : null;
}

/** The default person at a fresh desk until sign-in exists: the first active receptionist, else anyone active. */
export function defaultStaff(db: ReadDb, clinicId: string): StaffSummary | null {
  const row = stmt<StaffRow>(
    db,
    `SELECT id, display_name, role FROM staff
     WHERE clinic_id = ? AND active = 1 AND deleted_at IS NULL
     ORDER BY CASE role WHEN 'receptionist' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, id LIMIT 1`,
  ).get(clinicId);
  return row ? toSummary(row) : null;
}

/** An active staff member of the clinic by sign-in email (case-insensitive). */
export function findActiveStaffByEmail(db: ReadDb, clinicId: string, email: string): StaffSummary | null {
  const row = stmt<StaffRow>(
    db,
    `SELECT id, display_name, role FROM staff
     WHERE clinic_id = ? AND lower(email) = lower(?) AND active = 1 AND deleted_at IS NULL`,
  ).get(clinicId, email.trim());
  return row ? toSummary(row) : null;
}
