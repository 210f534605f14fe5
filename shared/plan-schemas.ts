import { z } from 'zod';
import { isValidIsoDate } from './domain/clinic-time.ts';
import { MAX_APR_BP, MAX_INSTALLMENTS, MAX_PRINCIPAL_CENTS } from './domain/installment-schedule.ts';
import { FREQUENCIES, PAYMENT_METHODS, TREATMENT_PLAN_STATUSES } from './domain/plan-types.ts';

/** Input schemas of the treatment plan, payment plan, payment and money commands. */

const Uuid = z.string().uuid({ message: 'not_a_reference' });
const CalendarDate = z.string().refine(isValidIsoDate, { message: 'calendar_date' });
const whole = () =>
  z.number({ message: 'must be a number' }).int({ message: 'must be a whole number of minor units' });
const Amount = whole().positive({ message: 'must be more than zero' }).max(MAX_PRINCIPAL_CENTS, { message: 'is too large' });
const AmountOrZero = whole().nonnegative({ message: 'must be zero or more' }).max(MAX_PRINCIPAL_CENTS, { message: 'is too large' });
const Text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max, { message: `must be at most ${max} characters` });
const Reason = Text(500);
const Minutes = z.number().int({ message: 'must be whole minutes' }).min(5, { message: 'must be at least 5' }).max(480, { message: 'must be at most 480' });
const Count = z
  .number()
  .int({ message: 'must be a whole number' })
  .positive({ message: 'must be at least one installment' })
  .max(MAX_INSTALLMENTS, { message: `must be at most ${MAX_INSTALLMENTS}` });
const AprBp = z.number().int({ message: 'must be whole basis points' }).min(0, { message: 'must be zero or more' }).max(MAX_APR_BP, { message: `must be at most ${MAX_APR_BP}` });

export const TreatmentStepInput = z
  .object({
    procedure: Text(200),
    tooth: z.string().trim().max(20).optional(),
    doctorId: Uuid.optional(),
    appointmentTypeId: Uuid.optional(),
    estimatedCostCents: AmountOrZero,
    expectedMinutes: Minutes,
  })
  .strict();

export const TreatmentPlanCreateInput = z
  .object({
    patientId: Uuid,
    title: Text(200),
    doctorId: Uuid.optional(),
    notes: z.string().trim().max(2000).optional(),
    steps: z.array(TreatmentStepInput).min(1, { message: 'plan_needs_step' }).max(50),
  })
  .strict();

export const TreatmentPlanSetStatusInput = z.object({ id: Uuid, status: z.enum(TREATMENT_PLAN_STATUSES) }).strict();

export const TreatmentStepUpdateInput = z
  .object({
    stepId: Uuid,
    procedure: Text(200).optional(),
    tooth: z.string().trim().max(20).nullable().optional(),
    doctorId: Uuid.nullable().optional(),
    appointmentTypeId: Uuid.nullable().optional(),
    estimatedCostCents: AmountOrZero.optional(),
    expectedMinutes: Minutes.optional(),
    /** Cancel a step, or bring a cancelled one back as planned. */
    status: z.enum(['planned', 'cancelled']).optional(),
  })
  .strict();

export const LinkAppointmentInput = z.object({ stepId: Uuid, appointmentId: Uuid }).strict();

const termsShape = {
  principalCents: Amount,
  downPaymentCents: AmountOrZero.default(0),
  aprBp: AprBp.default(0),
  installmentCount: Count.optional(),
  installmentAmountCents: Amount.optional(),
  frequency: z.enum(FREQUENCIES),
  firstDueDate: CalendarDate,
};

export const PaymentTermsInput = z.object(termsShape).strict();

export const PaymentPlanCreateInput = z
  .object({ ...termsShape, patientId: Uuid, treatmentPlanId: Uuid.optional() })
  .strict();

/** New terms for what is still unpaid; paid installments stay as they are. */
export const PaymentPlanChangeInput = z
  .object({
    paymentPlanId: Uuid,
    /** The plan's new total principal (e.g. the treatment changed); defaults to the current one. */
    principalCents: Amount.optional(),
    aprBp: AprBp.optional(),
    installmentCount: Count.optional(),
    installmentAmountCents: Amount.optional(),
    frequency: z.enum(FREQUENCIES).optional(),
    firstDueDate: CalendarDate,
    reason: Reason,
  })
  .strict();

export const PaymentRecordInput = z
  .object({
    patientId: Uuid,
    amountCents: Amount,
    method: z.enum(PAYMENT_METHODS),
    receivedAt: z.iso.datetime({ message: 'must be a UTC instant like 2026-11-23T09:30:00.000Z' }).optional(),
    notes: z.string().trim().max(500).optional(),
    /**
     * Made once per payment form submission and sent again on every retry of it: a retry (after a
     * timeout, or a desk killed between the commit and the answer) answers the payment already
     * recorded and records nothing; the same key with other terms is refused ('conflict').
     */
    idempotencyKey: z.string().min(8).max(100).optional(),
  })
  .strict();

export const PaymentVoidInput = z.object({ paymentId: Uuid, reason: Reason }).strict();

export const PaymentRefundInput = z
  .object({ patientId: Uuid, amountCents: Amount, reason: Reason, method: z.enum(PAYMENT_METHODS) })
  .strict();

export const ById = z.object({ id: Uuid }).strict();
export const ByPatient = z.object({ patientId: Uuid }).strict();
export const ByPayment = z.object({ paymentId: Uuid }).strict();
