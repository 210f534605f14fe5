import { type IsoDate, addDaysIso } from './clinic-time.ts';
import type { Cents } from './money.ts';

/**
 * How many days ahead an unpaid installment already counts as due: a week, so that the next
 * installment of a weekly plan, and any monthly one falling due this week, reads "Due" while the
 * patient is at the desk; anything further away reads "Upcoming".
 */
export const DUE_NOTICE_DAYS = 7;

export type InstallmentState = 'paid' | 'partial' | 'overdue' | 'due' | 'upcoming';

export interface InstallmentFacts {
  dueDate: IsoDate;
  amountCents: Cents;
  paidCents: Cents;
  status: 'due' | 'paid';
}

/**
 * What an installment row shows on `today` (the clinic's calendar day):
 * - paid: nothing left to pay;
 * - overdue: money left and the due date is before today;
 * - partial: some paid, the rest not late yet;
 * - due: nothing paid, the due date is today or within DUE_NOTICE_DAYS days;
 * - upcoming: nothing paid, the due date is further away.
 */
export function installmentState(i: InstallmentFacts, today: IsoDate): InstallmentState {
  if (i.status === 'paid' || i.paidCents >= i.amountCents) return 'paid';
  if (i.dueDate < today) return 'overdue';
  if (i.paidCents > 0) return 'partial';
  return i.dueDate <= addDaysIso(today, DUE_NOTICE_DAYS) ? 'due' : 'upcoming';
}
