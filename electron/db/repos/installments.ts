import type { Instant, IsoDate } from '../../../shared/domain/clinic-time.ts';
import type { OpenInstallment } from '../../../shared/domain/payment-allocation.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

export interface InstallmentRow {
  id: string;
  payment_plan_id: string;
  seq: number;
  due_date: IsoDate;
  amount_cents: number;
  principal_cents: number;
  interest_cents: number;
  paid_cents: number;
  status: 'due' | 'paid' | 'cancelled';
}

const COLUMNS = 'id, payment_plan_id, seq, due_date, amount_cents, principal_cents, interest_cents, paid_cents, status';

export function listInstallmentsForPlan(db: ReadDb, clinicId: string, planId: string): InstallmentRow[] {
  return stmt<InstallmentRow>(
    db,
    `SELECT ${COLUMNS} FROM installments
     WHERE payment_plan_id = ? AND clinic_id = ? AND deleted_at IS NULL AND status <> 'cancelled' ORDER BY seq`,
  ).all(planId, clinicId);
}

export function getInstallment(db: ReadDb, clinicId: string, id: string): InstallmentRow | null {
  return stmt<InstallmentRow>(db, `SELECT ${COLUMNS} FROM installments WHERE id = ? AND clinic_id = ?`).get(id, clinicId) ?? null;
}

/** Every installment of the patient's active plans that still asks for money. */
export function listOpenInstallmentsForPatient(db: ReadDb, clinicId: string, patientId: string): OpenInstallment[] {
  return stmt<OpenInstallment>(
    db,
    `SELECT i.id, i.payment_plan_id AS paymentPlanId, i.seq, i.due_date AS dueDate,
            i.amount_cents AS amountCents, i.paid_cents AS paidCents
     FROM installments i JOIN payment_plans p ON p.id = i.payment_plan_id
     WHERE p.patient_id = ? AND p.clinic_id = ? AND p.status = 'active' AND p.deleted_at IS NULL
       AND i.deleted_at IS NULL AND i.status = 'due'
     ORDER BY i.due_date, i.seq`,
  ).all(patientId, clinicId);
}

export interface OverdueAggregateRow {
  patient_id: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  overdue_cents: number;
  oldest_due_date: IsoDate;
  last_contact_at: Instant | null;
}

/**
 * Patients with money due before `today`, with the oldest such date and when the clinic last
 * reached out to them (latest recall attempt). Uses installments_due (clinic_id, status, due_date).
 */
export function listOverdueByPatient(db: ReadDb, clinicId: string, today: IsoDate): OverdueAggregateRow[] {
  return stmt<OverdueAggregateRow>(
    db,
    `SELECT p.patient_id, pt.first_name, pt.last_name, pt.phone,
            SUM(i.amount_cents - i.paid_cents) AS overdue_cents, MIN(i.due_date) AS oldest_due_date,
            (SELECT MAX(ra.attempted_at) FROM recall_attempts ra
               JOIN recall_contacts rc ON rc.id = ra.contact_id
              WHERE rc.patient_id = p.patient_id AND ra.deleted_at IS NULL) AS last_contact_at
     FROM installments i
     JOIN payment_plans p ON p.id = i.payment_plan_id
     JOIN patients pt ON pt.id = p.patient_id
     WHERE i.clinic_id = ? AND i.status = 'due' AND i.due_date < ? AND i.deleted_at IS NULL
       AND p.status = 'active' AND p.deleted_at IS NULL AND i.amount_cents > i.paid_cents
     GROUP BY p.patient_id
     ORDER BY oldest_due_date, p.patient_id`,
  ).all(clinicId, today);
}

/**
 * Which of these patients have money due before `today` on an active plan (the day schedule's
 * badge). One indexed probe per patient (payment_plans_patient, installments_plan).
 */
export function listOverduePatientIds(db: ReadDb, clinicId: string, patientIds: readonly string[], today: IsoDate): string[] {
  if (patientIds.length === 0) return [];
  return stmt<{ patient_id: string }>(
    db,
    `SELECT DISTINCT p.patient_id FROM payment_plans p
     JOIN installments i ON i.payment_plan_id = p.id
     WHERE p.patient_id IN (SELECT value FROM json_each(?)) AND p.clinic_id = ? AND p.status = 'active'
       AND p.deleted_at IS NULL AND i.deleted_at IS NULL AND i.status = 'due' AND i.due_date < ?
       AND i.amount_cents > i.paid_cents
     ORDER BY p.patient_id`,
  )
    .all(JSON.stringify([...new Set(patientIds)]), clinicId, today)
    .map((r) => r.patient_id);
}
