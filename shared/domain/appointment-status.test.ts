import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPOINTMENT_STATUSES,
  allowedTransitions,
  canTransition,
  earliestStatusAt,
  isActiveStatus,
  STATUS_LEAD_MINUTES_MAX,
  statusTimingRefusal,
} from './appointment-status.ts';

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

describe('statuses that follow the clock', () => {
  const start = '2026-12-09T09:30:00.000Z';
  const at = (iso: string) => new Date(iso);

  it('refuses checking in a visit a week away, naming the rule and the earliest time', () => {
    expect(statusTimingRefusal('arrived', start, at('2026-12-02T09:30:00.000Z'))).toEqual({
      code: 'status_too_early',
      params: { status: 'arrived', earliestAt: '2026-12-09T08:30:00.000Z', startsAt: start, leadMinutes: 60 },
    });
  });

  it('allows arrived, in progress and completed from the lead time before the start on', () => {
    for (const s of ['arrived', 'in_progress', 'completed'] as const) {
      expect(statusTimingRefusal(s, start, at('2026-12-09T08:29:59.999Z'))?.code).toBe('status_too_early');
      expect(statusTimingRefusal(s, start, at('2026-12-09T08:30:00.000Z'))).toBeNull();
      expect(statusTimingRefusal(s, start, at('2026-12-10T08:30:00.000Z'))).toBeNull();
    }
  });

  it('follows the clinic setting for the lead time', () => {
    expect(statusTimingRefusal('arrived', start, at('2026-12-09T09:00:00.000Z'), 15)?.params.earliestAt).toBe('2026-12-09T09:15:00.000Z');
    expect(statusTimingRefusal('arrived', start, at('2026-12-09T09:30:00.000Z'), 0)).toBeNull();
    expect(statusTimingRefusal('arrived', start, at('2026-12-09T07:00:00.000Z'), 180)).toBeNull();
  });

  it('allows a no-show only once the visit has started', () => {
    expect(statusTimingRefusal('no_show', start, at('2026-12-09T09:29:59.999Z'))).toEqual({
      code: 'no_show_too_early',
      params: { status: 'no_show', earliestAt: start, startsAt: start, leadMinutes: 60 },
    });
    expect(statusTimingRefusal('no_show', start, at(start))).toBeNull();
    // The lead time that lets a patient check in early never makes a no-show early.
    expect(statusTimingRefusal('no_show', start, at('2026-12-09T09:00:00.000Z'), 720)?.code).toBe('no_show_too_early');
  });

  it('never times scheduled, confirmed or cancelled', () => {
    for (const s of ['scheduled', 'confirmed', 'cancelled'] as const) {
      expect(earliestStatusAt(s, start, 60)).toBeNull();
      expect(statusTimingRefusal(s, start, at('2020-01-01T00:00:00.000Z'))).toBeNull();
    }
  });

  it('refuses exactly when now is before the earliest instant, for any start, lead and now', () => {
    const instant = fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') });
    fc.assert(
      fc.property(
        fc.constantFrom(...APPOINTMENT_STATUSES),
        instant,
        fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }),
        fc.integer({ min: 0, max: STATUS_LEAD_MINUTES_MAX }),
        (status, startMs, offset, lead) => {
          const startsAt = new Date(startMs).toISOString();
          const now = new Date(startMs + offset);
          const refusal = statusTimingRefusal(status, startsAt, now, lead);
          const earliest = earliestStatusAt(status, startsAt, lead);
          expect(refusal === null).toBe(earliest === null || now >= earliest);
          if (refusal) {
            expect(Date.parse(refusal.params.earliestAt)).toBeGreaterThan(now.getTime());
            expect(Date.parse(refusal.params.earliestAt)).toBeLessThanOrEqual(startMs);
            expect(refusal.code === 'no_show_too_early').toBe(status === 'no_show');
          }
          // Later is never worse: whatever is allowed now stays allowed.
          if (!refusal) expect(statusTimingRefusal(status, startsAt, new Date(now.getTime() + 60_000), lead)).toBeNull();
        },
      ),
    );
  });
});
