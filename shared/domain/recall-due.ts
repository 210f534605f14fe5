import { type Instant, type IsoDate, instantToLocalDate } from './clinic-time.ts';

/**
 * Recall due dates. A recall type says "come back N months after X":
 * - basis 'appointment_types': X = the local date of the patient's LAST COMPLETED appointment of
 *   one of the listed types (an empty list means any type);
 * - basis 'treatment_plan': X = the local date the patient's last treatment plan was completed.
 * A patient with no qualifying visit has NO due date (null): we cannot guess when they are due,
 * and a campaign tied to a recall type leaves them out.
 * Month arithmetic clamps to the month end (31 Jan + 1 month = 28/29 Feb), and X is the date in
 * the clinic's time zone of the completion instant (a visit completed 00:30 on 1 Jul in Madrid is
 * 30 Jun 22:30 UTC: its date is 1 Jul, the day the patient and the clinic remember).
 */
export type RecallBasis = 'appointment_types' | 'treatment_plan';
export const RECALL_BASES = ['appointment_types', 'treatment_plan'] as const;

export interface RecallRule {
  id: string;
  name: string;
  intervalMonths: number;
  basis: RecallBasis;
  /** For 'appointment_types'; empty = any appointment type. */
  appointmentTypeIds: string[];
}

/** What the due-date rules need to know about a patient's history. */
export interface VisitFact {
  typeId: string | null;
  doctorId: string;
  status: string;
  startsAt: Instant;
  endsAt: Instant;
  completedAt: Instant | null;
}

export interface PlanFact {
  status: string;
  /** When the plan was completed (see completedPlanInstant in the repo: last done step's visit, else its update). */
  completedAt: Instant | null;
}

export interface DueDate {
  recallTypeId: string;
  recallTypeName: string;
  /** Local date of the visit or plan completion the interval counts from. */
  basisDate: IsoDate;
  dueDate: IsoDate;
}

function ymd(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function fmt(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** date + months, clamped to the last day of the target month. Negative months go back. */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = ymd(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return fmt(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

export function addDaysUtc(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = ymd(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * The earliest basis date whose due date (basis + months, clamped) is on or after `due`.
 * addMonthsClamped is monotonic, so "due >= D" is exactly "basis >= earliestBasisFor(D)": this
 * turns due-date filters into plain range conditions on the stored completion instants.
 */
export function earliestBasisFor(due: IsoDate, months: number): IsoDate {
  let x = addMonthsClamped(due, -months);
  while (addMonthsClamped(x, months) < due) x = addDaysUtc(x, 1);
  return x;
}

/** Whole years of age on `today` (a 29 Feb birthday turns a year older on 28 Feb). */
export function ageOn(birthDate: IsoDate, today: IsoDate): number {
  const [by] = ymd(birthDate);
  const [ty] = ymd(today);
  let age = ty - by;
  while (age > 0 && addMonthsClamped(birthDate, age * 12) > today) age--;
  while (addMonthsClamped(birthDate, (age + 1) * 12) <= today) age++;
  return age;
}

/** The instant a completed appointment counts from (an old row without completed_at: its end). */
export function visitInstant(v: VisitFact): Instant {
  return v.completedAt ?? v.endsAt;
}

/** The last instant that qualifies for the rule, or null when the patient has none. */
export function lastQualifyingInstant(rule: RecallRule, visits: VisitFact[], plans: PlanFact[]): Instant | null {
  let last: Instant | null = null;
  if (rule.basis === 'appointment_types') {
    const types = new Set(rule.appointmentTypeIds);
    for (const v of visits) {
      if (v.status !== 'completed') continue;
      if (types.size > 0 && (v.typeId === null || !types.has(v.typeId))) continue;
      const at = visitInstant(v);
      if (last === null || at > last) last = at;
    }
  } else {
    for (const p of plans) {
      if (p.status !== 'completed' || p.completedAt === null) continue;
      if (last === null || p.completedAt > last) last = p.completedAt;
    }
  }
  return last;
}

/** Due date from a qualifying instant: local date in the clinic's zone + interval months. */
export function dueFromInstant(rule: RecallRule, instant: Instant, timeZone: string): DueDate {
  const basisDate = instantToLocalDate(instant, timeZone);
  return {
    recallTypeId: rule.id,
    recallTypeName: rule.name,
    basisDate,
    dueDate: addMonthsClamped(basisDate, rule.intervalMonths),
  };
}

/** The patient's due date for one recall type, or null when no visit qualifies. */
export function dueDateFor(
  rule: RecallRule,
  visits: VisitFact[],
  plans: PlanFact[],
  timeZone: string,
): DueDate | null {
  const last = lastQualifyingInstant(rule, visits, plans);
  return last === null ? null : dueFromInstant(rule, last, timeZone);
}

/** Days from `today` to `due` (negative when overdue). */
export function daysUntil(due: IsoDate, today: IsoDate): number {
  const [y1, m1, d1] = ymd(today);
  const [y2, m2, d2] = ymd(due);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}
