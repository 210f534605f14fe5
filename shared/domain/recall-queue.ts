/**
 * Recall work queue rules: who can be called now, claims, and what an attempt does to a contact.
 *
 * Design note — claims across desks, online and offline:
 * - A claim is two ordinary synced columns on recall_contacts: claimed_by (desk id) and
 *   claimed_until (an instant, now + CLAIM_MINUTES). "Next contact" claims in the same local
 *   write transaction that picks the contact, so two desks on one database can never get the
 *   same person; the claim also goes through the outbox, so online desks see it within a pull.
 * - A desk skips contacts with an unexpired claim from ANOTHER desk, and takes over expired
 *   claims. Claims are short on purpose: a desk that went offline or crashed blocks its contact
 *   for at most CLAIM_MINUTES, and no lock ever needs a server round trip (an offline desk keeps
 *   working its queue from local data).
 * - While partitioned, two desks can claim and call the same person. Nothing is lost: attempts
 *   are append-only rows (never updated), so both calls are kept and synced. The contact's
 *   state is a pure function of ALL its attempts (resolveContact below), so every desk that has
 *   the same attempts computes the same state: a final outcome (booked, declined, wrong number,
 *   opted out) beats a non-final one, because it is a fact about the patient; otherwise the latest
 *   attempt decides. Logging an attempt always re-resolves from every attempt the desk has, and so
 *   does "next contact" for each contact it picks: when the partitioned desks' contact updates
 *   met in a sync conflict, the row keeps one desk's state while both desks' attempts arrive, and
 *   the pick writes the resolved state back (an ordinary synced change) before handing it out.
 * - Clocks: claim expiry compares with the local clock; a skewed desk can at worst take over a
 *   claim a few minutes early, which only risks a double call (both kept), never lost data.
 */
import type { Instant, IsoDate } from './clinic-time.ts';

export const RECALL_OUTCOMES = [
  'no_answer',
  'left_message',
  'call_back',
  'booked',
  'declined',
  'wrong_number',
  'opted_out',
] as const;
export type RecallOutcome = (typeof RECALL_OUTCOMES)[number];

/** Outcomes that end the contact: nobody calls this person again in this campaign. */
export const FINAL_OUTCOMES: ReadonlySet<RecallOutcome> = new Set(['booked', 'declined', 'wrong_number', 'opted_out']);
/** Outcomes where someone actually spoke with the patient. */
export const REACHED_OUTCOMES: ReadonlySet<RecallOutcome> = new Set(['call_back', 'booked', 'declined', 'opted_out']);

export const CLAIM_MINUTES = 5;

export interface AttemptRules {
  maxAttempts: number;
  attemptSpacingHours: number;
}

export interface AttemptRecord {
  id: string;
  attemptedAt: Instant;
  outcome: RecallOutcome;
  /** Start of the call-back day in the clinic's zone, for 'call_back'. */
  callbackAt: Instant | null;
}

export interface ContactState {
  status: 'open' | 'done';
  outcome: RecallOutcome | null;
  attempts: number;
  lastAttemptAt: Instant | null;
  nextAttemptAfter: Instant | null;
}

const HOUR_MS = 3_600_000;

const addHours = (at: Instant, hours: number): Instant => new Date(Date.parse(at) + hours * HOUR_MS).toISOString();

/** Attempts in a stable order every desk agrees on: time, then id (UUIDv7, time-ordered). */
export function orderAttempts<T extends { attemptedAt: Instant; id: string }>(attempts: readonly T[]): T[] {
  return [...attempts].sort((a, b) =>
    a.attemptedAt < b.attemptedAt ? -1 : a.attemptedAt > b.attemptedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/**
 * The contact's state from all its attempts. Done when any attempt had a final outcome or the
 * attempts reached the maximum (a call-back request keeps it open: the patient asked for it).
 * Otherwise the next call waits for the spacing after the last attempt, or for the call-back day.
 */
export function resolveContact(attempts: readonly AttemptRecord[], rules: AttemptRules): ContactState {
  if (attempts.length === 0) {
    return { status: 'open', outcome: null, attempts: 0, lastAttemptAt: null, nextAttemptAfter: null };
  }
  const ordered = orderAttempts(attempts);
  const last = ordered.at(-1)!;
  const final = ordered.filter((a) => FINAL_OUTCOMES.has(a.outcome)).at(-1);
  const base = { attempts: ordered.length, lastAttemptAt: last.attemptedAt };
  if (final) return { ...base, status: 'done', outcome: final.outcome, nextAttemptAfter: null };
  if (last.outcome === 'call_back') {
    const at =
      last.callbackAt && last.callbackAt > last.attemptedAt
        ? last.callbackAt
        : addHours(last.attemptedAt, rules.attemptSpacingHours);
    return { ...base, status: 'open', outcome: 'call_back', nextAttemptAfter: at };
  }
  if (ordered.length >= rules.maxAttempts) return { ...base, status: 'done', outcome: last.outcome, nextAttemptAfter: null };
  return {
    ...base,
    status: 'open',
    outcome: last.outcome,
    nextAttemptAfter: addHours(last.attemptedAt, rules.attemptSpacingHours),
  };
}

export interface ClaimView {
  status: 'open' | 'done';
  claimedBy: string | null;
  claimedUntil: Instant | null;
  nextAttemptAfter: Instant | null;
}

/** Another desk holds an unexpired claim. */
export function claimedByOther(c: ClaimView, deskId: string, now: Instant): boolean {
  return c.claimedBy !== null && c.claimedBy !== deskId && c.claimedUntil !== null && c.claimedUntil > now;
}

/** This desk may hand the contact to its caller now. */
export function isCallable(c: ClaimView, deskId: string, now: Instant): boolean {
  if (c.status !== 'open' || claimedByOther(c, deskId, now)) return false;
  return c.nextAttemptAfter === null || c.nextAttemptAfter <= now;
}

export function claimUntil(now: Instant, minutes = CLAIM_MINUTES): Instant {
  return new Date(Date.parse(now) + minutes * 60_000).toISOString();
}

/** A call-back date must not be in the past. */
export function isValidCallback(callbackOn: IsoDate, today: IsoDate): boolean {
  return callbackOn >= today;
}

/** Percent with one decimal, 0 for an empty campaign (never NaN on a chart). */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}
