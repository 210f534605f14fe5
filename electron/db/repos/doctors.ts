import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

export interface DoctorRow {
  id: string;
  display_name: string;
  specialty: string | null;
  color: string;
}

export function listActiveDoctors(db: ReadDb, clinicId: string): DoctorRow[] {
  return stmt<DoctorRow>(
    db,
    `SELECT id, display_name, specialty, color FROM doctors
     WHERE clinic_id = ? AND active = 1 AND deleted_at IS NULL ORDER BY display_name, id`,
  ).all(clinicId);
}

export function getDoctorName(db: ReadDb, clinicId: string, id: string): string | null {
  const row = stmt<{ display_name: string }>(
    db,
    'SELECT display_name FROM doctors WHERE id = ? AND clinic_id = ?',
  ).get(id, clinicId);
  return row?.display_name ?? null;
}
