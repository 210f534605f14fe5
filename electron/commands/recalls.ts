import { type IsoDate, instantToLocalDate, todayIn } from '../../shared/domain/clinic-time.ts';
import { dueSentence, renderMessage } from '../../shared/domain/message-templates.ts';
import { type CompiledCriteria, type RecallCriteria, compileCriteria, dueReason } from '../../shared/domain/recall-criteria.ts';
import { type RecallRule, daysUntil, dueDateFor, dueFromInstant } from '../../shared/domain/recall-due.ts';
import type { PatientRecallDue, RecallPreviewRow } from '../../shared/domain/recall-types.ts';
import type { ReadDb } from '../db/database.ts';
import { getClinic } from '../db/repos/clinics.ts';
import { getCampaign } from '../db/repos/recall-campaigns.ts';
import { clinicPhone, getContact } from '../db/repos/recall-contacts.ts';
import {
  type CriteriaMatchRow,
  countMatching,
  patientPlanFacts,
  patientVisitFacts,
  previewMatching,
} from '../db/repos/recall-criteria.ts';
import {
  getRecallType,
  listRecallTypes,
  patientExists,
  toRule,
  unknownAppointmentTypes,
} from '../db/repos/recall-types.ts';
import { CommandError, notFound } from './command-error.ts';
import type { CommandContext, HandlerSlice } from './context.ts';

/** A due date this close counts as "due soon" on the patient screen. */
const DUE_SOON_DAYS = 30;
export const PREVIEW_SAMPLE = 50;

export function clinicClock(ctx: CommandContext) {
  const clinic = getClinic(ctx.db, ctx.clinicId);
  if (!clinic) throw new CommandError('not_found', 'The clinic of this desk was not found.').because('no_clinic');
  const now = ctx.now();
  return { clinic, timeZone: clinic.timeZone, today: todayIn(clinic.timeZone, now), now: now.toISOString() };
}

export function ruleFor(db: ReadDb, clinicId: string, recallTypeId: string | null | undefined): RecallRule | null {
  if (!recallTypeId) return null;
  const t = getRecallType(db, clinicId, recallTypeId);
  if (!t) throw notFound('The recall type', 'recallTypeId');
  return toRule(t);
}

/** Criteria + the recall type → SQL-ready bounds, with the clear refusals the builder UI shows. */
export function compileFor(
  ctx: CommandContext,
  recallTypeId: string | null | undefined,
  criteria: RecallCriteria,
): { compiled: CompiledCriteria; rule: RecallRule | null; timeZone: string } {
  const rule = ruleFor(ctx.db, ctx.clinicId, recallTypeId);
  if (criteria.due && !rule) {
    throw new CommandError('validation_error', 'recallTypeId: due-date conditions need a recall type', 'recallTypeId').because('recall_type_needed');
  }
  const clock = clinicClock(ctx);
  return { compiled: compileCriteria(criteria, rule, clock), rule, timeZone: clock.timeZone };
}

export function toPreviewRow(r: CriteriaMatchRow, rule: RecallRule | null, timeZone: string): RecallPreviewRow {
  const lastVisit = r.any_last ? instantToLocalDate(r.any_last, timeZone) : null;
  const dueDate = rule && r.basis_last ? dueFromInstant(rule, r.basis_last, timeZone).dueDate : null;
  return {
    patientId: r.patient_id,
    name: `${r.first_name} ${r.last_name}`,
    phone: r.phone,
    email: r.email,
    preferredChannel: r.preferred_channel,
    lastVisit,
    dueDate,
    dueReason: dueReason(rule?.name ?? null, dueDate, lastVisit),
  };
}

function checkTypes(ctx: CommandContext, ids: readonly string[] | undefined): void {
  const unknown = ids ? unknownAppointmentTypes(ctx.db, ctx.clinicId, ids) : [];
  if (unknown.length > 0) {
    throw new CommandError('validation_error', 'appointmentTypeIds: unknown appointment type', 'appointmentTypeIds', { unknown }).because('unknown_appointment_type');
  }
}

