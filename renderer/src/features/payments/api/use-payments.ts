import { useMemo } from 'react';
import { useCommandQuery } from '../../../data/use-command-query.ts';

/** A patient's payments, refunds and voids, newest first. */
export function usePayments(patientId: string) {
  const input = useMemo(() => ({ patientId }), [patientId]);
  return useCommandQuery('payments.listForPatient', input);
}

/** One payment's receipt (allocations, balance after). */
export function useReceipt(paymentId: string) {
  const input = useMemo(() => ({ paymentId }), [paymentId]);
  return useCommandQuery('payments.receipt', input);
}
