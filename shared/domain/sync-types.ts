import type { AvailableSlot } from './booking-types.ts';
import type { Instant } from './clinic-time.ts';

export type AttentionFix = 'dismiss' | 'retry' | 'rebook';

/** A local change the server refused, as the "Needs attention" list shows it. */
export interface AttentionItem {
  id: string;
  table: string;
  rowId: string;
  op: 'insert' | 'update' | 'delete';
  /** The refused mutation and the later changes of the same row, in order. */
  attempted: { op: string; changes: Record<string, unknown> }[];
  byStaffId: string | null;
  byName: string | null;
  attemptedAt: Instant;
  failedAt: Instant;
  /** 'conflict' or the server's reason (overlap_doctor, forbidden, invalid, server_error...). */
  reason: string;
  message: string;
  /** The server's row when it was refused (null: the server has none). */
  serverRow: Record<string, unknown> | null;
  /** The local row as it was before the server's truth was restored. */
  attemptedRow: Record<string, unknown> | null;
  fixes: AttentionFix[];
  /** For a refused booking: the doctor's next free slots, ready for 'rebook'. */
  freeSlots: AvailableSlot[];
  /** Names for the ids in the rows above (doctor, patient, room, type, staff), from the local DB. */
  labels: Record<string, string>;
  /** A refused booking: the booking that took the time, as this desk now knows it (after the pull). */
  takenBy?: TakenBy | null;
  /** A refused booking: whom to call about it, and how. */
  contact?: { patient: string; phone: string | null } | null;
}

export interface TakenBy {
  appointmentId: string;
  patient: string;
  doctor: string;
  room: string | null;
  startsAt: Instant;
  endsAt: Instant;
  /** The staff member who booked it (on another desk), when known. */
  bookedBy: string | null;
}
