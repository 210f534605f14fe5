/**
 * Offline unlock: after an online sign-in the desk keeps a scrypt verifier of the password, so the
 * same person can unlock during an outage until a deadline (default 12 h after that sign-in).
 * Repeated wrong passwords lock it for escalating periods, and a clock set back is refused:
 * the deadline would otherwise be trivially extended.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/** ~64 MiB and ~100–200 ms per check here: slow for a guesser, fine once per unlock. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 16, r: 8, p: 1, keyLength: 32 };

export interface OfflinePolicy {
  /** How long after the last online sign-in an offline unlock is allowed. */
  offlineWindowMs: number;
  /** Wrong passwords in a row before a lockout. */
  maxFailures: number;
  /** First lockout; each further one doubles, up to maxLockMs. */
  baseLockMs: number;
  maxLockMs: number;
  /** How far behind the highest time seen the clock may be before we call it "set back". */
  clockToleranceMs: number;
}

export const DEFAULT_POLICY: OfflinePolicy = {
  offlineWindowMs: 12 * 3600_000,
  maxFailures: 5,
  baseLockMs: 5 * 60_000,
  maxLockMs: 60 * 60_000,
  clockToleranceMs: 5 * 60_000,
};

export interface Verifier {
  salt: string; // base64
  hash: string; // base64
  params: ScryptParams;
}

/** Everything persisted for offline unlock (kept in the SecretStore, never logged). */
export interface OfflineState {
  userId: string;
  email: string;
  verifier: Verifier;
  /** Last online (server-checked) sign-in, epoch ms. */
  signedInAt: number;
  failures: number;
  /** How many lockouts in a row (escalation). */
  lockouts: number;
  lockedUntil: number | null;
  /** Highest wall-clock time this desk has seen, epoch ms. */
  highestSeenAt: number;
}

export type UnlockRefusal =
  | { code: 'no_offline_session'; message: string }
  | { code: 'offline_expired'; message: string; expiredAt: number }
  | { code: 'locked_out'; message: string; lockedUntil: number }
  | { code: 'clock_set_back'; message: string; highestSeenAt: number }
  | { code: 'wrong_password'; message: string; attemptsLeft: number };

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Async scrypt runs on libuv's thread pool: the main process stays responsive.
    scrypt(
      password.normalize('NFKC'),
      salt,
      params.keyLength,
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 16 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

export async function createVerifier(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<Verifier> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, params);
  return { salt: salt.toString('base64'), hash: hash.toString('base64'), params };
}

export async function verifyPassword(verifier: Verifier, password: string): Promise<boolean> {
  const expected = Buffer.from(verifier.hash, 'base64');
  const actual = await derive(password, Buffer.from(verifier.salt, 'base64'), verifier.params);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function newOfflineState(userId: string, email: string, verifier: Verifier, nowMs: number, previous?: OfflineState | null): OfflineState {
  return {
    userId,
    email,
    verifier,
    signedInAt: nowMs,
    failures: 0,
    lockouts: 0,
    lockedUntil: null,
    highestSeenAt: Math.max(nowMs, previous?.highestSeenAt ?? 0),
  };
}

/** Records the current time as seen (never moves backwards). */
export function observeClock(state: OfflineState, nowMs: number): OfflineState {
  return nowMs > state.highestSeenAt ? { ...state, highestSeenAt: nowMs } : state;
}

export function offlineDeadline(state: OfflineState, policy: OfflinePolicy): number {
  return state.signedInAt + policy.offlineWindowMs;
}

/** Why an offline unlock cannot even be tried now (before checking the password), or null. */
export function unlockBlocker(state: OfflineState | null, nowMs: number, policy: OfflinePolicy): UnlockRefusal | null {
  if (!state) {
    return { code: 'no_offline_session', message: 'Nobody has signed in on this desk while online yet. Connect to the server to sign in.' };
  }
  if (nowMs < state.highestSeenAt - policy.clockToleranceMs) {
    return {
      code: 'clock_set_back',
      message: "This computer's clock is earlier than it was before. Correct the date and time, or connect to the server to sign in.",
      highestSeenAt: state.highestSeenAt,
    };
  }
  if (state.lockedUntil !== null && nowMs < state.lockedUntil) {
    return { code: 'locked_out', message: 'Too many wrong passwords. Try again later.', lockedUntil: state.lockedUntil };
  }
  const deadline = offlineDeadline(state, policy);
  if (nowMs >= deadline) {
    return { code: 'offline_expired', message: 'Offline unlock has expired. Connect to the server to sign in again.', expiredAt: deadline };
  }
  return null;
}

export interface UnlockOutcome {
  state: OfflineState;
  refusal: UnlockRefusal | null;
}

/** Checks a password for offline unlock and returns the new state to persist (failures, lockout, clock). */
export async function attemptOfflineUnlock(
  state: OfflineState | null,
  password: string,
  nowMs: number,
  policy: OfflinePolicy = DEFAULT_POLICY,
): Promise<UnlockOutcome | { state: null; refusal: UnlockRefusal }> {
  const blocker = unlockBlocker(state, nowMs, policy);
  if (!state || blocker) return { state, refusal: blocker } as UnlockOutcome;
  const seen = observeClock(state, nowMs);
  if (await verifyPassword(seen.verifier, password)) {
    return { state: { ...seen, failures: 0, lockouts: 0, lockedUntil: null }, refusal: null };
  }
  const failures = seen.failures + 1;
  if (failures >= policy.maxFailures) {
    const lockMs = Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** seen.lockouts);
    const lockedUntil = nowMs + lockMs;
    return {
      state: { ...seen, failures: 0, lockouts: seen.lockouts + 1, lockedUntil },
      refusal: { code: 'locked_out', message: 'Too many wrong passwords. Try again later.', lockedUntil },
    };
  }
  return {
    state: { ...seen, failures },
    refusal: { code: 'wrong_password', message: 'Wrong password.', attemptsLeft: policy.maxFailures - failures },
  };
}
