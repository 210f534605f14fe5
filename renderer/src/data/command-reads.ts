import { commands, type CommandName } from '../../../shared/commands.ts';

/** Every table: what a read with no declared `reads` refreshes on, so it never shows stale rows. */
export const ANY_TABLE = '*';

/**
 * The tables a command's answer depends on, as its table entry declares them (`reads`). A read
 * refreshes when a 'data.changed' push names one of them, so every screen asking the same
 * command refreshes on the same changes. An entry without `reads` refreshes on any change.
 */
export function readsOf(name: CommandName): readonly string[] {
  const entry = commands[name] as { reads?: readonly string[] };
  return entry.reads ?? [ANY_TABLE];
}

/** Whether a 'data.changed' push naming `changed` touches one of `tables`. */
export function touches(tables: readonly string[], changed: readonly string[]): boolean {
  return tables.includes(ANY_TABLE) || changed.some((t) => tables.includes(t));
}
