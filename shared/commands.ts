import { z } from 'zod';
import { command, type CommandTable } from './command-table.ts';
import { APPOINTMENT_STATUSES } from './domain/appointment-status.ts';
import { isValidIsoDate } from './domain/clinic-time.ts';
import type { AppInfo, AppointmentDetail, DaySchedule, Language } from './domain/types.ts';
import type {
  OverdueRow,
  PatientBalance,
  PaymentPlanDetail,
  PaymentView,
  Receipt,
  SchedulePreview,
  TreatmentPlanDetail,
  TreatmentPlanSummary,
} from './domain/plan-types.ts';
import * as plan from './plan-schemas.ts';
import {
  BookInputSchema,
  CancelInputSchema,
  FindFreeInputSchema,
  PatientCreateInputSchema,
  PatientSearchInputSchema,
  PatientUpdateInputSchema,
  RescheduleInputSchema,
  UndoInputSchema,
  WeekInputSchema,
} from './booking-schemas.ts';
import type {
  FindFreeResult,
  PatientAppointments,
  PatientDetail,
  PatientSearchResult,
  UndoResult,
  WeekAvailability,
} from './domain/booking-types.ts';
import type {
  CampaignResults,
  PatientRecallDue,
  RecallCampaign,
  RecallPreview,
  RecallQueueContact,
  RecallQueueNext,
  RecallType,
  RenderedMessage,
} from './domain/recall-types.ts';
import * as recall from './recall-schemas.ts';
import * as avail from './availability-admin-schemas.ts';
import type { AvailabilitySettings, DoctorScheduleView } from './domain/availability-admin-types.ts';
import type { SyncStatus } from './domain/types.ts';
import type { AttentionItem } from './domain/sync-types.ts';
import { AttentionResolveSchema } from './sync-schemas.ts';
import type { AuthSession } from './domain/auth-types.ts';
import { SignInInputSchema, UnlockInputSchema } from './auth-schemas.ts';
import type { BackupEntry, RestoreStaged, UnsyncedExported } from './domain/backup-types.ts';
import { BackupRestoreInput } from './backup-schemas.ts';
import type { AuditPage, DeskLockState } from './domain/security-types.ts';
import * as security from './security-schemas.ts';

export const Id = z.string().uuid({ message: 'not_a_reference' });
export const IsoDateSchema = z
  .string()
  .refine(isValidIsoDate, { message: 'calendar_date' });
export const LanguageSchema = z.enum(['en', 'es']);
const Empty = z.object({}).strict();

/**
 * Every operation the renderer can ask of the main process. Adding a feature = an entry here,
 * a handler in electron/commands/<feature>.ts, a screen in renderer/src/features/<feature>/.
 */
