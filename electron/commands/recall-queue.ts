import { instantToLocalDate, localMinuteToInstant } from '../../shared/domain/clinic-time.ts';
import { type AttemptRules, type ContactState, claimUntil, isValidCallback, resolveContact } from '../../shared/domain/recall-queue.ts';
import type { RecallQueueContact } from '../../shared/domain/recall-types.ts';
import type { ReadDb } from '../db/database.ts';
import { getCampaign } from '../db/repos/recall-campaigns.ts';
import {
  appointmentOfPatient,
  getContact,
  listAttempts,
  nextCallableId,
  queueCounts,
} from '../db/repos/recall-contacts.ts';
import { CommandError, notFound } from './command-error.ts';
import type { CommandContext, HandlerSlice } from './context.ts';
import { clinicClock } from './recalls.ts';

/**
 * The work queue. Claim design (full note in shared/domain/recall-queue.ts): a claim is the synced
 * pair claimed_by/claimed_until, taken in the same write transaction that picks the contact; other
 * desks skip unexpired claims; attempts are append-only and the contact is re-resolved from all
 * of them, so two desks that called the same person while offline both keep their call.
 */
function activeCampaign(ctx: CommandContext, campaignId: string) {
  const campaign = getCampaign(ctx.db, ctx.clinicId, campaignId);
  if (!campaign) throw notFound('The campaign', 'campaignId');
  if (campaign.status !== 'active') {
    throw new CommandError('invalid_transition', `This campaign is ${campaign.status}; only an active campaign has a call list.`, 'campaignId', {
      status: campaign.status,
    }).because('campaign_not_active');
  }
  return campaign;
}

/** Stale picks re-resolved in one "next contact" before it gives up (each is written back). */
const MAX_STALE_PICKS = 20;

function resolveFromAttempts(db: ReadDb, contactId: string, rules: AttemptRules, timeZone: string): ContactState {
  return resolveContact(
    listAttempts(db, contactId).map((a) => ({
      id: a.id,
      attemptedAt: a.attempted_at,
      outcome: a.outcome,
      callbackAt: a.callback_on ? localMinuteToInstant(a.callback_on, 0, timeZone) : null,
    })),
    rules,
  );
}

const stateColumns = (state: ContactState) => ({
  status: state.status,
  outcome: state.outcome,
  attempts: state.attempts,
  last_attempt_at: state.lastAttemptAt,
  next_attempt_after: state.nextAttemptAfter,
});

/**
 * The contact's state columns when they differ from what its attempts resolve to (null when they
 * agree), and whether the resolved contact may be called at a given instant.
 */
function resolvedChanges(db: ReadDb, clinicId: string, contactId: string, rules: AttemptRules, timeZone: string) {
  const stored = getContact(db, clinicId, contactId);
  if (!stored) return null;
  const state = resolveFromAttempts(db, contactId, rules, timeZone);
  const changes = stateColumns(state);
  const same = (Object.keys(changes) as (keyof typeof changes)[]).every((k) => stored[k] === changes[k]);
  if (same) return null;
  return {
    changes,
    callableAt: (now: string) => state.status === 'open' && (state.nextAttemptAfter === null || state.nextAttemptAfter <= now),
  };
}

function contactView(db: ReadDb, clinicId: string, id: string, maxAttempts: number, timeZone: string): RecallQueueContact {
  const c = getContact(db, clinicId, id);
  if (!c) throw notFound('The recall contact', 'contactId');
  return {
    contactId: c.id,
    campaignId: c.campaign_id,
    patientId: c.patient_id,
    name: `${c.first_name} ${c.last_name}`,
    phone: c.phone,
    email: c.email,
    preferredChannel: c.preferred_channel,
    lastVisit: c.last_visit_at ? instantToLocalDate(c.last_visit_at, timeZone) : null,
    dueDate: c.due_date,
    dueReason: c.due_reason,
    status: c.status,
    outcome: c.outcome,
    attempts: c.attempts,
    maxAttempts,
    nextAttemptAfter: c.next_attempt_after,
    claimedUntil: c.claimed_until,
    bookedAppointmentId: c.booked_appointment_id,
    notes: c.notes,
    history: listAttempts(db, c.id).map((a) => ({
      id: a.id,
      attemptedAt: a.attempted_at,
      attemptedBy: a.attempted_by,
      attemptedByName: a.attempted_by_name,
      outcome: a.outcome,
      callbackOn: a.callback_on,
      notes: a.notes,
    })),
  };
}

