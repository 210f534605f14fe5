import { getStatusLeadMinutes } from '../db/repos/clinics.ts';
import { settings } from './availability-admin.ts';
import type { HandlerSlice } from './context.ts';

/**
 * The clinic's check-in lead time (statuses that follow the clock): arrived, in
 * progress and completed open this many minutes before a visit. A clinic row, so admins only
 * (shared/command-roles.ts, as the server's RLS); synced like every change (outbox, audit).
 */
export const statusLeadHandlers: HandlerSlice<'availability.setStatusLead'> = {
  'availability.setStatusLead': ({ minutes }, ctx) => {
    if (getStatusLeadMinutes(ctx.db, ctx.clinicId) !== minutes) {
      ctx.write('availability.setStatusLead', (w) => {
        w.update('clinics', ctx.clinicId, { status_lead_minutes: minutes });
      });
    }
    return settings(ctx);
  },
};
