import type { Instant, IsoDate } from '../../../shared/domain/clinic-time.ts';
import type { Frequency } from '../../../shared/domain/plan-types.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

export interface PaymentPlanRow {
  id: string;
  patient_id: string;
  treatment_plan_id: string | null;
  currency: string;
  principal_cents: number;
  down_payment_cents: number;
  apr_bp: number;
  installment_count: number | null;
  installment_amount_cents: number | null;
  frequency: Frequency;
  first_due_date: IsoDate;
  status: 'active' | 'completed' | 'cancelled';
  updated_at: Instant;
}

const COLUMNS = `id, patient_id, treatment_plan_id, currency, principal_cents, down_payment_cents, apr_bp,
  installment_count, installment_amount_cents, frequency, first_due_date, status, updated_at`;

export function getPaymentPlan(db: ReadDb, clinicId: string, id: string): PaymentPlanRow | null {
  return (
    stmt<PaymentPlanRow>(db, `SELECT ${COLUMNS} FROM payment_plans WHERE id = ? AND clinic_id = ? AND deleted_at IS NULL`).get(
      id,
      clinicId,
    ) ?? null
  );
}

export function listPaymentPlansForPatient(db: ReadDb, clinicId: string, patientId: string): PaymentPlanRow[] {
  return stmt<PaymentPlanRow>(
    db,
    `SELECT ${COLUMNS} FROM payment_plans WHERE patient_id = ? AND clinic_id = ? AND deleted_at IS NULL ORDER BY id`,
  ).all(patientId, clinicId);
}

export function listPaymentPlanIdsForTreatmentPlan(db: ReadDb, clinicId: string, treatmentPlanId: string): string[] {
  return stmt<{ id: string }>(
    db,
    `SELECT id FROM payment_plans WHERE treatment_plan_id = ? AND clinic_id = ? AND deleted_at IS NULL ORDER BY id`,
  )
    .all(treatmentPlanId, clinicId)
    .map((r) => r.id);
}
