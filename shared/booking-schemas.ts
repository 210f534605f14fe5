/**
 * Input schemas of the availability, patient and booking commands. Kept out of
 * commands.ts so the table stays a readable index; commands.ts imports these.
 */
import { z } from 'zod';
import { isValidIsoDate } from './domain/clinic-time.ts';
import { normalizeNationalId, phoneDigits } from './domain/patient-search.ts';

const Uuid = z.string().uuid({ message: 'not_a_reference' });
const Day = z.string().refine(isValidIsoDate, { message: 'calendar_date' });
/** Any ISO-8601 instant with an offset; normalised to UTC with milliseconds ('…T09:00:00.000Z'). */
const InstantInput = z.iso
  .datetime({ offset: true, message: 'must be an ISO date-time with a time zone, e.g. 2026-11-23T09:00:00Z' })
  .transform((s) => new Date(s).toISOString());

/** '' or whitespace means "no value" (null), so cleared form fields clear the column. */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalNullable = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable()).optional();

const Name = z.string().trim().min(1, { message: 'required' }).max(100, { message: 'is too long (max 100)' });
const Phone = z
  .string()
  .trim()
  .max(30, { message: 'is too long' })
  .refine((v) => /^\+?[\d\s\-().\/]+$/.test(v), { message: 'phone_chars' })
  .refine((v) => phoneDigits(v).length >= 6 && phoneDigits(v).length <= 15, { message: 'phone_digits' });
const Email = z.string().trim().toLowerCase().pipe(z.email({ message: 'email' }));
const NationalId = z
  .string()
  .transform(normalizeNationalId)
  .pipe(z.string().regex(/^[A-Z0-9]{4,20}$/, { message: 'national_id_format' }));
const BirthDate = Day.refine((d) => d >= '1900-01-01', { message: 'birth_before_1900' });
const Channel = z.enum(['phone', 'sms', 'whatsapp', 'email']);
const Notes = z.string().trim().max(2000, { message: 'is too long (max 2000)' });

export const TimeOfDaySchema = z.union([
  z.enum(['any', 'morning', 'afternoon']),
  z
    .object({ fromMinute: z.number().int().min(0).max(1440), toMinute: z.number().int().min(0).max(1440) })
    .strict()
    .refine((r) => r.toMinute > r.fromMinute, { message: 'end_before_start' }),
]);

export const FindFreeInputSchema = z
  .object({
    /** Omit for any doctor. */
    doctorId: Uuid.optional(),
    appointmentTypeId: Uuid,
    fromDate: Day,
    /** Inclusive; default fromDate + 27 days; at most 92 days after fromDate. */
    toDate: Day.optional(),
    timeOfDay: TimeOfDaySchema.optional(),
    limit: z.number().int().min(1).max(100).optional(),
    /** The patient's own appointments then also block (no double booking of a person). */
    patientId: Uuid.optional(),
    /** Ignore this appointment's own time (when finding a slot to reschedule it to). */
    excludeAppointmentId: Uuid.optional(),
  })
  .strict()
  .refine((v) => !v.toDate || v.toDate >= v.fromDate, { message: 'before_from_date', path: ['toDate'] });

export const WeekInputSchema = z.object({ doctorId: Uuid, weekStart: Day }).strict();

export const PatientSearchInputSchema = z
  .object({ query: z.string().max(100, { message: 'is too long' }), limit: z.number().int().min(1).max(100).optional() })
  .strict();

const patientFields = {
  birthDate: optionalNullable(BirthDate),
  phone: optionalNullable(Phone),
  email: optionalNullable(Email),
  nationalId: optionalNullable(NationalId),
  preferredChannel: Channel.optional(),
  optOut: z.boolean().optional(),
  notes: optionalNullable(Notes),
};

export const PatientCreateInputSchema = z
  .object({
    firstName: Name,
    lastName: Name,
    ...patientFields,
    /** Create even though it looks like an existing patient (after showing the warning). */
    confirmDuplicate: z.boolean().optional(),
  })
  .strict();

export const PatientUpdateInputSchema = z
  .object({
    id: Uuid,
    firstName: Name.optional(),
    lastName: Name.optional(),
    ...patientFields,
    /**
     * Managers and admins only ('forbidden' otherwise): flag the patient, so that booking asks
     * first. Flagging needs a reason; unflagging clears it.
     */
    blocked: z.boolean().optional(),
    blockedReason: optionalNullable(z.string().trim().max(500, { message: 'is too long (max 500)' })),
  })
  .strict();

export const BookInputSchema = z
  .object({
    patientId: Uuid,
    doctorId: Uuid,
    appointmentTypeId: Uuid,
    startsAt: InstantInput,
    /** Default: startsAt + the type's duration (the doctor's override if any). */
    endsAt: InstantInput.optional(),
    /** Default: the room of the doctor's working range at that time. */
    roomId: Uuid.optional(),
    notes: Notes.optional(),
    /** A retried request with the same key answers the first booking instead of booking twice. */
    idempotencyKey: z.string().min(8).max(100).optional(),
    /** Book a patient flagged as blocked (after showing the reason). */
    confirmBlocked: z.boolean().optional(),
  })
  .strict()
  .refine((v) => !v.endsAt || v.endsAt > v.startsAt, { message: 'end_before_start', path: ['endsAt'] });

export const RescheduleInputSchema = z
  .object({
    id: Uuid,
    startsAt: InstantInput,
    /** Default: keep the current length. */
    endsAt: InstantInput.optional(),
    doctorId: Uuid.optional(),
    /** Default: the current room if the doctor is unchanged, else the working range's room. */
    roomId: Uuid.nullable().optional(),
  })
  .strict()
  .refine((v) => !v.endsAt || v.endsAt > v.startsAt, { message: 'end_before_start', path: ['endsAt'] });

export const CancelInputSchema = z
  .object({ id: Uuid, reason: z.string().trim().min(1, { message: 'cancel_reason_required' }).max(500) })
  .strict();

export const UndoInputSchema = z.object({ preview: z.boolean().optional() }).strict();
