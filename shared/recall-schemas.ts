import { z } from 'zod';
import { isValidIsoDate } from './domain/clinic-time.ts';
import { RecallCriteriaSchema } from './domain/recall-criteria.ts';
import { RECALL_BASES } from './domain/recall-due.ts';
import { RECALL_OUTCOMES } from './domain/recall-queue.ts';

/** Input schemas of the recalls.* commands. */

const Uuid = z.string().uuid({ message: 'not_a_reference' });
const CalendarDate = z.string().refine(isValidIsoDate, { message: 'calendar_date' });
const Name = z.string().trim().min(1, { message: 'required' }).max(200, { message: 'must be at most 200 characters' });

export const RecallTypeCreateSchema = z
  .object({
    name: Name,
    intervalMonths: z.number().int().min(1, { message: 'must be at least 1 month' }).max(120, { message: 'must be at most 120 months' }),
    basis: z.enum(RECALL_BASES),
    appointmentTypeIds: z.array(Uuid).max(50).default([]),
    active: z.boolean().default(true),
  })
  .strict();

export const RecallTypeUpdateSchema = z
  .object({
    id: Uuid,
    name: Name.optional(),
    intervalMonths: z.number().int().min(1).max(120).optional(),
    basis: z.enum(RECALL_BASES).optional(),
    appointmentTypeIds: z.array(Uuid).max(50).optional(),
    active: z.boolean().optional(),
  })
  .strict();

/** sample: false = the live count only (fast path while the criteria are being edited). */
export const RecallPreviewSchema = z
  .object({ recallTypeId: Uuid.optional(), criteria: RecallCriteriaSchema, sample: z.boolean().default(true) })
  .strict();

export const CampaignCreateSchema = z
  .object({
    name: Name,
    recallTypeId: Uuid.optional(),
    criteria: RecallCriteriaSchema,
    maxAttempts: z.number().int().min(1).max(20).default(3),
    attemptSpacingHours: z.number().int().min(0).max(24 * 60).default(24),
  })
  .strict();

export const CampaignIdSchema = z.object({ campaignId: Uuid }).strict();

export const QueueNextSchema = z
  .object({ campaignId: Uuid, skip: z.array(Uuid).max(200).default([]) })
  .strict();

export const ContactIdSchema = z.object({ contactId: Uuid }).strict();

export const AttemptLogSchema = z
  .object({
    contactId: Uuid,
    outcome: z.enum(RECALL_OUTCOMES),
    callbackOn: CalendarDate.optional(),
    notes: z.string().trim().max(2000).optional(),
    appointmentId: Uuid.optional(),
  })
  .strict()
  .refine((a) => a.outcome !== 'call_back' || a.callbackOn !== undefined, {
    message: 'callback_date_required',
    path: ['callbackOn'],
  })
  .refine((a) => a.outcome !== 'booked' || a.appointmentId !== undefined, {
    message: 'booked_appointment_required',
    path: ['appointmentId'],
  });

export const TemplateRenderSchema = z
  .object({
    contactId: Uuid,
    channel: z.enum(['sms', 'whatsapp', 'email']),
    language: z.enum(['en', 'es']),
  })
  .strict();
