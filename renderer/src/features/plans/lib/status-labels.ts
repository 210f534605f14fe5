import type { InstallmentView, TreatmentPlanStatus } from '../../../../../shared/domain/plan-types.ts';
import type { IsoDate } from '../../../../../shared/domain/clinic-time.ts';

/** What an installment row shows: paid, part paid, overdue (due before today) or due. */
export function installmentState(i: InstallmentView, today: IsoDate): 'paid' | 'partial' | 'overdue' | 'due' {
  if (i.status === 'paid' || i.paidCents >= i.amountCents) return 'paid';
  if (i.dueDate < today) return 'overdue';
  return i.paidCents > 0 ? 'partial' : 'due';
}

/** Status actions in the order a receptionist expects them (forward first, cancel last). */
export const PLAN_ACTION_ORDER: readonly TreatmentPlanStatus[] = ['accepted', 'in_progress', 'completed', 'proposed', 'cancelled'];
