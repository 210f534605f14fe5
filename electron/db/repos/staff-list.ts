import type { StaffRole, StaffSummary } from '../../../shared/domain/types.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

/** Every staff member of the clinic, former ones included (the audit log names them too). */
export function listClinicStaff(db: ReadDb, clinicId: string): StaffSummary[] {
  return stmt<{ id: string; display_name: string; role: StaffRole }>(
    db,
    'SELECT id, display_name, role FROM staff WHERE clinic_id = ? ORDER BY display_name, id',
  )
    .all(clinicId)
    .map((r) => ({ id: r.id, displayName: r.display_name, role: r.role }));
}
