/**
 * The screen lock and the quick user switch of a shared front desk. Idle time is measured in the
 * renderer, which asks for the lock; the lock itself lives here, in main, so a reloaded page
 * cannot skip it: while locked only auth.* commands run. Anyone of the clinic with a PIN on this
 * desk may unlock, and then acts (and is audited) as themselves; the signed-in account (server
 * mode) may also unlock with its password. PINs are scrypt verifiers with a lockout after repeated
 * failures, like the offline-unlock password.
 */
import type { AuthSession } from '../../shared/domain/auth-types.ts';
import type { DeskLockReason, DeskLockState } from '../../shared/domain/security-types.ts';
import type { StaffSummary } from '../../shared/domain/types.ts';
import { CommandError } from '../commands/command-error.ts';
import type { WriteDb } from '../db/database.ts';
import { type PinRecord, getIdleSeconds, getPin, putPin, setIdleSeconds, staffWithPins } from '../db/repos/desk-security.ts';
import { getActiveStaff } from '../db/repos/staff.ts';
import { writeTransaction } from '../db/write/mutation-writer.ts';
import { DEFAULT_SCRYPT, type ScryptParams, createVerifier, verifyPassword } from './offline-unlock.ts';

export const DEFAULT_IDLE_SECONDS = 300;

export interface PinPolicy {
  maxFailures: number;
  baseLockMs: number;
  maxLockMs: number;
}

const DEFAULT_PIN_POLICY: PinPolicy = { maxFailures: 5, baseLockMs: 5 * 60_000, maxLockMs: 60 * 60_000 };

/** What the lock needs of the auth service (server mode). */
export interface LockAuth {
  session(): AuthSession;
  lock(): AuthSession;
  resumeLocal(): AuthSession;
  onChange(listener: (s: AuthSession) => void): () => void;
}

/** Where the desk is and who the session says is working (electron/commands/session.ts). */
export interface LockSession {
  clinicId: string;
  deskId: string;
  staff: StaffSummary | null;
}

export interface DeskLockOptions {
  db: WriteDb;
  auth: LockAuth | null;
  now: () => Date;
  scrypt?: ScryptParams;
  pinPolicy?: Partial<PinPolicy>;
}

export class DeskLock {
  private localLocked = false;
  private reason: DeskLockReason | null = null;
  /** Who took over with a PIN (null: the session's own staff member). */
  private actingId: string | null = null;
  private resumingByPin = false;
  private readonly policy: PinPolicy;
  private lastLockout: number | null = null;

  private readonly o: DeskLockOptions;

  constructor(o: DeskLockOptions) {
    this.o = o;
    this.policy = { ...DEFAULT_PIN_POLICY, ...o.pinPolicy };
    let previous: AuthSession | null = null;
    o.auth?.onChange((s) => {
      // A password unlock or a new sign-in hands the desk back to the account's own person.
      const backToAccount = s.mode === 'signed_in' && previous?.mode === 'locked' && !this.resumingByPin;
      if (backToAccount || s.mode === 'signed_out' || s.user?.staffId !== previous?.user?.staffId) this.actingId = null;
      if (s.mode !== 'locked') this.reason = null;
      previous = s;
    });
  }

  get isLocked(): boolean {
    return this.o.auth ? this.o.auth.session().mode === 'locked' : this.localLocked;
  }

  /** The staff member acting now: whoever unlocked with a PIN, else the session's. */
  acting(session: LockSession): StaffSummary | null {
    if (this.actingId && session.clinicId) {
      const switched = getActiveStaff(this.o.db, session.clinicId, this.actingId);
      if (switched) return switched;
    }
    return session.staff;
  }

  state(session: LockSession): DeskLockState {
    const acting = this.acting(session);
    const pinStaff = session.clinicId ? staffWithPins(this.o.db, session.clinicId) : [];
    const auth = this.o.auth?.session() ?? null;
    const user = auth?.user ?? null;
    const passwordUser = user ? { staffId: user.staffId, displayName: user.displayName, email: user.email } : null;
    const lockedOut = this.lastLockout !== null && this.lastLockout > this.o.now().getTime() ? new Date(this.lastLockout).toISOString() : null;
    return {
      locked: this.isLocked,
      reason: this.isLocked ? (this.reason ?? 'manual') : null,
      idleSeconds: getIdleSeconds(this.o.db) ?? DEFAULT_IDLE_SECONDS,
      canLock: pinStaff.length > 0 || passwordUser !== null,
      acting,
      actingHasPin: !!acting && pinStaff.some((s) => s.id === acting.id),
      pinStaff,
      passwordUser,
      lockedOutUntil: lockedOut,
    };
  }

