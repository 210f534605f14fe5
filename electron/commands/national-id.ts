import { getPatientRow } from '../db/repos/patients.ts';
import { CommandError, notFound } from './command-error.ts';
import type { HandlerSlice } from './context.ts';

/**
 * Policy for the full national id (patients.get/search show it masked): managers and admins may
 * reveal it, a reason is optional; a receptionist must give a reason (e.g. "identity check at
 * check-in"). Every reveal is an audit row with the reason, under the person acting.
 */
export const REVEAL_REASON_MIN = 3;

export const nationalIdHandlers: HandlerSlice<'patients.revealNationalId'> = {
  'patients.revealNationalId': ({ id, reason }, ctx) => {
    const staff = ctx.staff;
    if (!staff) throw new CommandError('forbidden', 'Nobody is working at this desk.').because('nobody_at_desk');
    const why = reason?.trim() ?? '';
    if (staff.role === 'receptionist' && why.length < REVEAL_REASON_MIN) {
      throw new CommandError('validation_error', 'reason: say why the full national id is needed', 'reason', { reason: 'reason_required' }).because('required');
    }
    const row = getPatientRow(ctx.db, ctx.clinicId, id);
    if (!row) throw notFound('The patient', 'id');
    ctx.write('patients.revealNationalId', (w) =>
      w.audit({ table: 'patients', rowId: id, details: { reason: why || null, role: staff.role } }),
    );
    return { nationalId: row.national_id };
  },
};
