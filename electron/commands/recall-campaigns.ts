import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { instantToLocalDate } from '../../shared/domain/clinic-time.ts';
import { toCsv } from '../../shared/domain/recall-csv.ts';
import { REACHED_OUTCOMES, RECALL_OUTCOMES, type RecallOutcome, percent } from '../../shared/domain/recall-queue.ts';
import type { CampaignResults, DayResult, RecallCampaign, StaffResult } from '../../shared/domain/recall-types.ts';
import type { ReadDb } from '../db/database.ts';
import { getCampaign, listCampaigns } from '../db/repos/recall-campaigns.ts';
import { listCampaignAttempts, listCampaignContacts } from '../db/repos/recall-contacts.ts';
import { listMatching } from '../db/repos/recall-criteria.ts';
import { CommandError, notFound } from './command-error.ts';
import type { HandlerSlice } from './context.ts';
import { clinicClock, compileFor, toPreviewRow } from './recalls.ts';

/**
 * A campaign is a snapshot: activation copies the matching patients into recall_contacts, so the
 * list does not shift while desks work it. Phone campaigns beyond this size are a mistake in the
 * criteria, and one activation must not hold the database for seconds.
 */
export const MAX_CAMPAIGN_CONTACTS = 10_000;

function load(db: ReadDb, clinicId: string, id: string): RecallCampaign {
  const c = getCampaign(db, clinicId, id);
  if (!c) throw notFound('The campaign', 'campaignId');
  return c;
}

function refuse(c: RecallCampaign, wanted: string, allowedFrom: string): never {
  throw new CommandError(
    'invalid_transition',
    `A ${c.status} campaign cannot be ${wanted}; only a ${allowedFrom} campaign can.`,
    'campaignId',
    { from: c.status },
  ).because('campaign_status', { status: c.status });
}

const localStamp = (instant: string | null, tz: string) =>
  instant ? format(new TZDate(Date.parse(instant), tz), 'yyyy-MM-dd HH:mm') : null;

export const recallCampaignHandlers: HandlerSlice<
  | 'recalls.campaigns.list'
  | 'recalls.campaigns.create'
  | 'recalls.campaigns.activate'
  | 'recalls.campaigns.close'
  | 'recalls.results'
  | 'recalls.exportCsv'
