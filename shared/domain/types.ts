import type { AppointmentStatus } from './appointment-status.ts';
import type { Instant, IsoDate } from './clinic-time.ts';

export type Language = 'en' | 'es';
export type StaffRole = 'admin' | 'manager' | 'receptionist';

export interface ClinicSummary {
  id: string;
  name: string;
  timeZone: string;
  slotMinutes: number;
  currency: string;
}

export interface StaffSummary {
  id: string;
  displayName: string;
  role: StaffRole;
}

export interface SyncStatus {
  /**
   * 'local_only' until a server is configured; never claims "synced" when it is not.
   * 'connecting': a request has waited for the server past a few seconds (it may have hung).
   */
  mode: 'local_only' | 'online' | 'offline' | 'syncing' | 'connecting';
  /** Changes a person made that wait to be sent (one per action: 3 bookings = 3). */
  pendingChanges: number;
  oldestPendingAt: Instant | null;
  lastSyncedAt: Instant | null;
  needsAttention: number;
  /** English, for logs: people read `lastErrorKind`, worded by the renderer. */
  lastError: string | null;
  /** Why the last sync cycle failed, as a code: offline | auth | bad_request | failed. */
  lastErrorKind?: 'offline' | 'auth' | 'bad_request' | 'failed' | null;
  /** The server this desk syncs with (absent when local only). */
  serverUrl?: string | null;
  /** The last call reached the server. */
  online?: boolean;
  /** Signed in with a token the server accepts; false = sign in again to sync. */
  signedIn?: boolean;
  /** True only when nothing waits to be sent and every table's count/checksum matched the server's. */
  verified?: boolean;
  verifiedAt?: Instant | null;
  /** First download of a clinic (or a resync after a server restore), while it runs. */
  progress?: SyncProgress | null;
  /** Set when this computer's clock is far from the server's (English, for logs). */
  clockWarning?: string | null;
  /** This computer's clock minus the server's (ms), when it is far off; the renderer words it. */
  clockSkewMs?: number | null;
}

export interface SyncProgress {
  phase: 'initial' | 'resync';
  rows: number;
  /** Rows the server holds for this clinic (null until known). */
  total: number | null;
  percent: number | null;
  secondsLeft: number | null;
}

export interface AppInfo {
  appVersion: string;
  deskId: string;
  language: Language;
  clinic: ClinicSummary;
  staff: StaffSummary | null;
  sync: SyncStatus;
  /** The desk's clock when it answered (the host's `--now` moves it): "today" follows it. */
  now: Instant;
  /** Present after this desk's damaged database was rebuilt from the server (until the next rebuild). */
  recovery?: RecoveryInfo;
}

/** What the staff are told after a damaged local database was replaced (electron/storage/rebuild-damaged.ts). */
export interface RecoveryInfo {
  /** When the damaged file was found and the database rebuilt. */
  at: Instant;
  /** The file holding the unsynced changes that could be read; null when nothing could be read. */
  exportFile: string | null;
  /** Unsynced changes found in the damaged file (saved to exportFile). */
  changes: number;
  /** How many of them were queued again to be sent to the server. */
  requeued: number;
  /** Where the damaged database file was kept. */
  keptFile: string;
  /** The technical account in English, for support. */
  message: string;
  /** Someone at this desk closed the banner (the Sync screen still tells). */
  dismissed: boolean;
}

export interface TimeRange {
  startsAt: Instant;
  endsAt: Instant;
}

export interface DayDoctor {
  id: string;
  displayName: string;
  specialty: string | null;
  color: string;
  /** Working ranges of the day (possibly several), with the room they work in. */
  hours: (TimeRange & { roomId: string | null; roomName: string | null })[];
  breaks: (TimeRange & { label: string | null })[];
  vacations: (TimeRange & { reason: string | null })[];
}

export interface DayAppointment extends TimeRange {
  id: string;
  doctorId: string;
  roomId: string | null;
  patientId: string;
  patientName: string;
  typeId: string | null;
  typeName: string | null;
  typeColor: string | null;
  status: AppointmentStatus;
  notes: string | null;
}

export interface DaySchedule {
  date: IsoDate;
  clinic: ClinicSummary;
  /** The local day as UTC instants (23 or 25 hours long on daylight-saving days). */
  day: TimeRange;
  doctors: DayDoctor[];
  blocked: (TimeRange & { reason: string | null })[];
  appointments: DayAppointment[];
  /** Patients booked this day who have money overdue today (the schedule's badge). */
  overduePatientIds: string[];
}

export interface AppointmentDetail extends DayAppointment {
  patient: {
    id: string;
    firstName: string;
    lastName: string;
    phone: string | null;
    email: string | null;
    birthDate: IsoDate | null;
    preferredChannel: 'phone' | 'sms' | 'whatsapp' | 'email';
  };
  doctorName: string;
  roomName: string | null;
  cancelledAt: Instant | null;
  cancelReason: string | null;
  updatedAt: Instant;
  allowedNext: AppointmentStatus[];
}