export const commands = {
  'app.info': command(Empty).returns<AppInfo>(),
  'settings.setLanguage': command(z.object({ language: LanguageSchema }).strict(), {
    write: true,
  }).returns<{ language: Language }>(),
  /** Closes the "database rebuilt" banner on this desk for good (a local setting). */
  'app.dismissRecovery': command(Empty, { write: true }).returns<{ dismissed: boolean }>(),

  // Sign-in and offline unlock; types in domain/auth-types.ts.
  'auth.session': command(Empty).returns<AuthSession>(),
  'auth.signIn': command(SignInInputSchema).returns<AuthSession>(),
  'auth.signOut': command(Empty).returns<AuthSession>(),
  'auth.unlock': command(UnlockInputSchema).returns<AuthSession>(),
  'auth.lock': command(Empty).returns<AuthSession>(),
  // Screen lock, PINs and quick user switch; schemas in security-schemas.ts.
  'auth.deskLock': command(Empty).returns<DeskLockState>(),
  'auth.lockDesk': command(security.LockDeskInput).returns<DeskLockState>(),
  'auth.unlockPin': command(security.UnlockPinInput).returns<DeskLockState>(),
  'auth.setPin': command(security.SetPinInput).returns<DeskLockState>(),
  'settings.setIdleLock': command(security.IdleLockInput).returns<DeskLockState>(),
  // Audit viewer: managers and admins; roles in command-roles.ts.
  'audit.list': command(security.AuditListInput).returns<AuditPage>(),
  'audit.exportCsv': command(security.AuditExportInput).returns<{ fileName: string; csv: string; rows: number }>(),

  // Encrypted local backups; types in domain/backup-types.ts.
  'backup.create': command(Empty).returns<BackupEntry>(),
  'backup.list': command(Empty).returns<BackupEntry[]>(),
  'backup.restore': command(BackupRestoreInput).returns<RestoreStaged>(),
  'backup.exportUnsynced': command(Empty).returns<UnsyncedExported>(),

  'sync.status': command(Empty).returns<SyncStatus>(),
  'sync.now': command(Empty).returns<SyncStatus>(),
  'sync.attention.list': command(Empty).returns<AttentionItem[]>(),
  'sync.attention.resolve': command(AttentionResolveSchema, { write: true }).returns<{ resolved: boolean; appointmentId?: string }>(),

  'schedule.day': command(z.object({ date: IsoDateSchema }).strict()).returns<DaySchedule>(),

  'appointments.get': command(z.object({ id: Id }).strict()).returns<AppointmentDetail>(),
  'appointments.setStatus': command(
    z
      .object({
        id: Id,
        status: z.enum(APPOINTMENT_STATUSES),
        reason: z.string().trim().min(1).max(500).optional(),
      })
      .strict(),
    { write: true },
  ).returns<AppointmentDetail>(),

  // Availability, patients and booking; schemas in booking-schemas.ts.
  'availability.findFree': command(FindFreeInputSchema).returns<FindFreeResult>(),
  'availability.week': command(WeekInputSchema).returns<WeekAvailability>(),
  'patients.search': command(PatientSearchInputSchema).returns<PatientSearchResult>(),
  'patients.get': command(z.object({ id: Id }).strict()).returns<PatientDetail>(),
  'patients.create': command(PatientCreateInputSchema, { write: true }).returns<PatientDetail>(),
  'patients.update': command(PatientUpdateInputSchema, { write: true }).returns<PatientDetail>(),
  'patients.appointments': command(z.object({ patientId: Id }).strict()).returns<PatientAppointments>(),
  'patients.revealNationalId': command(security.RevealNationalIdInput).returns<{ nationalId: string | null }>(),
  'appointments.book': command(BookInputSchema, { write: true }).returns<AppointmentDetail>(),
  'appointments.reschedule': command(RescheduleInputSchema, { write: true }).returns<AppointmentDetail>(),
  'appointments.cancel': command(CancelInputSchema, { write: true }).returns<AppointmentDetail>(),
  'appointments.undo': command(UndoInputSchema, { write: true }).returns<UndoResult>(),
  // Availability editors (admins, managers); schemas in availability-admin-schemas.ts.
  'availability.settings': command(Empty).returns<AvailabilitySettings>(),
  'availability.doctorSchedule': command(avail.DoctorIdInput).returns<DoctorScheduleView>(),
  'availability.saveWeek': command(avail.SaveWeekInput, { write: true }).returns<DoctorScheduleView>(),
  'availability.addVacation': command(avail.AddVacationInput, { write: true }).returns<DoctorScheduleView>(),
  'availability.removeVacation': command(avail.RemoveByIdInput, { write: true }).returns<DoctorScheduleView>(),
  'availability.addBlocked': command(avail.AddBlockedInput, { write: true }).returns<AvailabilitySettings>(),
  'availability.removeBlocked': command(avail.RemoveByIdInput, { write: true }).returns<AvailabilitySettings>(),
  'availability.saveRoom': command(avail.SaveRoomInput, { write: true }).returns<AvailabilitySettings>(),
  'availability.saveType': command(avail.SaveTypeInput, { write: true }).returns<AvailabilitySettings>(),
  'availability.setDuration': command(avail.SetDurationInput, { write: true }).returns<AvailabilitySettings>(),
  // Statuses that follow the clock: the clinic's check-in lead time, admins only.
  'availability.setStatusLead': command(avail.SetStatusLeadInput, { write: true }).returns<AvailabilitySettings>(),

  // Treatment plans, payment plans, payments and money views. Schemas: plan-schemas.ts.
  'treatmentPlans.create': command(plan.TreatmentPlanCreateInput, { write: true }).returns<TreatmentPlanDetail>(),
  'treatmentPlans.get': command(plan.ById).returns<TreatmentPlanDetail>(),
  'treatmentPlans.listForPatient': command(plan.ByPatient).returns<TreatmentPlanSummary[]>(),
  'treatmentPlans.setStatus': command(plan.TreatmentPlanSetStatusInput, { write: true }).returns<TreatmentPlanDetail>(),
  'treatmentPlans.updateStep': command(plan.TreatmentStepUpdateInput, { write: true }).returns<TreatmentPlanDetail>(),
  'treatmentPlans.linkAppointment': command(plan.LinkAppointmentInput, { write: true }).returns<TreatmentPlanDetail>(),
  'paymentPlans.preview': command(plan.PaymentTermsInput).returns<SchedulePreview & { currency: string }>(),
  'paymentPlans.create': command(plan.PaymentPlanCreateInput, { write: true }).returns<PaymentPlanDetail>(),
  'paymentPlans.get': command(plan.ById).returns<PaymentPlanDetail>(),
  'paymentPlans.listForPatient': command(plan.ByPatient).returns<PaymentPlanDetail[]>(),
  'paymentPlans.change': command(plan.PaymentPlanChangeInput, { write: true }).returns<PaymentPlanDetail>(),
  'payments.record': command(plan.PaymentRecordInput, { write: true }).returns<Receipt>(),
  'payments.void': command(plan.PaymentVoidInput, { write: true }).returns<PaymentView>(),
  'payments.refund': command(plan.PaymentRefundInput, { write: true }).returns<PaymentView>(),
  'payments.receipt': command(plan.ByPayment).returns<Receipt>(),
  'payments.listForPatient': command(plan.ByPatient).returns<PaymentView[]>(),
  'money.patientBalance': command(plan.ByPatient).returns<PatientBalance>(),
  'money.overdueList': command(Empty).returns<OverdueRow[]>(),
  // Recall campaigns; schemas in recall-schemas.ts, output types in domain/recall-types.ts.
  'recalls.types.list': command(Empty).returns<RecallType[]>(),
  'recalls.types.create': command(recall.RecallTypeCreateSchema, { write: true }).returns<RecallType>(),
  'recalls.types.update': command(recall.RecallTypeUpdateSchema, { write: true }).returns<RecallType>(),
  'recalls.dueForPatient': command(z.object({ patientId: Id }).strict()).returns<PatientRecallDue[]>(),
  'recalls.preview': command(recall.RecallPreviewSchema).returns<RecallPreview>(),
  'recalls.campaigns.list': command(Empty).returns<RecallCampaign[]>(),
  'recalls.campaigns.create': command(recall.CampaignCreateSchema, { write: true }).returns<RecallCampaign>(),
  'recalls.campaigns.activate': command(recall.CampaignIdSchema, { write: true }).returns<RecallCampaign>(),
  'recalls.campaigns.close': command(recall.CampaignIdSchema, { write: true }).returns<RecallCampaign>(),
  'recalls.queue.next': command(recall.QueueNextSchema, { write: true }).returns<RecallQueueNext>(),
  'recalls.queue.release': command(recall.ContactIdSchema, { write: true }).returns<{ released: boolean }>(),
  'recalls.attempts.log': command(recall.AttemptLogSchema, { write: true }).returns<RecallQueueContact>(),
  'recalls.results': command(recall.CampaignIdSchema).returns<CampaignResults>(),
  'recalls.exportCsv': command(recall.CampaignIdSchema).returns<{ fileName: string; csv: string }>(),
  'recalls.templates.render': command(recall.TemplateRenderSchema).returns<RenderedMessage>(),
} satisfies CommandTable;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type CommandParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = NonNullable<Commands[N]['output']>;

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, name);
}
