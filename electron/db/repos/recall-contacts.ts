import type { Instant, IsoDate } from '../../../shared/domain/clinic-time.ts';
import type { RecallOutcome } from '../../../shared/domain/recall-queue.ts';
import type { PreferredChannel } from '../../../shared/domain/recall-types.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

/** Recall contacts and their append-only attempts: the work queue, results and export reads. */
export interface ContactRow {
  id: string;
  campaign_id: string;
  patient_id: string;
  due_date: IsoDate | null;
  due_reason: string | null;
  status: 'open' | 'done';
  outcome: RecallOutcome | null;
  attempts: number;
  last_attempt_at: Instant | null;
  next_attempt_after: Instant | null;
  claimed_by: string | null;
  claimed_until: Instant | null;
  booked_appointment_id: string | null;
  notes: string | null;
  first_name: string;
  last_name: string;
  phone: string | null;
  email: string | null;
  preferred_channel: PreferredChannel;
  opt_out: number;
  blocked: number;
  last_visit_at: Instant | null;
}

const CONTACT_SELECT = `
  SELECT k.id, k.campaign_id, k.patient_id, k.due_date, k.due_reason, k.status, k.outcome, k.attempts,
         k.last_attempt_at, k.next_attempt_after, k.claimed_by, k.claimed_until, k.booked_appointment_id, k.notes,
         p.first_name, p.last_name, p.phone, p.email, p.preferred_channel, p.opt_out, p.blocked,
         (SELECT MAX(COALESCE(a.completed_at, a.ends_at)) FROM appointments a
            WHERE a.patient_id = k.patient_id AND a.status = 'completed' AND a.deleted_at IS NULL) AS last_visit_at
  FROM recall_contacts k JOIN patients p ON p.id = k.patient_id`;

export function getContact(db: ReadDb, clinicId: string, id: string): ContactRow | null {
  return (
    stmt<ContactRow>(db, `${CONTACT_SELECT} WHERE k.id = ? AND k.clinic_id = ? AND k.deleted_at IS NULL`).get(id, clinicId) ??
    null
  );
}

/** Open contacts of live, reachable patients (opted out or blocked since the snapshot: skipped). */
const CALLABLE_BASE = `
  FROM recall_contacts k JOIN patients p ON p.id = k.patient_id
  WHERE k.campaign_id = @campaign AND k.clinic_id = @clinic AND k.deleted_at IS NULL AND k.status = 'open'
    AND p.deleted_at IS NULL AND p.opt_out = 0 AND p.blocked = 0`;

/** A claim by another desk that has not expired. */
const HELD_BY_OTHER = `(k.claimed_by IS NOT NULL AND k.claimed_by <> @desk AND k.claimed_until > @now)`;
const SPACED = `(k.next_attempt_after IS NOT NULL AND k.next_attempt_after > @now)`;

/**
 * The contact this desk should call now: its own live claim first (a reload shows the same
 * person), then call-backs that are due, then the fewest attempts, earliest due date.
 */
export function nextCallableId(
  db: ReadDb,
  args: { campaignId: string; clinicId: string; desk: string; now: Instant; skip: readonly string[] },
): string | null {
  const skip = args.skip.length > 0 ? ` AND k.id NOT IN (${args.skip.map((_, i) => `@s${i}`).join(', ')})` : '';
  const params: Record<string, unknown> = { desk: args.desk, now: args.now };
  args.skip.forEach((id, i) => (params[`s${i}`] = id));
  const row = stmt<{ id: string }>(
    db,
    `SELECT k.id ${CALLABLE_BASE}
       AND NOT ${HELD_BY_OTHER} AND NOT ${SPACED}${skip}
     ORDER BY (k.claimed_by = @desk AND k.claimed_until > @now) DESC, (k.outcome = 'call_back') DESC, k.attempts,
              k.due_date IS NULL, k.due_date, k.id
     LIMIT 1`,
  ).get({ ...params, campaign: args.campaignId, clinic: args.clinicId });
  return row?.id ?? null;
}

export interface QueueCounts {
  ready: number;
  waiting: number;
  next_ready_at: Instant | null;
}

