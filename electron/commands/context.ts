import type { CommandName, CommandOutput, CommandParsedInput } from '../../shared/commands.ts';
import type { StaffSummary, SyncStatus } from '../../shared/domain/types.ts';
import type { AuthSession } from '../../shared/domain/auth-types.ts';
import type { DeskLockReason, DeskLockState } from '../../shared/domain/security-types.ts';
import type { ClinicEvents, EventName } from '../../shared/events.ts';
import type { WriteDb } from '../db/database.ts';
import type { MutationWriter } from '../db/write/mutation-writer.ts';

/** What every handler gets: the database, who is acting, the clock, and the one write helper. */
export interface CommandContext {
  db: WriteDb;
  clinicId: string;
  deskId: string;
  staff: StaffSummary | null;
  /** Why the desk is closed to all but the commands whose access is 'always' (absent: open). */
  closed?: 'signed_out' | 'locked' | null;
  appVersion: string;
  now: () => Date;
  /** Runs `fn` as one audited, outboxed transaction and announces the changed tables. */
  write<T>(action: string, fn: (w: MutationWriter) => T): T;
  emit<N extends EventName>(name: N, payload: ClinicEvents[N]): void;
  /** The sync engine when a server is configured (null: local only). */
  sync?: SyncPort | null;
  /** Sign-in and offline unlock when a server is configured (null: local only). */
  auth?: AuthPort | null;
  /** The screen lock and quick user switch of this desk (electron/auth/desk-lock.ts). */
  lock?: LockPort | null;
}

/** The desk lock, bound to this call's session (electron/auth/desk-lock.ts). */
export interface LockPort {
  state(): DeskLockState;
  engage(reason: DeskLockReason): DeskLockState;
  unlockWithPin(staffId: string, pin: string): Promise<DeskLockState>;
  setPin(pin: string, staffId?: string): Promise<DeskLockState>;
  setIdle(seconds: number): DeskLockState;
}

/** What commands may ask of the auth service (electron/auth/auth-service.ts). */
export interface AuthPort {
  readonly ready: Promise<void>;
  session(): AuthSession;
  signIn(email: string, password: string): Promise<AuthSession>;
  signOut(): Promise<AuthSession>;
  unlock(password: string): Promise<AuthSession>;
  lock(): AuthSession;
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
