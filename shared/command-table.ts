import type { z } from 'zod';
import type { StaffRole } from './domain/types.ts';
import type { SyncedTableName } from './sync-tables.ts';

/**
 * Who may run a command: 'always' (also on a locked or signed-out desk: the sign-in and lock
 * screens), 'unlocked' (every staff member at an open desk), or the roles allowed at an open desk.
 */
export type CommandAccess = 'always' | 'unlocked' | readonly StaffRole[];

export const MANAGERS: readonly StaffRole[] = ['admin', 'manager'];
export const ADMINS: readonly StaffRole[] = ['admin'];

/** One entry of the command table: its input schema, policy, and output type (phantom). */
export interface CommandSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Checked by the dispatcher before validation and before the handler runs. */
  access: CommandAccess;
  /** The synced tables the command reads: what its result depends on, so what should refresh it. */
  reads: readonly SyncedTableName[];
  write: boolean;
  /** Type-only marker; never read at runtime. */
  readonly output?: O;
}

export interface CommandPolicy {
  access: CommandAccess;
  reads: readonly SyncedTableName[];
  write?: boolean;
}

/** `command(schema, policy).returns<Out>()` keeps input, policy and output type together in one place. */
export function command<I extends z.ZodType>(input: I, policy: CommandPolicy) {
  return {
    returns<O>(): CommandSpec<I, O> {
      return { input, access: policy.access, reads: policy.reads, write: policy.write ?? false };
    },
  };
}

export type CommandTable = Record<string, CommandSpec>;