export function queueCounts(db: ReadDb, campaignId: string, clinicId: string, desk: string, now: Instant): QueueCounts {
  return stmt<QueueCounts>(
    db,
    `SELECT coalesce(sum(NOT ${HELD_BY_OTHER} AND NOT ${SPACED}), 0) AS ready,
            coalesce(sum(${HELD_BY_OTHER} OR ${SPACED}), 0) AS waiting,
            min(CASE WHEN ${HELD_BY_OTHER} OR ${SPACED}
                     THEN max(coalesce(k.next_attempt_after, ''), CASE WHEN ${HELD_BY_OTHER} THEN k.claimed_until ELSE '' END) END)
              AS next_ready_at
     ${CALLABLE_BASE}`,
  ).get({ campaign: campaignId, clinic: clinicId, desk, now })!;
}

export interface AttemptRow {
  id: string;
  contact_id: string;
  attempted_at: Instant;
  attempted_by: string | null;
  attempted_by_name: string | null;
  outcome: RecallOutcome;
  callback_on: IsoDate | null;
  notes: string | null;
}

const ATTEMPT_SELECT = `
  SELECT r.id, r.contact_id, r.attempted_at, r.attempted_by, s.display_name AS attempted_by_name, r.outcome,
         r.callback_on, r.notes
  FROM recall_attempts r LEFT JOIN staff s ON s.id = r.attempted_by`;

export function listAttempts(db: ReadDb, contactId: string): AttemptRow[] {
  return stmt<AttemptRow>(
    db,
    `${ATTEMPT_SELECT} WHERE r.contact_id = ? AND r.deleted_at IS NULL ORDER BY r.attempted_at, r.id`,
  ).all(contactId);
}

export function listCampaignAttempts(db: ReadDb, campaignId: string): AttemptRow[] {
  return stmt<AttemptRow>(
    db,
    `${ATTEMPT_SELECT} JOIN recall_contacts k ON k.id = r.contact_id
     WHERE k.campaign_id = ? AND k.deleted_at IS NULL AND r.deleted_at IS NULL ORDER BY r.attempted_at, r.id`,
  ).all(campaignId);
}

export interface ResultContactRow {
  id: string;
  status: 'open' | 'done';
  outcome: RecallOutcome | null;
  attempts: number;
  booked_appointment_id: string | null;
  appointment_status: string | null;
  appointment_starts_at: Instant | null;
}

/** Every contact of a campaign with its booked appointment's current status (results, export). */
export function listCampaignContacts(db: ReadDb, campaignId: string): (ResultContactRow & ExportExtra)[] {
  return stmt<ResultContactRow & ExportExtra>(
    db,
    `SELECT k.id, k.status, k.outcome, k.attempts, k.booked_appointment_id, k.due_date, k.due_reason, k.notes,
            k.last_attempt_at, a.status AS appointment_status, a.starts_at AS appointment_starts_at,
            p.first_name, p.last_name, p.phone, p.email, p.preferred_channel
     FROM recall_contacts k
     JOIN patients p ON p.id = k.patient_id
     LEFT JOIN appointments a ON a.id = k.booked_appointment_id AND a.deleted_at IS NULL
     WHERE k.campaign_id = ? AND k.deleted_at IS NULL
     ORDER BY p.last_name, p.first_name, k.id`,
  ).all(campaignId);
}

export interface ExportExtra {
  due_date: IsoDate | null;
  due_reason: string | null;
  notes: string | null;
  last_attempt_at: Instant | null;
  first_name: string;
  last_name: string;
  phone: string | null;
  email: string | null;
  preferred_channel: PreferredChannel;
}

export function appointmentOfPatient(
  db: ReadDb,
  clinicId: string,
  appointmentId: string,
): { patient_id: string; status: string } | null {
  return (
    stmt<{ patient_id: string; status: string }>(
      db,
      `SELECT patient_id, status FROM appointments WHERE id = ? AND clinic_id = ? AND deleted_at IS NULL`,
    ).get(appointmentId, clinicId) ?? null
  );
}

export function clinicPhone(db: ReadDb, clinicId: string): string | null {
  return stmt<{ phone: string | null }>(db, `SELECT phone FROM clinics WHERE id = ?`).get(clinicId)?.phone ?? null;
}
