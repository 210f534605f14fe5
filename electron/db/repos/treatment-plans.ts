import type { Instant } from '../../../shared/domain/clinic-time.ts';
import type { StepStatus, TreatmentPlanStatus, TreatmentStep } from '../../../shared/domain/plan-types.ts';
import type { ReadDb } from '../database.ts';
import { stmt } from '../statements.ts';

export interface TreatmentPlanRow {
  id: string;
  patient_id: string;
  doctor_id: string | null;
  title: string;
  status: TreatmentPlanStatus;
  accepted_at: Instant | null;
  accepted_by: string | null;
  notes: string | null;
  updated_at: Instant;
}

export interface StepRow {
  id: string;
  treatment_plan_id: string;
  position: number;
  procedure: string;
  tooth: string | null;
  doctor_id: string | null;
  appointment_type_id: string | null;
  estimated_cost_cents: number;
  expected_minutes: number;
  status: StepStatus;
  appointment_id: string | null;
  appointment_starts_at: Instant | null;
}

const PLAN_COLUMNS = 'id, patient_id, doctor_id, title, status, accepted_at, accepted_by, notes, updated_at';

export function getTreatmentPlan(db: ReadDb, clinicId: string, id: string): TreatmentPlanRow | null {
  return (
    stmt<TreatmentPlanRow>(
      db,
      `SELECT ${PLAN_COLUMNS} FROM treatment_plans WHERE id = ? AND clinic_id = ? AND deleted_at IS NULL`,
    ).get(id, clinicId) ?? null
  );
}

export function listTreatmentPlansForPatient(db: ReadDb, clinicId: string, patientId: string): TreatmentPlanRow[] {
  return stmt<TreatmentPlanRow>(
    db,
    `SELECT ${PLAN_COLUMNS} FROM treatment_plans
     WHERE patient_id = ? AND clinic_id = ? AND deleted_at IS NULL ORDER BY id DESC`,
  ).all(patientId, clinicId);
}

const STEP_SELECT = `
  SELECT s.id, s.treatment_plan_id, s.position, s.procedure, s.tooth, s.doctor_id, s.appointment_type_id,
         s.estimated_cost_cents, s.expected_minutes, s.status, s.appointment_id, a.starts_at AS appointment_starts_at
  FROM treatment_steps s LEFT JOIN appointments a ON a.id = s.appointment_id`;

export function listSteps(db: ReadDb, clinicId: string, planId: string): StepRow[] {
  return stmt<StepRow>(
    db,
    `${STEP_SELECT} WHERE s.treatment_plan_id = ? AND s.clinic_id = ? AND s.deleted_at IS NULL ORDER BY s.position`,
  ).all(planId, clinicId);
}

export function getStep(db: ReadDb, clinicId: string, id: string): StepRow | null {
  return stmt<StepRow>(db, `${STEP_SELECT} WHERE s.id = ? AND s.clinic_id = ? AND s.deleted_at IS NULL`).get(id, clinicId) ?? null;
}

/** Steps an appointment was booked for (normally one). */
export function listStepsForAppointment(db: ReadDb, clinicId: string, appointmentId: string): StepRow[] {
  return stmt<StepRow>(
    db,
    `${STEP_SELECT} WHERE s.appointment_id = ? AND s.clinic_id = ? AND s.deleted_at IS NULL ORDER BY s.position`,
  ).all(appointmentId, clinicId);
}

export function toStep(r: StepRow): TreatmentStep {
  return {
    id: r.id,
    position: r.position,
    procedure: r.procedure,
    tooth: r.tooth,
    doctorId: r.doctor_id,
    appointmentTypeId: r.appointment_type_id,
    estimatedCostCents: r.estimated_cost_cents,
    expectedMinutes: r.expected_minutes,
    status: r.status,
    appointmentId: r.appointment_id,
    appointmentStartsAt: r.appointment_starts_at,
  };
}

export function appointmentTypeExists(db: ReadDb, clinicId: string, id: string): boolean {
  return !!stmt(db, 'SELECT 1 FROM appointment_types WHERE id = ? AND clinic_id = ? AND deleted_at IS NULL').get(id, clinicId);
}
