import { commands, type CommandName } from '../../../shared/commands.ts';

/** Any table: for a read that follows every change (app.info's counts and settings). */
export const ANY_TABLE = '*';

/**
 * The tables a command's answer depends on, as its table entry declares them (`reads`). A read
 * refreshes when a 'data.changed' push names one of them, so every screen asking the same
 * command refreshes on the same changes.
 */
export function readsOf(name: CommandName): readonly string[] {
  return commands[name].reads;
}

/** Whether a 'data.changed' push naming `changed` touches one of `tables`. */
export function touches(tables: readonly string[], changed: readonly string[]): boolean {
  return tables.includes(ANY_TABLE) || changed.some((t) => tables.includes(t));
}
