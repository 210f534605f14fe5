import type { CommandName, CommandOutput, CommandParsedInput } from '../../shared/commands.ts';
import type { StaffSummary, SyncStatus } from '../../shared/domain/types.ts';
import type { ClinicEvents, EventName } from '../../shared/events.ts';
import type { WriteDb } from '../db/database.ts';
import type { MutationWriter } from '../db/mutation-writer.ts';

/** What every handler gets: the database, who is acting, the clock, and the one write helper. */
export interface CommandContext {
  db: WriteDb;
  clinicId: string;
  deskId: string;
  staff: StaffSummary | null;
  appVersion: string;
  now: () => Date;
  /** Runs `fn` as one audited, outboxed transaction and announces the changed tables. */
  write<T>(action: string, fn: (w: MutationWriter) => T): T;
  emit<N extends EventName>(name: N, payload: ClinicEvents[N]): void;
  /** The sync engine when a server is configured (null: local only). */
  sync?: SyncPort | null;
}

/** What commands may ask of the sync engine. */
export interface SyncPort {
  status(): SyncStatus;
  syncNow(): Promise<SyncStatus>;
  localWrite(): void;
}

export type Handler<N extends CommandName> = (
  input: CommandParsedInput<N>,
  ctx: CommandContext,
) => CommandOutput<N> | Promise<CommandOutput<N>>;

export type HandlerTable = { [N in CommandName]: Handler<N> };

/** A feature module's slice of the table. */
export type HandlerSlice<K extends CommandName> = { [N in K]: Handler<N> };
