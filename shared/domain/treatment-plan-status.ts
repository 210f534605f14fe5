import type { Cents } from './money.ts';
import type { PlanProgress, StepStatus, TreatmentPlanStatus } from './plan-types.ts';

/** proposed → accepted → in_progress → completed; cancelled from any open status. */
const NEXT: Record<TreatmentPlanStatus, readonly TreatmentPlanStatus[]> = {
  proposed: ['accepted', 'cancelled'],
  accepted: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export function allowedPlanTransitions(from: TreatmentPlanStatus): readonly TreatmentPlanStatus[] {
  return NEXT[from];
}

export function canPlanTransition(from: TreatmentPlanStatus, to: TreatmentPlanStatus): boolean {
  return NEXT[from].includes(to);
}

/** A closed plan's steps are history: they are not edited, booked or cancelled any more. */
export function isPlanOpen(status: TreatmentPlanStatus): boolean {
  return status !== 'completed' && status !== 'cancelled';
}

/** Done over all steps that still count (cancelled steps drop out), by number and by cost. */
export function planProgress(steps: readonly { status: StepStatus; estimatedCostCents: Cents }[]): PlanProgress {
  const counted = steps.filter((s) => s.status !== 'cancelled');
  const done = counted.filter((s) => s.status === 'done');
  const sum = (list: typeof steps) => list.reduce((s, x) => s + x.estimatedCostCents, 0);
  return { stepsDone: done.length, stepsTotal: counted.length, costDoneCents: sum(done), costTotalCents: sum(counted) };
}
