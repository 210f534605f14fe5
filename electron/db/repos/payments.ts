import type { Instant, IsoDate } from '../../../shared/domain/clinic-time.ts';
import type { LedgerAllocation } from '../../../shared/domain/payment-allocation.ts';
import type { PaymentKind, PaymentMethod } from '../../../shared/domain/plan-types.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

export interface PaymentRow {
  id: string;
  patient_id: string;
  kind: PaymentKind;
  method: PaymentMethod;
  amount_cents: number;
  currency: string;
  related_payment_id: string | null;
  reason: string | null;
  received_at: Instant;
  received_by: string | null;
  received_by_name: string | null;
  notes: string | null;
}

const SELECT = `
  SELECT p.id, p.patient_id, p.kind, p.method, p.amount_cents, p.currency, p.related_payment_id, p.reason,
         p.received_at, p.received_by, s.display_name AS received_by_name, p.notes
  FROM payments p LEFT JOIN staff s ON s.id = p.received_by`;

export function getPayment(db: ReadDb, clinicId: string, id: string): PaymentRow | null {
  return stmt<PaymentRow>(db, `${SELECT} WHERE p.id = ? AND p.clinic_id = ? AND p.deleted_at IS NULL`).get(id, clinicId) ?? null;
}

/** The payment recorded with an idempotency key, with the terms it was recorded with. */
export function findPaymentByIdempotencyKey(
  db: ReadDb,
  clinicId: string,
  key: string,
): { id: string; patient_id: string; amount_cents: number; method: PaymentMethod } | null {
  return (
    stmt<{ id: string; patient_id: string; amount_cents: number; method: PaymentMethod }>(
      db,
      'SELECT id, patient_id, amount_cents, method FROM payments WHERE idempotency_key = ? AND clinic_id = ?',
    ).get(key, clinicId) ?? null
  );
}

/** The patient's ledger in the order it happened (ids are time-ordered UUIDv7). */
export function listPaymentsForPatient(db: ReadDb, clinicId: string, patientId: string): PaymentRow[] {
  return stmt<PaymentRow>(
    db,
    `${SELECT} WHERE p.patient_id = ? AND p.clinic_id = ? AND p.deleted_at IS NULL ORDER BY p.received_at, p.id`,
  ).all(patientId, clinicId);
}

export function listAllocationsForPatient(db: ReadDb, clinicId: string, patientId: string): LedgerAllocation[] {
  return stmt<LedgerAllocation>(
    db,
    `SELECT a.payment_id AS paymentId, a.installment_id AS installmentId, a.amount_cents AS amountCents
     FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
     WHERE p.patient_id = ? AND a.clinic_id = ? AND a.deleted_at IS NULL ORDER BY a.id`,
  ).all(patientId, clinicId);
}

export interface AllocationDetailRow {
  installment_id: string;
  payment_plan_id: string;
  seq: number;
  due_date: IsoDate;
  amount_cents: number;
}

export function listAllocationsOfPayment(db: ReadDb, clinicId: string, paymentId: string): AllocationDetailRow[] {
  return stmt<AllocationDetailRow>(
    db,
    `SELECT a.installment_id, i.payment_plan_id, i.seq, i.due_date, a.amount_cents
     FROM payment_allocations a JOIN installments i ON i.id = a.installment_id
     WHERE a.payment_id = ? AND a.clinic_id = ? AND a.deleted_at IS NULL ORDER BY i.due_date, i.seq`,
  ).all(paymentId, clinicId);
}

export interface PatientBrief {
  id: string;
  first_name: string;
  last_name: string;
  phone: string | null;
}

/** The few patient facts money screens need (the patients feature owns the full record). */
export function getPatientBrief(db: ReadDb, clinicId: string, id: string): PatientBrief | null {
  return (
    stmt<PatientBrief>(
      db,
      'SELECT id, first_name, last_name, phone FROM patients WHERE id = ? AND clinic_id = ? AND deleted_at IS NULL',
    ).get(id, clinicId) ?? null
  );
}

export interface ClinicContact {
  name: string;
  phone: string | null;
  address: string | null;
  currency: string;
  time_zone: string;
}

export function getClinicContact(db: ReadDb, clinicId: string): ClinicContact | null {
  return (
    stmt<ClinicContact>(db, 'SELECT name, phone, address, currency, time_zone FROM clinics WHERE id = ?').get(clinicId) ?? null
  );
}
