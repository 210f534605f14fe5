import type { Cents } from './money.ts';
import type { Instant, IsoDate } from './clinic-time.ts';

/** Output types of treatment plans, payment plans, payments and the money views. */

export const FREQUENCIES = ['weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const PAYMENT_METHODS = ['cash', 'card', 'transfer', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const TREATMENT_PLAN_STATUSES = ['proposed', 'accepted', 'in_progress', 'completed', 'cancelled'] as const;
export type TreatmentPlanStatus = (typeof TREATMENT_PLAN_STATUSES)[number];

export const STEP_STATUSES = ['planned', 'scheduled', 'done', 'cancelled'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** The terms a payment schedule is computed from. Exactly one of count or amount is given. */
export interface ScheduleTerms {
  principalCents: Cents;
  downPaymentCents: Cents;
  /** Annual percentage rate in basis points: 1250 = 12.50 %. */
  aprBp: number;
  installmentCount?: number | undefined;
  installmentAmountCents?: Cents | undefined;
  frequency: Frequency;
  firstDueDate: IsoDate;
}

export interface ScheduledInstallment {
  seq: number;
  dueDate: IsoDate;
  amountCents: Cents;
  principalCents: Cents;
  interestCents: Cents;
}

export interface SchedulePreview {
  downPaymentCents: Cents;
  financedCents: Cents;
  interestCents: Cents;
  /** financedCents + interestCents: what the installments add up to, exactly. */
  totalCents: Cents;
  installments: ScheduledInstallment[];
}

export interface PlanProgress {
  stepsDone: number;
  /** Steps that are not cancelled. */
  stepsTotal: number;
  costDoneCents: Cents;
  costTotalCents: Cents;
}

export interface TreatmentStep {
  id: string;
  position: number;
  procedure: string;
  tooth: string | null;
  doctorId: string | null;
  appointmentTypeId: string | null;
  estimatedCostCents: Cents;
  expectedMinutes: number;
  status: StepStatus;
  appointmentId: string | null;
  appointmentStartsAt: Instant | null;
}

export interface TreatmentPlanSummary {
  id: string;
  patientId: string;
  doctorId: string | null;
  title: string;
  status: TreatmentPlanStatus;
  acceptedAt: Instant | null;
  acceptedBy: string | null;
  /** The staff member who accepted it, for display. */
  acceptedByName: string | null;
  notes: string | null;
  updatedAt: Instant;
  progress: PlanProgress;
  currency: string;
}

export interface TreatmentPlanDetail extends TreatmentPlanSummary {
  steps: TreatmentStep[];
  allowedNext: TreatmentPlanStatus[];
  paymentPlanIds: string[];
}

export interface InstallmentView extends ScheduledInstallment {
  id: string;
  paidCents: Cents;
  status: 'due' | 'paid';
  /** The upfront part of the plan: due when the plan is made, never regenerated. */
  isDownPayment: boolean;
}

export interface PaymentPlanDetail {
  id: string;
  patientId: string;
  treatmentPlanId: string | null;
  currency: string;
  principalCents: Cents;
  downPaymentCents: Cents;
  aprBp: number;
  installmentCount: number | null;
  installmentAmountCents: Cents | null;
  frequency: Frequency;
  firstDueDate: IsoDate;
  status: 'active' | 'completed' | 'cancelled';
  installments: InstallmentView[];
  totalCents: Cents;
  paidCents: Cents;
  remainingCents: Cents;
  updatedAt: Instant;
}

export type PaymentKind = 'payment' | 'refund' | 'void';

export interface PaymentView {
  id: string;
  patientId: string;
  kind: PaymentKind;
  method: PaymentMethod;
  amountCents: Cents;
  currency: string;
  relatedPaymentId: string | null;
  reason: string | null;
  receivedAt: Instant;
  receivedBy: string | null;
  receivedByName: string | null;
  notes: string | null;
  /** For a payment: true once a void row points at it. */
  voided: boolean;
  /** Net amount of this row applied to installments (negative on a void). */
  allocatedCents: Cents;
}

export interface PaymentAllocationView {
  installmentId: string;
  paymentPlanId: string;
  seq: number;
  dueDate: IsoDate;
  amountCents: Cents;
}

export interface Receipt {
  number: string;
  clinic: { name: string; phone: string | null; address: string | null };
  patient: { id: string; name: string };
  payment: PaymentView;
  allocations: PaymentAllocationView[];
  /** The part of this payment not applied to any installment (credit at the time of printing). */
  unallocatedCents: Cents;
  balanceAfter: PatientBalance;
}

export interface NextDue {
  installmentId: string;
  paymentPlanId: string;
  dueDate: IsoDate;
  /** What is still to pay on it. */
  amountCents: Cents;
}

export interface PatientBalance {
  /** Unpaid installments minus credit (negative: the clinic owes the patient). */
  balanceCents: Cents;
  overdueCents: Cents;
  nextDue: NextDue | null;
  creditCents: Cents;
  currency: string;
}

export interface OverdueRow {
  patientId: string;
  name: string;
  phone: string | null;
  daysOverdue: number;
  overdueCents: Cents;
  oldestDueDate: IsoDate;
  lastContactAt: Instant | null;
}
