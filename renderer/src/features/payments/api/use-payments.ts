import { useMemo } from 'react';
import { useCommandQuery } from '../../../hooks/use-command-query.ts';
import { MONEY_TABLES } from '../../../hooks/use-patient-balance.ts';

/** A patient's payments, refunds and voids, newest first. */
export function usePayments(patientId: string) {
  const input = useMemo(() => ({ patientId }), [patientId]);
  return useCommandQuery('payments.listForPatient', input, { refreshOn: MONEY_TABLES });
}

/** One payment's receipt (allocations, balance after). */
export function useReceipt(paymentId: string) {
  const input = useMemo(() => ({ paymentId }), [paymentId]);
  return useCommandQuery('payments.receipt', input, { refreshOn: MONEY_TABLES });
}
