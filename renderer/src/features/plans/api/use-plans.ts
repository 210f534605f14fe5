import { useMemo } from 'react';
import { useCommandQuery } from '../../../hooks/use-command-query.ts';
import { MONEY_TABLES } from '../../../hooks/use-patient-balance.ts';

const PLAN_TABLES = ['treatment_plans', 'treatment_steps', 'appointments', 'payment_plans', 'staff'] as const;
const EMPTY = {} as const;

/** A patient's treatment plans, newest activity first. */
export function useTreatmentPlans(patientId: string) {
  const input = useMemo(() => ({ patientId }), [patientId]);
  return useCommandQuery('treatmentPlans.listForPatient', input, { refreshOn: PLAN_TABLES });
}

/** One treatment plan with its steps. */
export function useTreatmentPlan(id: string) {
  const input = useMemo(() => ({ id }), [id]);
  return useCommandQuery('treatmentPlans.get', input, { refreshOn: PLAN_TABLES });
}

/** A patient's payment plans with their installments, newest first. */
export function usePaymentPlans(patientId: string) {
  const input = useMemo(() => ({ patientId }), [patientId]);
  return useCommandQuery('paymentPlans.listForPatient', input, { refreshOn: MONEY_TABLES });
}

/** Doctors, rooms and appointment types (for the step form and the slot finder). */
export function useClinicSettings() {
  return useCommandQuery('availability.settings', EMPTY, {
    refreshOn: ['doctors', 'appointment_types', 'rooms', 'doctor_appointment_types'],
  });
}
