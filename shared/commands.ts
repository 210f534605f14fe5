import { z } from 'zod';
import { ADMINS, MANAGERS, command, type CommandTable } from './command-table.ts';
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
import { SYNCED_TABLES, type SyncedTableName } from './sync-tables.ts';

export const Id = z.string().uuid({ message: 'not_a_reference' });
export const IsoDateSchema = z
  .string()
  .refine(isValidIsoDate, { message: 'calendar_date' });
export const LanguageSchema = z.enum(['en', 'es']);
const Empty = z.object({}).strict();

/** What free time depends on: the clinic, doctors' hours, breaks and absences, closures, rooms, types, bookings. */
const AVAILABILITY = [
  'clinics',
  'rooms',
  'doctors',
  'doctor_working_hours',
  'doctor_breaks',
  'doctor_vacations',
  'clinic_blocked_periods',
  'appointment_types',
  'doctor_appointment_types',
  'appointments',
] as const satisfies readonly SyncedTableName[];
/** Commands whose rows are whatever the outbox or the server names: any synced table. */
const ALL_SYNCED: readonly SyncedTableName[] = SYNCED_TABLES.map((t) => t.name);

/**
 * Every operation the renderer can ask of the main process. Adding a feature = an entry here,
 * a handler in electron/commands/<feature>.ts, a screen in renderer/src/features/<feature>/.
 * Each entry's policy is data the dispatcher enforces: `access` (who may run it, and whether a
 * locked desk may) and `reads` (the synced tables its answer depends on; the renderer refreshes
 * a read when one of them changes).
 */
