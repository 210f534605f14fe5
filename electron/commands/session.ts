import type { AuthUser } from '../../shared/domain/auth-types.ts';
import { uuidv7 } from '../../shared/domain/ids.ts';
import type { StaffSummary } from '../../shared/domain/types.ts';
import type { WriteDb } from '../db/database.ts';
import { firstClinic, getClinic } from '../db/repos/clinics.ts';
import { getSetting, setSetting } from '../db/repos/local-settings.ts';
import { defaultStaff, findActiveStaffByEmail, getActiveStaff } from '../db/repos/staff.ts';
import { CommandError } from './command-error.ts';

export interface Session {
  clinicId: string;
  deskId: string;
  staff: StaffSummary | null;
}

/**
 * Who is working at this desk, for which clinic; the desk id is made once and kept. With a server
 * the signed-in user's staff row acts (the synced local row when it has arrived, else what the
 * server said at sign-in); a local-only desk works as the clinic's default staff member.
 */
export function loadSession(db: WriteDb, signedIn?: AuthUser | null): Session {
  let deskId = getSetting(db, 'desk_id');
  if (!deskId) {
    deskId = uuidv7();
    setSetting(db, 'desk_id', deskId);
  }
  if (signedIn) {
    const local = getActiveStaff(db, signedIn.clinicId, signedIn.staffId);
    const staff = local ?? { id: signedIn.staffId, displayName: signedIn.displayName, role: signedIn.role };
    return { clinicId: signedIn.clinicId, deskId, staff };
  }
  const chosen = getSetting(db, 'current_clinic_id');
  const clinic = (chosen && getClinic(db, chosen)) || firstClinic(db);
  if (!clinic) throw new CommandError('not_found', 'No clinic is set up on this desk yet.').because('no_clinic');
  const staffId = getSetting(db, 'current_staff_id');
  const staff = (staffId && getActiveStaff(db, clinic.id, staffId)) || defaultStaff(db, clinic.id);
  return { clinicId: clinic.id, deskId, staff };
}

/**
 * Local-only desks (no server, so no sign-in): makes the staff member with this email the one
 * acting at the desk, as `--acting-staff` of the headless host does for tests and demos. A desk
 * with a server refuses: there the signed-in user acts and nothing else may choose.
 */
export function chooseLocalStaff(db: WriteDb, email: string, opts: { hasServer: boolean }): StaffSummary {
  if (opts.hasServer) throw new CommandError('forbidden', 'The acting staff member can only be chosen on a local-only desk.').because('role_refused');
  const { clinicId } = loadSession(db);
  const staff = findActiveStaffByEmail(db, clinicId, email);
  if (!staff) throw new CommandError('not_found', `No active staff member with the email ${email}.`).because('not_found');
  setSetting(db, 'current_staff_id', staff.id);
  return staff;
}
