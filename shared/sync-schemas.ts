/** Input schemas of the sync commands (kept out of commands.ts, which imports these). */
import { z } from 'zod';

const Uuid = z.string().uuid({ message: 'not_a_reference' });

export const AttentionResolveSchema = z
  .object({
    id: Uuid,
    action: z.enum(['dismiss', 'retry', 'rebook']),
    /** For 'rebook': the chosen slot (a free slot from the item's freeSlots). */
    slot: z
      .object({
        startsAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString()),
        doctorId: Uuid.optional(),
        roomId: Uuid.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((v) => v.action !== 'rebook' || v.slot, { message: 'rebook_slot_required', path: ['slot'] });
