import type { Instant } from './clinic-time.ts';
import type { StaffRole } from './types.ts';

/**
 * Who works at this desk. 'local_only': no server configured (demo/local mode, nobody signs in).
 * 'signed_out': a server is configured and nobody is signed in. 'locked': a session exists but the
 * desk needs the password (locked by hand, or restarted while offline). 'signed_in': working.
 */
export type AuthMode = 'local_only' | 'signed_out' | 'locked' | 'signed_in';

export interface AuthUser {
  userId: string;
  email: string;
  staffId: string;
  clinicId: string;
  displayName: string;
  role: StaffRole;
}

export type LockReason = 'manual' | 'restart_offline';

export interface AuthSession {
  mode: AuthMode;
  /** Whether the server answered the last time we asked; null in local-only mode. */
  online: boolean | null;
  /** Unlocked with the local verifier, not checked by the server (an outage). */
  offlineUnlocked: boolean;
  user: AuthUser | null;
  /** When the server access token expires (an expired token offline is not a sign-out). */
  accessExpiresAt: Instant | null;
  /** Offline unlock is allowed until then (12 h after the last online sign-in by default). */
  offlineUnlockUntil: Instant | null;
  /** Offline unlock refused until then after repeated wrong passwords. */
  lockedOutUntil: Instant | null;
  lockReason: LockReason | null;
  serverUrl: string | null;
  /** The embedded demo server started by `npm start`: the demo receptionist is signed in for you. */
  embeddedDemo: boolean;
  /** The last signed-in email, to prefill the sign-in form. */
  lastEmail: string | null;
}

/**
 * Why a sign-in or unlock failed, in `error.details.reason` (error.code 'unauthorized' or 'offline').
 */
export type AuthFailureReason =
  | 'invalid_credentials'
  | 'locked_out'
  | 'server_unreachable'
  | 'not_staff'
  | 'wrong_password'
  | 'offline_expired'
  | 'clock_set_back'
  | 'no_offline_session'
  | 'not_configured';
