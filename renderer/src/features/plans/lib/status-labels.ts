import type { TreatmentPlanStatus } from '../../../../../shared/domain/plan-types.ts';

/** Status actions in the order a receptionist expects them (forward first, cancel last). */
export const PLAN_ACTION_ORDER: readonly TreatmentPlanStatus[] = ['accepted', 'in_progress', 'completed', 'proposed', 'cancelled'];
