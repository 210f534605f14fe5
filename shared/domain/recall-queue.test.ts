import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AttemptRecord,
  RECALL_OUTCOMES,
  claimUntil,
  isCallable,
  orderAttempts,
  percent,
  resolveContact,
} from './recall-queue.ts';

const rules = { maxAttempts: 3, attemptSpacingHours: 24 };
let seq = 0;
const attempt = (attemptedAt: string, outcome: AttemptRecord['outcome'], callbackAt: string | null = null): AttemptRecord => ({
  id: `a${String(seq++).padStart(4, '0')}`,
  attemptedAt,
  outcome,
  callbackAt,
});

describe('resolveContact', () => {
  it('is open and immediately callable with no attempts', () => {
    expect(resolveContact([], rules)).toEqual({ status: 'open', outcome: null, attempts: 0, lastAttemptAt: null, nextAttemptAfter: null });
  });

  it('spaces unanswered attempts and closes the contact at the maximum', () => {
    const one = [attempt('2026-11-23T10:00:00.000Z', 'no_answer')];
    expect(resolveContact(one, rules)).toMatchObject({ status: 'open', attempts: 1, nextAttemptAfter: '2026-11-24T10:00:00.000Z' });
    const three = [...one, attempt('2026-11-24T10:00:00.000Z', 'left_message'), attempt('2026-11-25T10:00:00.000Z', 'no_answer')];
    expect(resolveContact(three, rules)).toMatchObject({ status: 'done', outcome: 'no_answer', attempts: 3, nextAttemptAfter: null });
  });

  it('ends the contact on a final outcome', () => {
    for (const outcome of ['booked', 'declined', 'wrong_number', 'opted_out'] as const) {
      expect(resolveContact([attempt('2026-11-23T10:00:00.000Z', outcome)], rules)).toMatchObject({ status: 'done', outcome });
    }
  });

  it('waits for the call-back day and keeps a call-back open past the maximum', () => {
    const cb = [
      attempt('2026-11-21T10:00:00.000Z', 'no_answer'),
      attempt('2026-11-22T10:00:00.000Z', 'no_answer'),
      attempt('2026-11-23T10:00:00.000Z', 'call_back', '2026-11-26T23:00:00.000Z'),
    ];
    expect(resolveContact(cb, rules)).toMatchObject({ status: 'open', outcome: 'call_back', nextAttemptAfter: '2026-11-26T23:00:00.000Z' });
  });

  it('keeps a final outcome logged offline by another desk even when a later call was unanswered', () => {
    const merged = [attempt('2026-11-23T10:05:00.000Z', 'no_answer'), attempt('2026-11-23T10:00:00.000Z', 'booked')];
    expect(resolveContact(merged, rules)).toMatchObject({ status: 'done', outcome: 'booked', attempts: 2 });
  });

  it('gives every desk the same state whatever order attempts arrived in (property)', () => {
    const arb = fc.array(
      fc.record({
        id: fc.uuid(),
        attemptedAt: fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
        outcome: fc.constantFrom(...RECALL_OUTCOMES),
        callbackAt: fc.constant(null),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 5 }), (attempts, max) => {
        const r = { maxAttempts: max, attemptSpacingHours: 12 };
        expect(resolveContact([...attempts].reverse(), r)).toEqual(resolveContact(attempts, r));
        expect(orderAttempts(attempts).length).toBe(attempts.length);
      }),
    );
  });
});

describe('isCallable', () => {
  const now = '2026-11-23T10:00:00.000Z';
  const open = { status: 'open' as const, claimedBy: null, claimedUntil: null, nextAttemptAfter: null };

  it('skips another desk’s unexpired claim but takes over an expired one', () => {
    expect(isCallable(open, 'desk-a', now)).toBe(true);
    const held = { ...open, claimedBy: 'desk-b', claimedUntil: claimUntil(now) };
    expect(isCallable(held, 'desk-a', now)).toBe(false);
    expect(isCallable(held, 'desk-b', now)).toBe(true);
    expect(isCallable(held, 'desk-a', '2026-11-23T10:05:00.000Z')).toBe(true);
  });

  it('respects the spacing and a closed contact', () => {
    expect(isCallable({ ...open, nextAttemptAfter: '2026-11-23T11:00:00.000Z' }, 'a', now)).toBe(false);
    expect(isCallable({ ...open, status: 'done' }, 'a', now)).toBe(false);
  });
});

describe('percent', () => {
  it('rounds to one decimal and is 0 for an empty campaign', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBe(0);
  });
});
