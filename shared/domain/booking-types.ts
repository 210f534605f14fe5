import type { AppointmentStatus } from './appointment-status.ts';
import type { DayAvailability, FreeSlot } from './availability.ts';
import type { Instant, IsoDate } from './clinic-time.ts';
import type { AppointmentDetail } from './types.ts';

export type PreferredChannel = 'phone' | 'sms' | 'whatsapp' | 'email';

export interface PatientSummary {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: IsoDate | null;
  phone: string | null;
  email: string | null;
  nationalId: string | null;
  preferredChannel: PreferredChannel;
  optOut: boolean;
  blocked: boolean;
}

export interface PatientDetail extends PatientSummary {
  blockedReason: string | null;
  notes: string | null;
  updatedAt: Instant;
}

export interface PatientSearchResult {
  patients: PatientSummary[];
  /** More patients match than were returned: ask the user to type more. */
  hasMore: boolean;
  /** Set when the query could not be searched as typed (e.g. too short). */
  hint: 'too_short' | null;
}

export type DuplicateReason = 'phone' | 'name_birth_date' | 'national_id';

/** An existing patient that looks like the one being created (details of a 'conflict' error). */
export interface DuplicateCandidate {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: IsoDate | null;
  phone: string | null;
  reasons: DuplicateReason[];
}

export interface PatientAppointment {
  id: string;
  startsAt: Instant;
  endsAt: Instant;
  status: AppointmentStatus;
  doctorId: string;
  doctorName: string;
  roomName: string | null;
  typeName: string | null;
  typeColor: string | null;
  notes: string | null;
  cancelReason: string | null;
}

export interface PatientAppointments {
  patientId: string;
  /** Starting now or later, soonest first. */
  upcoming: PatientAppointment[];
  /** Started before now, latest first (at most 100). */
  past: PatientAppointment[];
}

export interface AvailableSlot extends FreeSlot {
  doctorName: string;
  roomName: string | null;
  durationMinutes: number;
}

export interface FindFreeResult {
  appointmentTypeId: string;
  slots: AvailableSlot[];
  /** The last local date searched (the range end, or earlier when `limit` slots were found). */
  searchedThrough: IsoDate;
}

export interface WeekAvailability {
  doctorId: string;
  doctorName: string;
  weekStart: IsoDate;
  timeZone: string;
  slotMinutes: number;
  days: DayAvailability[];
}

/** What the action to undo was: the renderer words "Booked …" / "Moved …" from it. */
export type UndoKind = 'book' | 'reschedule' | 'status' | 'patient';

/** The facts of the action to undo, so the renderer can word it in the desk's language. */
export interface UndoFacts {
  kind: UndoKind;
  /** The patient's full name. */
  patient: string;
  /** The appointment's start now (after the action); null for a new patient. */
  startsAt: Instant | null;
  /** reschedule: the start it would move back to. */
  previousStartsAt: Instant | null;
  /** status: the status the action set, and the one undo brings back. */
  status: string | null;
  previousStatus: string | null;
}

export interface UndoResult {
  /** The audited action that was (or would be) undone, e.g. 'appointments.book'. */
  action: string;
  /** English for logs only ("Booking of Lucía García on … removed."); people read `facts`, worded by the renderer. */
  description: string;
  facts: UndoFacts;
  appointment: AppointmentDetail | null;
  patientId: string | null;
  /** true when only previewed ({ preview: true }): nothing was changed. */
  preview: boolean;
}