function patientDue(rule: RecallRule, due: ReturnType<typeof dueDateFor>, today: IsoDate): PatientRecallDue {
  const base = { recallTypeId: rule.id, recallTypeName: rule.name, intervalMonths: rule.intervalMonths };
  if (!due) return { ...base, basisDate: null, dueDate: null, daysUntil: null, state: 'no_qualifying_visit' };
  const days = daysUntil(due.dueDate, today);
  const state = days < 0 ? 'overdue' : days <= DUE_SOON_DAYS ? 'due_soon' : 'upcoming';
  return { ...base, basisDate: due.basisDate, dueDate: due.dueDate, daysUntil: days, state };
}

export const recallHandlers: HandlerSlice<
  | 'recalls.types.list'
  | 'recalls.types.create'
  | 'recalls.types.update'
  | 'recalls.dueForPatient'
  | 'recalls.preview'
  | 'recalls.templates.render'
> = {
  'recalls.types.list': (_input, ctx) => listRecallTypes(ctx.db, ctx.clinicId),

  'recalls.types.create': (input, ctx) => {
    checkTypes(ctx, input.appointmentTypeIds);
    const row = ctx.write('recalls.types.create', (w) =>
      w.insert('recall_types', {
        name: input.name,
        interval_months: input.intervalMonths,
        basis: input.basis,
        appointment_type_ids: JSON.stringify(input.basis === 'appointment_types' ? input.appointmentTypeIds : []),
        active: input.active ? 1 : 0,
      }),
    );
    return getRecallType(ctx.db, ctx.clinicId, row.id as string)!;
  },

  'recalls.types.update': ({ id, ...input }, ctx) => {
    const current = getRecallType(ctx.db, ctx.clinicId, id);
    if (!current) throw notFound('The recall type', 'id');
    checkTypes(ctx, input.appointmentTypeIds);
    const basis = input.basis ?? current.basis;
    const changes: Record<string, unknown> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.intervalMonths !== undefined) changes.interval_months = input.intervalMonths;
    if (input.basis !== undefined) changes.basis = input.basis;
    if (input.appointmentTypeIds !== undefined || basis === 'treatment_plan') {
      changes.appointment_type_ids = JSON.stringify(basis === 'appointment_types' ? (input.appointmentTypeIds ?? current.appointmentTypeIds) : []);
    }
    if (input.active !== undefined) changes.active = input.active ? 1 : 0;
    ctx.write('recalls.types.update', (w) => w.update('recall_types', id, changes));
    return getRecallType(ctx.db, ctx.clinicId, id)!;
  },

  'recalls.dueForPatient': ({ patientId }, ctx) => {
    if (!patientExists(ctx.db, ctx.clinicId, patientId)) throw notFound('The patient', 'patientId');
    const { timeZone, today } = clinicClock(ctx);
    const visits = patientVisitFacts(ctx.db, ctx.clinicId, patientId);
    const plans = patientPlanFacts(ctx.db, ctx.clinicId, patientId);
    return listRecallTypes(ctx.db, ctx.clinicId, true).map((t) => {
      const rule = toRule(t);
      return patientDue(rule, dueDateFor(rule, visits, plans, timeZone), today);
    });
  },

  'recalls.preview': ({ recallTypeId, criteria, sample }, ctx) => {
    const { compiled, rule, timeZone } = compileFor(ctx, recallTypeId, criteria);
    if (!sample) return { count: countMatching(ctx.db, ctx.clinicId, compiled), sample: [] };
    const { count, rows } = previewMatching(ctx.db, ctx.clinicId, compiled, PREVIEW_SAMPLE);
    return { count, sample: rows.map((r) => toPreviewRow(r, rule, timeZone)) };
  },

  'recalls.templates.render': ({ contactId, channel, language }, ctx) => {
    const contact = getContact(ctx.db, ctx.clinicId, contactId);
    if (!contact) throw notFound('The recall contact', 'contactId');
    const campaign = getCampaign(ctx.db, ctx.clinicId, contact.campaign_id);
    const { clinic, today } = clinicClock(ctx);
    const rendered = renderMessage(channel, language, {
      firstName: contact.first_name,
      patientName: `${contact.first_name} ${contact.last_name}`,
      clinicName: clinic.name,
      dueReason: dueSentence(language, campaign?.recallTypeName ?? null, contact.due_date, today),
      clinicPhone: clinicPhone(ctx.db, ctx.clinicId) ?? clinic.name,
    });
    return { channel, language, ...rendered };
  },
};
