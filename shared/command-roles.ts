import { commands, type CommandName } from './commands.ts';
import type { StaffRole } from './domain/types.ts';

/**
 * Least privilege: which roles may run a command, read off each entry's `access` in
 * shared/commands.ts (absent here = every staff member of the clinic). The lists mirror the
 * server's RLS (migrations/postgres/..._security.sql): recall campaigns are written by managers
 * and admins only; the rest is stricter than RLS where the front desk has no need (availability
 * editors, recall types, exports, the audit log, desk security settings).
 * The dispatcher refuses with 'forbidden'; the renderer hides what the role cannot do.
 */
export { ADMINS, MANAGERS } from './command-table.ts';

export const COMMAND_ROLES: { readonly [N in CommandName]?: readonly StaffRole[] } = Object.fromEntries(
  Object.entries(commands).flatMap(([name, spec]) => (Array.isArray(spec.access) ? [[name, spec.access]] : [])),
);

/** Whether someone with `role` (null: nobody is acting) may run `name`. */
export function canRun(role: StaffRole | null | undefined, name: CommandName): boolean {
  const allowed = COMMAND_ROLES[name];
  if (!allowed) return true;
  return !!role && allowed.includes(role);
}
