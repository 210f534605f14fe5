import { useMemo } from 'react';
import { useCommandQuery } from '../data/use-command-query.ts';


/** A patient's balance, overdue amount and next due installment ('money.patientBalance'). */
export function usePatientBalance(patientId: string | null) {
  const input = useMemo(() => (patientId ? { patientId } : null), [patientId]);
  return useCommandQuery('money.patientBalance', input);
}