> = {
  'recalls.campaigns.list': (_input, ctx) => listCampaigns(ctx.db, ctx.clinicId),

  'recalls.campaigns.create': (input, ctx) => {
    compileFor(ctx, input.recallTypeId, input.criteria); // refuses unknown types and due filters without one
    const row = ctx.write('recalls.campaigns.create', (w) =>
      w.insert('recall_campaigns', {
        name: input.name,
        recall_type_id: input.recallTypeId ?? null,
        criteria: JSON.stringify(input.criteria),
        status: 'draft',
        max_attempts: input.maxAttempts,
        attempt_spacing_hours: input.attemptSpacingHours,
        created_by: ctx.staff?.id ?? null,
      }),
    );
    return load(ctx.db, ctx.clinicId, row.id as string);
  },

  'recalls.campaigns.activate': ({ campaignId }, ctx) => {
    const campaign = load(ctx.db, ctx.clinicId, campaignId);
    if (campaign.status !== 'draft') refuse(campaign, 'activated', 'draft');
    const { compiled, rule, timeZone } = compileFor(ctx, campaign.recallTypeId, campaign.criteria);
    const matches = listMatching(ctx.db, ctx.clinicId, compiled, MAX_CAMPAIGN_CONTACTS + 1);
    if (matches.length === 0) {
      throw new CommandError('validation_error', 'criteria: no patient matches; there is nobody to call', 'criteria').because('nobody_matches');
    }
    if (matches.length > MAX_CAMPAIGN_CONTACTS) {
      throw new CommandError(
        'validation_error',
        `criteria: more than ${MAX_CAMPAIGN_CONTACTS} patients match; narrow the criteria`,
        'criteria',
      ).because('too_many_match', { max: MAX_CAMPAIGN_CONTACTS });
    }
    ctx.write('recalls.campaigns.activate', (w) => {
      w.update('recall_campaigns', campaignId, { status: 'active', activated_at: w.at });
      for (const m of matches) {
        const view = toPreviewRow(m, rule, timeZone);
        w.insert('recall_contacts', {
          campaign_id: campaignId,
          patient_id: m.patient_id,
          due_date: view.dueDate,
          due_reason: view.dueReason,
          status: 'open',
          attempts: 0,
        });
      }
      w.note({ contacts: matches.length });
    });
    return load(ctx.db, ctx.clinicId, campaignId);
  },

  'recalls.campaigns.close': ({ campaignId }, ctx) => {
    const campaign = load(ctx.db, ctx.clinicId, campaignId);
    if (campaign.status !== 'active') refuse(campaign, 'closed', 'active');
    ctx.write('recalls.campaigns.close', (w) => {
      w.update('recall_campaigns', campaignId, { status: 'closed', closed_at: w.at });
    });
    return load(ctx.db, ctx.clinicId, campaignId);
  },

  'recalls.results': ({ campaignId }, ctx) => {
    load(ctx.db, ctx.clinicId, campaignId);
    const { timeZone } = clinicClock(ctx);
    const contacts = listCampaignContacts(ctx.db, campaignId);
    const attempts = listCampaignAttempts(ctx.db, campaignId);
    const contacted = new Set<string>();
    const reached = new Set<string>();
    const outcomes = Object.fromEntries(RECALL_OUTCOMES.map((o) => [o, 0])) as Record<RecallOutcome, number>;
    const staff = new Map<string, StaffResult>();
    const days = new Map<string, DayResult>();
    for (const a of attempts) {
      contacted.add(a.contact_id);
      const isReached = REACHED_OUTCOMES.has(a.outcome);
      if (isReached) reached.add(a.contact_id);
      outcomes[a.outcome]++;
      const key = a.attempted_by ?? '';
      const s = staff.get(key) ?? { staffId: a.attempted_by, name: a.attempted_by_name ?? 'Unknown', attempts: 0, reached: 0, booked: 0 };
      const date = instantToLocalDate(a.attempted_at, timeZone);
      const d = days.get(date) ?? { date, attempts: 0, reached: 0, booked: 0 };
      for (const bucket of [s, d]) {
        bucket.attempts++;
        if (isReached) bucket.reached++;
        if (a.outcome === 'booked') bucket.booked++;
      }
      staff.set(key, s);
      days.set(date, d);
    }
    const booked = contacts.filter((c) => c.booked_appointment_id !== null);
    const appointments = { kept: 0, noShow: 0, cancelled: 0, upcoming: 0 };
    for (const c of booked) {
      if (c.appointment_status === 'completed') appointments.kept++;
      else if (c.appointment_status === 'no_show') appointments.noShow++;
      else if (c.appointment_status === 'cancelled' || c.appointment_status === null) appointments.cancelled++;
      else appointments.upcoming++;
    }
    const total = contacts.length;
    const rate = (n: number) => ({ count: n, percent: percent(n, total) });
    return {
      campaignId,
      total,
      contacted: rate(contacted.size),
      reached: rate(reached.size),
      booked: rate(booked.length),
      appointments,
      outcomes,
      byStaff: [...staff.values()].sort((a, b) => b.attempts - a.attempts || a.name.localeCompare(b.name)),
      byDay: [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1)),
    } satisfies CampaignResults;
  },

  'recalls.exportCsv': ({ campaignId }, ctx) => {
    const campaign = load(ctx.db, ctx.clinicId, campaignId);
    const { timeZone, today } = clinicClock(ctx);
    const header = [
      'Patient', 'Phone', 'Email', 'Preferred channel', 'Due date', 'Due reason', 'Status', 'Outcome', 'Attempts',
      'Last attempt', 'Booked appointment', 'Appointment status', 'Notes',
    ];
    const rows = listCampaignContacts(ctx.db, campaignId).map((c) => [
      `${c.first_name} ${c.last_name}`,
      c.phone,
      c.email,
      c.preferred_channel,
      c.due_date,
      c.due_reason,
      c.status,
      c.outcome,
      c.attempts,
      localStamp(c.last_attempt_at, timeZone),
      localStamp(c.appointment_starts_at, timeZone),
      c.appointment_status,
      c.notes,
    ]);
    const slug = campaign.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'campaign';
    return { fileName: `recall-${slug}-${today}.csv`, csv: toCsv(header, rows) };
  },
};
