import type { Instant } from './clinic-time.ts';
import type { StaffSummary } from './types.ts';

/** Why the desk is locked: idle time ran out, or someone locked it by hand. */
export type DeskLockReason = 'idle' | 'manual';

/** The desk's screen lock and who is acting at it ('auth.deskLock'). */
export interface DeskLockState {
  locked: boolean;
  reason: DeskLockReason | null;
  /** Idle time before the lock, per desk (default 300 s). */
  idleSeconds: number;
  /** Whether anyone can unlock this desk again (a PIN is set, or a signed-in password exists): no lock otherwise. */
  canLock: boolean;
  /** The staff member whose actions are audited now. */
  acting: StaffSummary | null;
  actingHasPin: boolean;
  /** Staff of this clinic with a PIN on this desk: each can unlock (and take over) with it. */
  pinStaff: StaffSummary[];
  /** The signed-in account (server mode), who can also unlock with their password. */
  passwordUser: { staffId: string; displayName: string; email: string } | null;
  /** A staff member's PIN is refused until then after repeated wrong PINs. */
  lockedOutUntil: Instant | null;
}

export interface AuditRow {
  id: string;
  at: Instant;
  actorStaffId: string | null;
  actorName: string | null;
  deskId: string | null;
  action: string;
  tableName: string | null;
  rowId: string | null;
  /** The details JSON as stored (rows touched, reasons, sync refusals). */
  details: string;
}

export interface AuditFacets {
  staff: StaffSummary[];
  actions: string[];
  tables: string[];
  desks: string[];
}

export interface AuditPage {
  rows: AuditRow[];
  /** Pass back as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null;
  facets: AuditFacets;
}
