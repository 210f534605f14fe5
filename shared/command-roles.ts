import type { CommandName } from './commands.ts';
import type { StaffRole } from './domain/types.ts';

/**
 * Least privilege: which roles may run a command (absent = every staff member of the clinic).
 * Mirrors the server's RLS (migrations/postgres/..._security.sql): recall campaigns are written by
 * managers and admins only; the rest is stricter than RLS where the front desk has no need
 * (availability editors, recall types, exports, the audit log, desk security settings).
 * The dispatcher refuses with 'forbidden'; the renderer hides what the role cannot do.
 */
export const MANAGERS: readonly StaffRole[] = ['admin', 'manager'];
export const ADMINS: readonly StaffRole[] = ['admin'];

export const COMMAND_ROLES: { readonly [N in CommandName]?: readonly StaffRole[] } = {
  'availability.saveWeek': MANAGERS,
  'availability.addVacation': MANAGERS,
  'availability.removeVacation': MANAGERS,
  'availability.addBlocked': MANAGERS,
  'availability.removeBlocked': MANAGERS,
  'availability.saveRoom': MANAGERS,
  'availability.saveType': MANAGERS,
  'availability.setDuration': MANAGERS,
  'recalls.types.create': MANAGERS,
  'recalls.types.update': MANAGERS,
  'recalls.campaigns.create': MANAGERS,
  'recalls.campaigns.activate': MANAGERS,
  'recalls.campaigns.close': MANAGERS,
  'recalls.exportCsv': MANAGERS,
  'backup.restore': MANAGERS,
  'audit.list': MANAGERS,
  'audit.exportCsv': MANAGERS,
  'settings.setIdleLock': MANAGERS,
  // A clinic row: the server lets admins only change clinics (RLS).
  'availability.setStatusLead': ADMINS,
};

/** Whether someone with `role` (null: nobody is acting) may run `name`. */
export function canRun(role: StaffRole | null | undefined, name: CommandName): boolean {
  const allowed = COMMAND_ROLES[name];
  if (!allowed) return true;
  return !!role && allowed.includes(role);
}
