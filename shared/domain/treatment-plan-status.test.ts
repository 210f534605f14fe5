import { describe, expect, it } from 'vitest';
import { canPlanTransition, isPlanOpen, planProgress } from './treatment-plan-status.ts';

describe('treatment plan status', () => {
  it('follows proposed → accepted → in_progress → completed and refuses skips and reopening', () => {
    expect(canPlanTransition('proposed', 'accepted')).toBe(true);
    expect(canPlanTransition('accepted', 'in_progress')).toBe(true);
    expect(canPlanTransition('in_progress', 'completed')).toBe(true);
    expect(canPlanTransition('proposed', 'completed')).toBe(false);
    expect(canPlanTransition('completed', 'in_progress')).toBe(false);
    expect(canPlanTransition('cancelled', 'proposed')).toBe(false);
    expect(canPlanTransition('in_progress', 'cancelled')).toBe(true);
    expect(isPlanOpen('accepted')).toBe(true);
    expect(isPlanOpen('cancelled')).toBe(false);
  });

  it('measures progress by steps and cost, leaving cancelled steps out', () => {
    expect(
      planProgress([
        { status: 'done', estimatedCostCents: 100 },
        { status: 'scheduled', estimatedCostCents: 200 },
        { status: 'cancelled', estimatedCostCents: 999 },
        { status: 'planned', estimatedCostCents: 300 },
      ]),
    ).toEqual({ stepsDone: 1, stepsTotal: 3, costDoneCents: 100, costTotalCents: 600 });
  });
});
