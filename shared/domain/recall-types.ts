import type { Instant, IsoDate } from './clinic-time.ts';
import type { RecallCriteria } from './recall-criteria.ts';
import type { RecallBasis } from './recall-due.ts';
import type { RecallOutcome } from './recall-queue.ts';

/** Output types of the recalls.* commands (the renderer's recall screens read these). */
export type PreferredChannel = 'phone' | 'sms' | 'whatsapp' | 'email';
export type CampaignStatus = 'draft' | 'active' | 'closed';

export interface RecallType {
  id: string;
  name: string;
  intervalMonths: number;
  basis: RecallBasis;
  appointmentTypeIds: string[];
  active: boolean;
  updatedAt: Instant;
}

/** One recall type's due date for a patient (the patient screen lists one per active type). */
export interface PatientRecallDue {
  recallTypeId: string;
  recallTypeName: string;
  intervalMonths: number;
  /** null when the patient has no qualifying visit: no due date can be given. */
  basisDate: IsoDate | null;
  dueDate: IsoDate | null;
  /** Days from today (negative = overdue); null without a due date. */
  daysUntil: number | null;
  state: 'no_qualifying_visit' | 'upcoming' | 'due_soon' | 'overdue';
}

export interface RecallPreviewRow {
  patientId: string;
  name: string;
  phone: string | null;
  email: string | null;
  preferredChannel: PreferredChannel;
  lastVisit: IsoDate | null;
  dueDate: IsoDate | null;
  dueReason: string;
}

export interface RecallPreview {
  count: number;
  /** The first 50 matches, earliest due first. */
  sample: RecallPreviewRow[];
}

export interface CampaignCounts {
  total: number;
  open: number;
  done: number;
  booked: number;
}

export interface RecallCampaign {
  id: string;
  name: string;
  recallTypeId: string | null;
  recallTypeName: string | null;
  criteria: RecallCriteria;
  status: CampaignStatus;
  maxAttempts: number;
  attemptSpacingHours: number;
  activatedAt: Instant | null;
  closedAt: Instant | null;
  updatedAt: Instant;
  counts: CampaignCounts;
}

export interface RecallAttempt {
  id: string;
  attemptedAt: Instant;
  attemptedBy: string | null;
  attemptedByName: string | null;
  outcome: RecallOutcome;
  callbackOn: IsoDate | null;
  notes: string | null;
}

/** Everything the caller needs on screen for one contact. */
export interface RecallQueueContact {
  contactId: string;
  campaignId: string;
  patientId: string;
  name: string;
  phone: string | null;
  email: string | null;
  preferredChannel: PreferredChannel;
  lastVisit: IsoDate | null;
  dueDate: IsoDate | null;
  dueReason: string | null;
  status: 'open' | 'done';
  outcome: RecallOutcome | null;
  attempts: number;
  maxAttempts: number;
  nextAttemptAfter: Instant | null;
  claimedUntil: Instant | null;
  bookedAppointmentId: string | null;
  notes: string | null;
  history: RecallAttempt[];
}

export interface RecallQueueNext {
  /** null when nobody can be called now. */
  contact: RecallQueueContact | null;
  /** Open contacts callable now besides this one. */
  readyCount: number;
  /** Open contacts waiting for their spacing / call-back date, or claimed by another desk. */
  waitingCount: number;
  /** When the earliest waiting contact becomes callable (for "nobody to call until 15:00"). */
  nextReadyAt: Instant | null;
}

export interface RateCount {
  count: number;
  /** Share of the campaign's contacts, 0..100 with one decimal. */
  percent: number;
}

export interface StaffResult {
  staffId: string | null;
  name: string;
  attempts: number;
  reached: number;
  booked: number;
}

export interface DayResult {
  date: IsoDate;
  attempts: number;
  reached: number;
  booked: number;
}

export interface CampaignResults {
  campaignId: string;
  total: number;
  contacted: RateCount;
  reached: RateCount;
  booked: RateCount;
  /** What became of the booked appointments. */
  appointments: { kept: number; noShow: number; cancelled: number; upcoming: number };
  outcomes: Record<RecallOutcome, number>;
  byStaff: StaffResult[];
  /** One entry per local day with attempts, oldest first (the chart's series). */
  byDay: DayResult[];
}

export interface RenderedMessage {
  channel: 'sms' | 'whatsapp' | 'email';
  language: 'en' | 'es';
  subject: string | null;
  text: string;
}