export const recallQueueHandlers: HandlerSlice<'recalls.queue.next' | 'recalls.queue.release' | 'recalls.attempts.log'> = {
  'recalls.queue.next': ({ campaignId, skip }, ctx) => {
    const campaign = activeCampaign(ctx, campaignId);
    const { timeZone } = clinicClock(ctx);
    const now = ctx.now().toISOString();
    // Pick and claim in ONE immediate transaction: another desk on this database waits, then sees the claim.
    const rules = { maxAttempts: campaign.maxAttempts, attemptSpacingHours: campaign.attemptSpacingHours };
    const id = ctx.write('recalls.queue.claim', (w) => {
      const passed = [...skip];
      // Attempts pulled from other desks may have moved a contact on (its own row can lag behind
      // them after a sync conflict): re-resolve each pick, and pick again when it is not callable.
      for (let tries = 0; tries < MAX_STALE_PICKS; tries++) {
        const picked = nextCallableId(ctx.db, { campaignId, clinicId: ctx.clinicId, desk: ctx.deskId, now, skip: passed });
        if (!picked) return null;
        const state = resolvedChanges(ctx.db, ctx.clinicId, picked, rules, timeZone);
        if (state && !state.callableAt(now)) {
          w.update('recall_contacts', picked, state.changes);
          passed.push(picked);
          continue;
        }
        // The correction, if any, and the claim as one change.
        w.update('recall_contacts', picked, { ...state?.changes, claimed_by: ctx.deskId, claimed_until: claimUntil(now) });
        return picked;
      }
      return null;
    });
    const counts = queueCounts(ctx.db, campaignId, ctx.clinicId, ctx.deskId, now);
    return {
      contact: id ? contactView(ctx.db, ctx.clinicId, id, campaign.maxAttempts, timeZone) : null,
      readyCount: Math.max(0, counts.ready - (id ? 1 : 0)),
      waitingCount: counts.waiting,
      nextReadyAt: counts.next_ready_at,
    };
  },

  'recalls.queue.release': ({ contactId }, ctx) => {
    const c = getContact(ctx.db, ctx.clinicId, contactId);
    if (!c) throw notFound('The recall contact', 'contactId');
    if (c.claimed_by !== ctx.deskId) return { released: false };
    ctx.write('recalls.queue.release', (w) => w.update('recall_contacts', contactId, { claimed_by: null, claimed_until: null }));
    return { released: true };
  },

  'recalls.attempts.log': (input, ctx) => {
    const contact = getContact(ctx.db, ctx.clinicId, input.contactId);
    if (!contact) throw notFound('The recall contact', 'contactId');
    const campaign = activeCampaign(ctx, contact.campaign_id);
    const { timeZone, today } = clinicClock(ctx);
    if (input.outcome === 'call_back' && !isValidCallback(input.callbackOn!, today)) {
      throw new CommandError('validation_error', 'callbackOn: the call-back date is in the past', 'callbackOn').because('date_in_past');
    }
    if (input.appointmentId) {
      const appt = appointmentOfPatient(ctx.db, ctx.clinicId, input.appointmentId);
      if (!appt || appt.patient_id !== contact.patient_id) {
        throw new CommandError('validation_error', 'appointmentId: not an appointment of this patient', 'appointmentId').because('appointment_other_patient');
      }
    }
    const rules = { maxAttempts: campaign.maxAttempts, attemptSpacingHours: campaign.attemptSpacingHours };
    ctx.write(`recalls.attempts.${input.outcome}`, (w) => {
      w.insert('recall_attempts', {
        contact_id: contact.id,
        attempted_at: w.at,
        attempted_by: ctx.staff?.id ?? null,
        outcome: input.outcome,
        callback_on: input.outcome === 'call_back' ? input.callbackOn : null,
        notes: input.notes ?? null,
      });
      // Re-resolve from every attempt this desk has, so attempts synced from other desks count too.
      const changes: Record<string, unknown> = stateColumns(resolveFromAttempts(ctx.db, contact.id, rules, timeZone));
      if (contact.claimed_by === ctx.deskId) Object.assign(changes, { claimed_by: null, claimed_until: null });
      if (input.appointmentId) changes.booked_appointment_id = input.appointmentId;
      if (input.notes) changes.notes = input.notes;
      w.update('recall_contacts', contact.id, changes);
      if (input.outcome === 'opted_out') w.update('patients', contact.patient_id, { opt_out: 1 });
      w.note({ outcome: input.outcome, campaignId: campaign.id });
    });
    return contactView(ctx.db, ctx.clinicId, contact.id, campaign.maxAttempts, timeZone);
  },
};
