import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES, allowedTransitions, canTransition, isActiveStatus } from './appointment-status.ts';

describe('appointment status flow', () => {
  it('follows scheduled → confirmed → arrived → in progress → completed', () => {
    expect(canTransition('scheduled', 'confirmed')).toBe(true);
    expect(canTransition('confirmed', 'arrived')).toBe(true);
    expect(canTransition('arrived', 'in_progress')).toBe(true);
    expect(canTransition('in_progress', 'completed')).toBe(true);
  });

  it('refuses going backwards from a visit in progress and anything after a final status', () => {
    expect(canTransition('in_progress', 'arrived')).toBe(false);
    expect(canTransition('scheduled', 'completed')).toBe(false);
    for (const final of ['completed', 'cancelled', 'no_show'] as const) {
      expect(allowedTransitions(final)).toEqual([]);
      for (const to of APPOINTMENT_STATUSES) expect(canTransition(final, to)).toBe(false);
    }
  });

  it('never allows a status to become itself', () => {
    for (const s of APPOINTMENT_STATUSES) expect(canTransition(s, s)).toBe(false);
  });

  it('frees the slot only for cancelled and no-show', () => {
    expect(APPOINTMENT_STATUSES.filter((s) => !isActiveStatus(s))).toEqual(['cancelled', 'no_show']);
  });
});