  engage(session: LockSession, reason: DeskLockReason): DeskLockState {
    const before = this.state(session);
    // Nobody could unlock a desk without a PIN or a password: then there is nothing to lock with.
    if (!before.canLock || before.locked) return before;
    this.reason = reason;
    if (this.o.auth) this.o.auth.lock();
    else this.localLocked = true;
    return this.state(session);
  }

  async unlockWithPin(session: LockSession, staffId: string, pin: string): Promise<DeskLockState> {
    if (!session.clinicId) throw new CommandError('not_found', 'No clinic is set up on this desk yet.').because('no_clinic');
    const staff = getActiveStaff(this.o.db, session.clinicId, staffId);
    const record = staff ? getPin(this.o.db, staffId) : null;
    if (!staff || !record) throw refusal('no_pin', 'This person has no PIN on this desk.');
    const nowMs = this.o.now().getTime();
    if (record.lockedUntil !== null && record.lockedUntil > nowMs) {
      this.lastLockout = record.lockedUntil;
      throw refusal('locked_out', 'Too many wrong PINs. Try again later.', { lockedUntil: new Date(record.lockedUntil).toISOString() });
    }
    if (this.o.auth?.session().mode === 'locked' && this.o.auth.session().lockReason === 'restart_offline') {
      // After a restart only the account's password proves the session; a PIN is not enough.
      throw refusal('password_required', 'This desk was restarted: the signed-in person must type their password.');
    }
    if (!(await verifyPassword(record.verifier, pin))) {
      const failures = record.failures + 1;
      if (failures >= this.policy.maxFailures) {
        const lockedUntil = nowMs + Math.min(this.policy.maxLockMs, this.policy.baseLockMs * 2 ** record.lockouts);
        putPin(this.o.db, staffId, { ...record, failures: 0, lockouts: record.lockouts + 1, lockedUntil });
        this.lastLockout = lockedUntil;
        this.audit(session, staffId, 'auth.pinLockedOut', { lockedUntil: new Date(lockedUntil).toISOString() });
        throw refusal('locked_out', 'Too many wrong PINs. Try again later.', { lockedUntil: new Date(lockedUntil).toISOString() });
      }
      putPin(this.o.db, staffId, { ...record, failures });
      throw refusal('wrong_pin', 'Wrong PIN.', { attemptsLeft: this.policy.maxFailures - failures });
    }
    putPin(this.o.db, staffId, { ...record, failures: 0, lockouts: 0, lockedUntil: null });
    this.lastLockout = null;
    const previous = this.acting(session);
    // The signed-in account's own PIN simply hands the desk back to it.
    this.actingId = session.staff?.id === staffId ? null : staffId;
    if (this.o.auth) {
      this.resumingByPin = true;
      try {
        this.o.auth.resumeLocal();
      } finally {
        this.resumingByPin = false;
      }
    }
    this.localLocked = false;
    this.reason = null;
    const switched = previous?.id !== staffId;
    this.audit(session, staffId, switched ? 'auth.switchUser' : 'auth.unlockPin', { from: previous?.id ?? null, method: 'pin' });
    return this.state(session);
  }

  async setPin(session: LockSession, pin: string, staffId?: string): Promise<DeskLockState> {
    const acting = this.acting(session);
    if (!acting) throw new CommandError('forbidden', 'Nobody is working at this desk.').because('nobody_at_desk');
    const target = staffId ?? acting.id;
    if (target !== acting.id && acting.role !== 'admin') {
      throw new CommandError('forbidden', 'Only an admin can set another person’s PIN.').because('role_refused');
    }
    if (!getActiveStaff(this.o.db, session.clinicId, target)) throw new CommandError('not_found', 'That staff member was not found.', 'staffId').because('not_found');
    const verifier = await createVerifier(pin, this.o.scrypt ?? DEFAULT_SCRYPT);
    const record: PinRecord = { verifier, failures: 0, lockouts: 0, lockedUntil: null };
    putPin(this.o.db, target, record);
    this.audit(session, acting.id, 'auth.setPin', { staffId: target });
    return this.state(session);
  }

  setIdle(session: LockSession, seconds: number): DeskLockState {
    setIdleSeconds(this.o.db, seconds);
    this.audit(session, this.acting(session)?.id ?? null, 'settings.setIdleLock', { seconds });
    return this.state(session);
  }

  private audit(session: LockSession, actor: string | null, action: string, details: Record<string, unknown>): void {
    if (!session.clinicId) return;
    writeTransaction(
      { db: this.o.db, clinicId: session.clinicId, actorStaffId: actor, deskId: session.deskId, now: this.o.now },
      action,
      (w) => w.audit({ table: 'staff', rowId: actor, details }),
    );
  }
}

function refusal(reason: string, message: string, extra: Record<string, unknown> = {}): CommandError {
  return new CommandError('unauthorized', message, undefined, { reason, ...extra });
}
