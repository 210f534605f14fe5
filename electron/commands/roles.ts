import { COMMAND_ROLES, canRun } from '../../shared/command-roles.ts';
import { commands, type CommandName } from '../../shared/commands.ts';
import type { StaffSummary } from '../../shared/domain/types.ts';
import { CommandError } from './command-error.ts';
import type { CommandContext } from './context.ts';

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

/**
 * A closed desk (signed out, or locked) runs only the commands whose access is 'always': the
 * sign-in and lock screens. Checked before roles: a locked desk says nothing about who may do what.
 */
function closedRefusal(name: CommandName, ctx: CommandContext): CommandError | null {
  if (!ctx.closed || commands[name].access === 'always') return null;
  if (ctx.closed === 'signed_out') return new CommandError('unauthorized', 'Sign in to use this desk.', undefined, { reason: 'signed_out' });
  return new CommandError('unauthorized', 'This desk is locked.', undefined, { reason: 'locked' }).because('desk_locked');
}

/** Why `name` may not run in `ctx` (its entry's `access`), or null. */
export function accessRefusal(name: CommandName, ctx: CommandContext): CommandError | null {
  return closedRefusal(name, ctx) ?? roleRefusal(name, ctx.staff ?? null);
}
