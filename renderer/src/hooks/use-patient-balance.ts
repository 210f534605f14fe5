import { useMemo } from 'react';
import { useCommandQuery } from './use-command-query.ts';

/** Tables whose rows move a patient's balance. */
export const MONEY_TABLES = ['payments', 'payment_allocations', 'installments', 'payment_plans'] as const;

/** A patient's balance, overdue amount and next due installment ('money.patientBalance'). */
export function usePatientBalance(patientId: string | null) {
  const input = useMemo(() => (patientId ? { patientId } : null), [patientId]);
  return useCommandQuery('money.patientBalance', input, { refreshOn: MONEY_TABLES });
}
