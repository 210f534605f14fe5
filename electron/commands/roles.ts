import { COMMAND_ROLES, canRun } from '../../shared/command-roles.ts';
import type { CommandName } from '../../shared/commands.ts';
import type { StaffSummary } from '../../shared/domain/types.ts';
import { CommandError } from './command-error.ts';

const ROLE_WORDS = { admin: 'an admin', manager: 'a manager', receptionist: 'a receptionist' } as const;

/**
 * The central role check, run by the dispatcher after validation and before any handler:
 * shared/command-roles.ts says who may run what; everyone else gets 'forbidden'. The server's RLS
 * judges again on push.
 */
export function roleRefusal(name: CommandName, staff: StaffSummary | null): CommandError | null {
  if (canRun(staff?.role, name)) return null;
  const allowed = COMMAND_ROLES[name] ?? [];
  const who = allowed.map((r) => ROLE_WORDS[r]).join(' or ');
  return new CommandError('forbidden', `Only ${who} can do this.`, undefined, { allowedRoles: [...allowed] }).because('role_refused');
}
