import { canRun } from '../../../shared/command-roles.ts';
import type { CommandName } from '../../../shared/commands.ts';
import type { StaffRole } from '../../../shared/domain/types.ts';
import { useDeskLock } from '../stores/desk-lock.ts';

/** The acting person's role (null until known). */
export function useActingRole(): StaffRole | null {
  return useDeskLock((s) => s.state?.acting?.role ?? null);
}

/** Whether the acting person may run `name` (shared/command-roles.ts; main checks again). */
export function useCan(name: CommandName): boolean {
  return canRun(useActingRole(), name);
}
