import type { CommandName, CommandOutput, CommandParsedInput } from '../../shared/commands.ts';
import type { StaffSummary, SyncStatus } from '../../shared/domain/types.ts';
import type { AuthSession } from '../../shared/domain/auth-types.ts';
import type { DeskLockReason, DeskLockState } from '../../shared/domain/security-types.ts';
import type { ClinicEvents, EventName } from '../../shared/events.ts';
import type { WriteDb } from '../db/database.ts';
import { type MutationWriter, type WriteContext, writeTransaction } from '../db/write/mutation-writer.ts';

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
  /** Runs `fn` as one audited, outboxed transaction, then the after-commit effects (auditedWrite). */
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

/** Told once per committed write which synced tables it changed. */
export type AfterCommit = (tables: readonly string[]) => void;

/** After a write commits: the windows reload what changed, the sync engine sends it soon. */
export function afterCommit(emit: CommandContext['emit'], sync: SyncPort | null | undefined): AfterCommit {
  return (tables) => {
    if (tables.length === 0) return;
    emit('data.changed', { tables: [...tables] });
    sync?.localWrite();
  };
}

/** `ctx.write`: one transaction through the mutation writer, and the effects once it committed. */
export function auditedWrite(target: WriteContext, effects: AfterCommit): CommandContext['write'] {
  return (action, fn) => {
    const result = writeTransaction(target, action, fn);
    effects(result.changedTables);
    return result.value;
  };
}

/** A user switch, a PIN or the idle time changes the acting person: the staff list reloads too. */
const LOCK_TABLES = ['audit_log', 'staff'] as const;

/** The desk lock's own writes (each audited through the writer) get the same effects. */
export function lockWithEffects(lock: LockPort, effects: AfterCommit): LockPort {
  const announced = <T>(value: T): T => {
    effects(LOCK_TABLES);
    return value;
  };
  return {
    state: () => lock.state(),
    engage: (reason) => lock.engage(reason),
    unlockWithPin: async (staffId, pin) => announced(await lock.unlockWithPin(staffId, pin)),
    setPin: async (pin, staffId) => announced(await lock.setPin(pin, staffId)),
    setIdle: (seconds) => announced(lock.setIdle(seconds)),
  };
}
