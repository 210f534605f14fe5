/**
 * Input schemas of the availability editors: weekly hours and breaks, vacations, clinic
 * closures, rooms, appointment types and per-doctor durations. Only admins and managers may write.
 */
import { z } from 'zod';

const Uuid = z.string().uuid({ message: 'not_a_reference' });
const InstantInput = z.iso
  .datetime({ offset: true, message: 'must be an ISO date-time with a time zone, e.g. 2026-11-23T09:00:00Z' })
  .transform((s) => new Date(s).toISOString());
const Reason = z.string().trim().max(200, { message: 'is too long (max 200)' });
const Minute = (max: number) => z.number().int().min(0).max(max);
const Weekday = z.number().int().min(1, { message: 'weekday' }).max(7, { message: 'weekday' });
/** Resend with true after showing the appointments the change would leave stranded. */
const ConfirmOrphans = z.boolean().optional();

const endAfterStart = <T extends { startMinute: number; endMinute: number }>(r: T) => r.endMinute > r.startMinute;

export const WeeklyHoursInput = z
  .object({ id: Uuid.optional(), weekday: Weekday, startMinute: Minute(1439), endMinute: Minute(1440), roomId: Uuid.nullable().optional() })
  .strict()
  .refine(endAfterStart, { message: 'end_before_start', path: ['endMinute'] });

export const WeeklyBreakInput = z
  .object({ id: Uuid.optional(), weekday: Weekday, startMinute: Minute(1439), endMinute: Minute(1440), label: Reason.nullable().optional() })
  .strict()
  .refine(endAfterStart, { message: 'end_before_start', path: ['endMinute'] });

/** Index of the first range that overlaps an earlier one on the same weekday, or -1. */
export function firstOverlap(ranges: readonly { weekday: number; startMinute: number; endMinute: number }[]): number {
  return ranges.findIndex((r, i) =>
    ranges.some((o, j) => j < i && o.weekday === r.weekday && o.startMinute < r.endMinute && r.startMinute < o.endMinute),
  );
}

export const SaveWeekInput = z
  .object({
    doctorId: Uuid,
    hours: z.array(WeeklyHoursInput).max(50),
    breaks: z.array(WeeklyBreakInput).max(50),
    confirmOrphans: ConfirmOrphans,
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const key of ['hours', 'breaks'] as const) {
      const i = firstOverlap(v[key]);
      if (i >= 0) ctx.addIssue({ code: 'custom', message: 'range_overlaps_range', path: [key, i, 'startMinute'] });
    }
  });

const period = {
  startsAt: InstantInput,
  endsAt: InstantInput,
  reason: Reason.nullable().optional(),
  confirmOrphans: ConfirmOrphans,
};
const endsAfterStarts = (v: { startsAt: string; endsAt: string }) => v.endsAt > v.startsAt;

export const AddVacationInput = z
  .object({ doctorId: Uuid, ...period })
  .strict()
  .refine(endsAfterStarts, { message: 'end_before_start', path: ['endsAt'] });

export const AddBlockedInput = z
  .object(period)
  .strict()
  .refine(endsAfterStarts, { message: 'end_before_start', path: ['endsAt'] });

export const RemoveByIdInput = z.object({ id: Uuid }).strict();
/** The clinic's check-in lead time (clinics.status_lead_minutes): whole minutes, 0 to 720. */
export const SetStatusLeadInput = z
  .object({ minutes: z.number().int().min(0, { message: 'must be 0 to 720 minutes' }).max(720, { message: 'must be 0 to 720 minutes' }) })
  .strict();
export const DoctorIdInput = z.object({ doctorId: Uuid }).strict();

export const SaveRoomInput = z
  .object({
    id: Uuid.optional(),
    name: z.string().trim().min(1, { message: 'required' }).max(60, { message: 'is too long (max 60)' }),
    active: z.boolean().optional(),
    confirmOrphans: ConfirmOrphans,
  })
  .strict();

export const SaveTypeInput = z
  .object({
    id: Uuid.optional(),
    name: z.string().trim().min(1, { message: 'required' }).max(80, { message: 'is too long (max 80)' }),
    durationMinutes: z.number().int().min(5, { message: 'duration_range' }).max(480, { message: 'duration_range' }),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'colour' }),
    active: z.boolean().optional(),
  })
  .strict();

export const SetDurationInput = z
  .object({
    doctorId: Uuid,
    appointmentTypeId: Uuid,
    /** null removes the doctor's own duration (the type's default applies again). */
    durationMinutes: z.number().int().min(5, { message: 'duration_range' }).max(480, { message: 'duration_range' }).nullable(),
  })
  .strict();