export const commands = {
  'app.info': command(Empty, { access: 'unlocked', reads: ['clinics'] }).returns<AppInfo>(),
  'settings.setLanguage': command(z.object({ language: LanguageSchema }).strict(), { access: 'always', reads: [], write: true }).returns<{ language: Language }>(),
  /** Closes the "database rebuilt" banner on this desk for good (a local setting). */
  'app.dismissRecovery': command(Empty, { access: 'unlocked', reads: [], write: true }).returns<{ dismissed: boolean }>(),

  // Sign-in and offline unlock; types in domain/auth-types.ts.
  'auth.session': command(Empty, { access: 'always', reads: [] }).returns<AuthSession>(),
  'auth.signIn': command(SignInInputSchema, { access: 'always', reads: [] }).returns<AuthSession>(),
  'auth.signOut': command(Empty, { access: 'always', reads: [] }).returns<AuthSession>(),
  'auth.unlock': command(UnlockInputSchema, { access: 'always', reads: [] }).returns<AuthSession>(),
  'auth.lock': command(Empty, { access: 'always', reads: [] }).returns<AuthSession>(),
  // Screen lock, PINs and quick user switch; schemas in security-schemas.ts.
  'auth.deskLock': command(Empty, { access: 'always', reads: ['staff'] }).returns<DeskLockState>(),
  'auth.lockDesk': command(security.LockDeskInput, { access: 'always', reads: ['staff'] }).returns<DeskLockState>(),
  'auth.unlockPin': command(security.UnlockPinInput, { access: 'always', reads: ['staff'] }).returns<DeskLockState>(),
  'auth.setPin': command(security.SetPinInput, { access: 'unlocked', reads: ['staff'] }).returns<DeskLockState>(),
  'settings.setIdleLock': command(security.IdleLockInput, { access: MANAGERS, reads: ['staff'] }).returns<DeskLockState>(),
  // Audit viewer: managers and admins.
  'audit.list': command(security.AuditListInput, { access: MANAGERS, reads: ['clinics', 'staff', 'audit_log'] }).returns<AuditPage>(),
  'audit.exportCsv': command(security.AuditExportInput, { access: MANAGERS, reads: ['clinics', 'staff', 'audit_log'] }).returns<{ fileName: string; csv: string; rows: number }>(),

  // Encrypted local backups; types in domain/backup-types.ts.
  'backup.create': command(Empty, { access: 'unlocked', reads: [] }).returns<BackupEntry>(),
  'backup.list': command(Empty, { access: 'unlocked', reads: [] }).returns<BackupEntry[]>(),
  'backup.restore': command(BackupRestoreInput, { access: MANAGERS, reads: [] }).returns<RestoreStaged>(),
  'backup.exportUnsynced': command(Empty, { access: 'unlocked', reads: ALL_SYNCED }).returns<UnsyncedExported>(),

  'sync.status': command(Empty, { access: 'unlocked', reads: [] }).returns<SyncStatus>(),
  'sync.now': command(Empty, { access: 'unlocked', reads: ALL_SYNCED }).returns<SyncStatus>(),
  'sync.attention.list': command(Empty, { access: 'unlocked', reads: ALL_SYNCED }).returns<AttentionItem[]>(),
  'sync.attention.resolve': command(AttentionResolveSchema, { access: 'unlocked', reads: ALL_SYNCED, write: true }).returns<{ resolved: boolean; appointmentId?: string }>(),

  'schedule.day': command(z.object({ date: IsoDateSchema }).strict(), { access: 'unlocked', reads: ['clinics', 'rooms', 'doctors', 'doctor_working_hours', 'doctor_breaks', 'doctor_vacations', 'clinic_blocked_periods', 'appointment_types', 'patients', 'appointments', 'payment_plans', 'installments'] }).returns<DaySchedule>(),

  'appointments.get': command(z.object({ id: Id }).strict(), { access: 'unlocked', reads: ['rooms', 'doctors', 'appointment_types', 'patients', 'appointments'] }).returns<AppointmentDetail>(),
  'appointments.setStatus': command(
    z
      .object({
        id: Id,
        status: z.enum(APPOINTMENT_STATUSES),
        reason: z.string().trim().min(1).max(500).optional(),
      })
      .strict(),
    { access: 'unlocked', reads: ['clinics', 'rooms', 'doctors', 'appointment_types', 'patients', 'appointments', 'treatment_plans', 'treatment_steps'], write: true },
  ).returns<AppointmentDetail>(),

  // Availability, patients and booking; schemas in booking-schemas.ts.
  'availability.findFree': command(FindFreeInputSchema, { access: 'unlocked', reads: AVAILABILITY }).returns<FindFreeResult>(),
  'availability.week': command(WeekInputSchema, { access: 'unlocked', reads: AVAILABILITY }).returns<WeekAvailability>(),
  'patients.search': command(PatientSearchInputSchema, { access: 'unlocked', reads: ['patients'] }).returns<PatientSearchResult>(),
  'patients.get': command(z.object({ id: Id }).strict(), { access: 'unlocked', reads: ['patients'] }).returns<PatientDetail>(),
  'patients.create': command(PatientCreateInputSchema, { access: 'unlocked', reads: ['clinics', 'patients'], write: true }).returns<PatientDetail>(),
  'patients.update': command(PatientUpdateInputSchema, { access: 'unlocked', reads: ['patients'], write: true }).returns<PatientDetail>(),
  'patients.appointments': command(z.object({ patientId: Id }).strict(), { access: 'unlocked', reads: ['rooms', 'doctors', 'appointment_types', 'patients', 'appointments'] }).returns<PatientAppointments>(),
  'patients.revealNationalId': command(security.RevealNationalIdInput, { access: 'unlocked', reads: ['patients'] }).returns<{ nationalId: string | null }>(),
  'appointments.book': command(BookInputSchema, { access: 'unlocked', reads: [...AVAILABILITY, 'patients'], write: true }).returns<AppointmentDetail>(),
  'appointments.reschedule': command(RescheduleInputSchema, { access: 'unlocked', reads: ['clinics', 'rooms', 'doctors', 'doctor_working_hours', 'doctor_breaks', 'doctor_vacations', 'clinic_blocked_periods', 'appointment_types', 'patients', 'appointments'], write: true }).returns<AppointmentDetail>(),
  'appointments.cancel': command(CancelInputSchema, { access: 'unlocked', reads: ['clinics', 'rooms', 'doctors', 'appointment_types', 'patients', 'appointments', 'treatment_steps'], write: true }).returns<AppointmentDetail>(),
  'appointments.undo': command(UndoInputSchema, { access: 'unlocked', reads: ['clinics', 'rooms', 'doctors', 'doctor_working_hours', 'doctor_breaks', 'doctor_vacations', 'clinic_blocked_periods', 'appointment_types', 'patients', 'appointments', 'audit_log'], write: true }).returns<UndoResult>(),
  // Availability editors (admins, managers); schemas in availability-admin-schemas.ts.
  'availability.settings': command(Empty, { access: 'unlocked', reads: ['clinics', 'rooms', 'doctors', 'clinic_blocked_periods', 'appointment_types', 'doctor_appointment_types'] }).returns<AvailabilitySettings>(),
  'availability.doctorSchedule': command(avail.DoctorIdInput, { access: 'unlocked', reads: ['doctors', 'doctor_working_hours', 'doctor_breaks', 'doctor_vacations'] }).returns<DoctorScheduleView>(),
  'availability.saveWeek': command(avail.SaveWeekInput, { access: MANAGERS, reads: ['clinics', 'rooms', 'doctors', 'doctor_working_hours', 'doctor_breaks', 'doctor_vacations', 'patients', 'appointments'], write: true }).returns<DoctorScheduleView>(),
  'availability.addVacation': command(avail.AddVacationInput, { access: MANAGERS, reads: ['doctors', 'doctor_working_hours', 'doctor_breaks', 'doctor_vacations', 'patients', 'appointments'], write: true }).returns<DoctorScheduleView>(),
  'availability.removeVacation': command(avail.RemoveByIdInput, { access: MANAGERS, reads: [...AVAILABILITY, 'patients'], write: true }).returns<DoctorScheduleView>(),
  'availability.addBlocked': command(avail.AddBlockedInput, { access: MANAGERS, reads: ['clinics', 'rooms', 'doctors', 'clinic_blocked_periods', 'appointment_types', 'doctor_appointment_types', 'patients', 'appointments'], write: true }).returns<AvailabilitySettings>(),
  'availability.removeBlocked': command(avail.RemoveByIdInput, { access: MANAGERS, reads: ['clinics', 'rooms', 'doctors', 'clinic_blocked_periods', 'appointment_types', 'doctor_appointment_types'], write: true }).returns<AvailabilitySettings>(),
  'availability.saveRoom': command(avail.SaveRoomInput, { access: MANAGERS, reads: ['clinics', 'rooms', 'doctors', 'clinic_blocked_periods', 'appointment_types', 'doctor_appointment_types', 'patients', 'appointments'], write: true }).returns<AvailabilitySettings>(),
  'availability.saveType': command(avail.SaveTypeInput, { access: MANAGERS, reads: ['clinics', 'rooms', 'doctors', 'clinic_blocked_periods', 'appointment_types', 'doctor_appointment_types'], write: true }).returns<AvailabilitySettings>(),
  'availability.setDuration': command(avail.SetDurationInput, { access: MANAGERS, reads: ['clinics', 'rooms', 'doctors', 'clinic_blocked_periods', 'appointment_types', 'doctor_appointment_types'], write: true }).returns<AvailabilitySettings>(),
  // Statuses that follow the clock: the clinic's check-in lead time, admins only.
  'availability.setStatusLead': command(avail.SetStatusLeadInput, { access: ADMINS, reads: ['clinics', 'rooms', 'doctors', 'clinic_blocked_periods', 'appointment_types', 'doctor_appointment_types'], write: true }).returns<AvailabilitySettings>(),

  // Treatment plans, payment plans, payments and money views. Schemas: plan-schemas.ts.
  'treatmentPlans.create': command(plan.TreatmentPlanCreateInput, { access: 'unlocked', reads: ['clinics', 'doctors', 'appointment_types', 'patients', 'appointments', 'treatment_plans', 'treatment_steps', 'payment_plans'], write: true }).returns<TreatmentPlanDetail>(),
  'treatmentPlans.get': command(plan.ById, { access: 'unlocked', reads: ['clinics', 'staff', 'appointments', 'treatment_plans', 'treatment_steps', 'payment_plans'] }).returns<TreatmentPlanDetail>(),
  'treatmentPlans.listForPatient': command(plan.ByPatient, { access: 'unlocked', reads: ['clinics', 'patients', 'appointments', 'treatment_plans', 'treatment_steps'] }).returns<TreatmentPlanSummary[]>(),
  'treatmentPlans.setStatus': command(plan.TreatmentPlanSetStatusInput, { access: 'unlocked', reads: ['clinics', 'staff', 'appointments', 'treatment_plans', 'treatment_steps', 'payment_plans'], write: true }).returns<TreatmentPlanDetail>(),
  'treatmentPlans.updateStep': command(plan.TreatmentStepUpdateInput, { access: 'unlocked', reads: ['clinics', 'appointments', 'treatment_plans', 'treatment_steps', 'payment_plans'], write: true }).returns<TreatmentPlanDetail>(),
  'treatmentPlans.linkAppointment': command(plan.LinkAppointmentInput, { access: 'unlocked', reads: ['clinics', 'staff', 'rooms', 'doctors', 'appointment_types', 'patients', 'appointments', 'treatment_plans', 'treatment_steps', 'payment_plans'], write: true }).returns<TreatmentPlanDetail>(),
  'paymentPlans.preview': command(plan.PaymentTermsInput, { access: 'unlocked', reads: ['clinics'] }).returns<SchedulePreview & { currency: string }>(),
  'paymentPlans.create': command(plan.PaymentPlanCreateInput, { access: 'unlocked', reads: ['clinics', 'staff', 'patients', 'treatment_plans', 'payment_plans', 'installments', 'payments', 'payment_allocations'], write: true }).returns<PaymentPlanDetail>(),
  'paymentPlans.get': command(plan.ById, { access: 'unlocked', reads: ['payment_plans', 'installments'] }).returns<PaymentPlanDetail>(),
  'paymentPlans.listForPatient': command(plan.ByPatient, { access: 'unlocked', reads: ['patients', 'payment_plans', 'installments'] }).returns<PaymentPlanDetail[]>(),
  'paymentPlans.change': command(plan.PaymentPlanChangeInput, { access: 'unlocked', reads: ['staff', 'payment_plans', 'installments', 'payments', 'payment_allocations'], write: true }).returns<PaymentPlanDetail>(),
  'payments.record': command(plan.PaymentRecordInput, { access: 'unlocked', reads: ['clinics', 'staff', 'patients', 'payment_plans', 'installments', 'payments', 'payment_allocations'], write: true }).returns<Receipt>(),
  'payments.void': command(plan.PaymentVoidInput, { access: 'unlocked', reads: ['staff', 'payment_plans', 'installments', 'payments', 'payment_allocations'], write: true }).returns<PaymentView>(),
  'payments.refund': command(plan.PaymentRefundInput, { access: 'unlocked', reads: ['clinics', 'staff', 'patients', 'payments', 'payment_allocations'], write: true }).returns<PaymentView>(),
  'payments.receipt': command(plan.ByPayment, { access: 'unlocked', reads: ['clinics', 'staff', 'patients', 'payment_plans', 'installments', 'payments', 'payment_allocations'] }).returns<Receipt>(),
  'payments.listForPatient': command(plan.ByPatient, { access: 'unlocked', reads: ['staff', 'patients', 'payments', 'payment_allocations'] }).returns<PaymentView[]>(),
  'money.patientBalance': command(plan.ByPatient, { access: 'unlocked', reads: ['clinics', 'staff', 'patients', 'payment_plans', 'installments', 'payments', 'payment_allocations'] }).returns<PatientBalance>(),
  'money.overdueList': command(Empty, { access: 'unlocked', reads: ['clinics', 'patients', 'payment_plans', 'installments', 'recall_contacts', 'recall_attempts'] }).returns<OverdueRow[]>(),
  // Recall campaigns; schemas in recall-schemas.ts, output types in domain/recall-types.ts.
  'recalls.types.list': command(Empty, { access: 'unlocked', reads: ['recall_types'] }).returns<RecallType[]>(),
  'recalls.types.create': command(recall.RecallTypeCreateSchema, { access: MANAGERS, reads: ['appointment_types', 'recall_types'], write: true }).returns<RecallType>(),
  'recalls.types.update': command(recall.RecallTypeUpdateSchema, { access: MANAGERS, reads: ['recall_types'], write: true }).returns<RecallType>(),
  'recalls.dueForPatient': command(z.object({ patientId: Id }).strict(), { access: 'unlocked', reads: ['clinics', 'patients', 'appointments', 'treatment_plans', 'treatment_steps', 'recall_types'] }).returns<PatientRecallDue[]>(),
  'recalls.preview': command(recall.RecallPreviewSchema, { access: 'unlocked', reads: ['clinics', 'patients', 'appointments', 'recall_types'] }).returns<RecallPreview>(),
  'recalls.campaigns.list': command(Empty, { access: 'unlocked', reads: ['recall_types', 'recall_campaigns', 'recall_contacts'] }).returns<RecallCampaign[]>(),
  'recalls.campaigns.create': command(recall.CampaignCreateSchema, { access: MANAGERS, reads: ['clinics', 'recall_types', 'recall_campaigns', 'recall_contacts'], write: true }).returns<RecallCampaign>(),
  'recalls.campaigns.activate': command(recall.CampaignIdSchema, { access: MANAGERS, reads: ['clinics', 'patients', 'appointments', 'recall_types', 'recall_campaigns', 'recall_contacts'], write: true }).returns<RecallCampaign>(),
  'recalls.campaigns.close': command(recall.CampaignIdSchema, { access: MANAGERS, reads: ['recall_types', 'recall_campaigns', 'recall_contacts'], write: true }).returns<RecallCampaign>(),
  'recalls.queue.next': command(recall.QueueNextSchema, { access: 'unlocked', reads: ['clinics', 'staff', 'patients', 'appointments', 'recall_types', 'recall_campaigns', 'recall_contacts', 'recall_attempts'], write: true }).returns<RecallQueueNext>(),
  'recalls.queue.release': command(recall.ContactIdSchema, { access: 'unlocked', reads: ['patients', 'appointments', 'recall_contacts'], write: true }).returns<{ released: boolean }>(),
  'recalls.attempts.log': command(recall.AttemptLogSchema, { access: 'unlocked', reads: ['clinics', 'staff', 'patients', 'appointments', 'recall_types', 'recall_campaigns', 'recall_contacts', 'recall_attempts'], write: true }).returns<RecallQueueContact>(),
  'recalls.results': command(recall.CampaignIdSchema, { access: 'unlocked', reads: ['clinics', 'staff', 'patients', 'appointments', 'recall_types', 'recall_campaigns', 'recall_contacts', 'recall_attempts'] }).returns<CampaignResults>(),
  'recalls.exportCsv': command(recall.CampaignIdSchema, { access: MANAGERS, reads: ['clinics', 'patients', 'appointments', 'recall_types', 'recall_campaigns', 'recall_contacts'] }).returns<{ fileName: string; csv: string }>(),
  'recalls.templates.render': command(recall.TemplateRenderSchema, { access: 'unlocked', reads: ['clinics', 'patients', 'appointments', 'recall_types', 'recall_campaigns', 'recall_contacts'] }).returns<RenderedMessage>(),
} satisfies CommandTable;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type CommandParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = NonNullable<Commands[N]['output']>;

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, name);
}
