import { z } from 'zod';
import { isValidIsoDate } from './domain/clinic-time.ts';

const Id = z.string().uuid({ message: 'not_a_reference' });
const Day = z.string().refine(isValidIsoDate, { message: 'calendar_date' });
const Short = z.string().trim().min(1).max(100);

export const PinSchema = z.string().regex(/^\d{4,8}$/, { message: 'pin_format' });

export const SetPinInput = z.object({ pin: PinSchema, staffId: Id.optional() }).strict();
/** Any string up to 8 characters is checked (and counted as a failure), so a typo is not a validation error. */
export const UnlockPinInput = z.object({ staffId: Id, pin: z.string().min(1).max(8) }).strict();
export const LockDeskInput = z.object({ reason: z.enum(['idle', 'manual']) }).strict();
/** 5 s is for tests; the UI offers whole minutes. */
export const IdleLockInput = z.object({ seconds: z.number().int().min(5).max(4 * 3600) }).strict();

export const RevealNationalIdInput = z
  .object({ id: Id, reason: z.string().trim().max(200).optional() })
  .strict();

export const AuditFiltersSchema = z
  .object({
    from: Day.optional(),
    to: Day.optional(),
    staffId: Id.optional(),
    action: Short.optional(),
    table: Short.optional(),
    rowId: Short.optional(),
    deskId: Short.optional(),
  })
  .strict();
export type AuditFilters = z.output<typeof AuditFiltersSchema>;

export const AuditListInput = z
  .object({
    filters: AuditFiltersSchema.default({}),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const AuditExportInput = z.object({ filters: AuditFiltersSchema.default({}) }).strict();
