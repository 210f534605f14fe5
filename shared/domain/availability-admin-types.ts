import type { Instant, IsoDate } from './clinic-time.ts';

/** Read models of the availability editors: rooms, types, weekly hours, absences. */

export interface RoomView {
  id: string;
  name: string;
  active: boolean;
}

export interface AppointmentTypeView {
  id: string;
  name: string;
  durationMinutes: number;
  color: string;
  active: boolean;
}

export interface DoctorView {
  id: string;
  displayName: string;
  specialty: string | null;
  color: string;
  active: boolean;
}

export interface DurationOverrideView {
  id: string;
  doctorId: string;
  appointmentTypeId: string;
  durationMinutes: number;
}

export interface PeriodView {
  id: string;
  startsAt: Instant;
  endsAt: Instant;
  reason: string | null;
}

export interface AvailabilitySettings {
  /** Admins and managers may edit; everyone may read (booking needs types and rooms). */
  canEdit: boolean;
  timeZone: string;
  slotMinutes: number;
  /** Check-in, start and completion open this many minutes before a visit (clinics.status_lead_minutes). */
  statusLeadMinutes: number;
  doctors: DoctorView[];
  rooms: RoomView[];
  appointmentTypes: AppointmentTypeView[];
  durationOverrides: DurationOverrideView[];
  /** Clinic closures that end after the start of the last 30 days. */
  blocked: PeriodView[];
}

export interface WeeklyRangeView {
  id: string;
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export interface DoctorScheduleView {
  doctorId: string;
  hours: (WeeklyRangeView & { roomId: string | null; validFrom: IsoDate | null; validTo: IsoDate | null })[];
  breaks: (WeeklyRangeView & { label: string | null })[];
  /** Vacations that end after the start of the last 30 days. */
  vacations: PeriodView[];
}

/** An appointment an edit would leave outside the doctor's availability (details of 'conflict'). */
export interface OrphanAppointment {
  id: string;
  startsAt: Instant;
  endsAt: Instant;
  patientName: string;
  doctorName: string;
}
