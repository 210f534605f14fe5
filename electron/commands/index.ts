import { appInfoHandlers } from './app-info.ts';
import { appointmentHandlers } from './appointments.ts';
import type { HandlerTable } from './context.ts';
import { scheduleHandlers } from './schedule.ts';
import { availabilityHandlers } from './availability.ts';
import { availabilityAdminHandlers } from './availability-admin.ts';
import { statusLeadHandlers } from './status-lead.ts';
import { bookingHandlers } from './booking.ts';
import { patientHandlers } from './patients.ts';
import { undoHandlers } from './undo.ts';
import { paymentPlanHandlers } from './payment-plans.ts';
import { paymentHandlers } from './payments.ts';
import { treatmentPlanHandlers } from './treatment-plans.ts';
import { recallHandlers } from './recalls.ts';
import { recallCampaignHandlers } from './recall-campaigns.ts';
import { recallQueueHandlers } from './recall-queue.ts';
import { syncHandlers } from './sync.ts';
import { authHandlers } from './auth.ts';
import { backupHandlers } from './backup.ts';
import { lockHandlers } from './lock.ts';
import { auditHandlers } from './audit.ts';
import { nationalIdHandlers } from './national-id.ts';

/** Every command's handler; the type proves each name in shared/commands.ts has exactly one. */
export const handlers: HandlerTable = {
  ...appInfoHandlers,
  ...scheduleHandlers,
  ...appointmentHandlers,
  ...availabilityHandlers,
  ...availabilityAdminHandlers,
  ...statusLeadHandlers,
  ...patientHandlers,
  ...bookingHandlers,
  ...undoHandlers,
  ...treatmentPlanHandlers,
  ...paymentPlanHandlers,
  ...paymentHandlers,
  ...recallHandlers,
  ...recallCampaignHandlers,
  ...recallQueueHandlers,
  ...syncHandlers,
  ...authHandlers,
  ...backupHandlers,
  ...lockHandlers,
  ...auditHandlers,
  ...nationalIdHandlers,
};
