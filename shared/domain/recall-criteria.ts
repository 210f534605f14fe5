import { z } from 'zod';
import { type Instant, type IsoDate, addDaysIso, instantToLocalDate, isValidIsoDate, localMinuteToInstant } from './clinic-time.ts';
import {
  type PlanFact,
  type RecallRule,
  type VisitFact,
  ageOn,
  dueDateFor,
  earliestBasisFor,
  visitInstant,
} from './recall-due.ts';

/**
 * Who a recall campaign calls. Every condition is optional and they all must hold. Opted-out,
 * blocked and deleted patients are ALWAYS excluded, whatever the criteria say.
 * - due: needs a recall type (the campaign's); 'window' = due date within [from, to];
 *   'overdue' = due at least `days` days before today. Patients with no due date never match it.
 * - lastVisitBefore: the last completed appointment (any type) is on a local date before it;
 *   a patient who never completed a visit does not match.
 * - appointmentTypeIds / procedures / doctorId: had a completed appointment of one of the types /
 *   a done treatment step with one of the procedures (case-insensitive) / a completed
 *   appointment with the doctor.
 * - age range in whole years as of today in the clinic's zone; no birth date = no match.
 * - noFutureAppointment: no active (not cancelled / no-show / completed) appointment from now on.
 */
const IsoDateSchema = z.string().refine(isValidIsoDate, { message: 'calendar_date' });
const Uuid = z.string().uuid({ message: 'not_a_reference' });

export const RecallCriteriaSchema = z
  .object({
    due: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('window'), from: IsoDateSchema, to: IsoDateSchema }).strict(),
        z.object({ kind: z.literal('overdue'), days: z.number().int().min(0).max(3650) }).strict(),
      ])
      .optional(),
    lastVisitBefore: IsoDateSchema.optional(),
    appointmentTypeIds: z.array(Uuid).min(1).max(50).optional(),
    procedures: z.array(z.string().trim().min(1).max(200)).min(1).max(50).optional(),
    doctorId: Uuid.optional(),
    ageMin: z.number().int().min(0).max(130).optional(),
    ageMax: z.number().int().min(0).max(130).optional(),
    noFutureAppointment: z.boolean().optional(),
  })
  .strict()
  .refine((c) => c.due?.kind !== 'window' || c.due.from <= c.due.to, {
    message: 'the window must end on or after its start',
    path: ['due', 'to'],
  })
  .refine((c) => c.ageMin === undefined || c.ageMax === undefined || c.ageMin <= c.ageMax, {
    message: 'the minimum age must not exceed the maximum',
    path: ['ageMax'],
  });

export type RecallCriteria = z.infer<typeof RecallCriteriaSchema>;

export interface CriteriaClock {
  today: IsoDate;
  now: Instant;
  timeZone: string;
}

/**
 * Criteria turned into plain range conditions on stored columns, so the SQL can use indexes and
 * never compute dates per row. Every bound is half-open: lo inclusive, hi exclusive.
 */
export interface CompiledCriteria {
  rule: RecallRule | null;
  /** Bounds on the last qualifying instant of the rule (due filter). */
  basisFrom: Instant | null;
  basisBefore: Instant | null;
  /** The rule's qualifying instant must exist (a rule is set). */
  requireBasis: boolean;
  lastVisitBefore: Instant | null;
  appointmentTypeIds: string[] | null;
  procedures: string[] | null;
  doctorId: string | null;
  /** Bounds on birth_date: birthFrom inclusive, birthBefore exclusive. */
  birthFrom: IsoDate | null;
  birthBefore: IsoDate | null;
  futureFrom: Instant | null;
}

const dayStart = (date: IsoDate, tz: string) => localMinuteToInstant(date, 0, tz);

/** Due-date filters need a rule; the command refuses them without one before calling this. */
export function compileCriteria(criteria: RecallCriteria, rule: RecallRule | null, clock: CriteriaClock): CompiledCriteria {
  const tz = clock.timeZone;
  let basisFrom: Instant | null = null;
  let basisBefore: Instant | null = null;
  if (criteria.due && rule) {
    const n = rule.intervalMonths;
    // due >= D  <=>  basis date >= earliestBasisFor(D)  <=>  instant >= that day's local start.
    if (criteria.due.kind === 'window') {
      basisFrom = dayStart(earliestBasisFor(criteria.due.from, n), tz);
      basisBefore = dayStart(earliestBasisFor(addDaysIso(criteria.due.to, 1), n), tz);
    } else {
      const lastDue = addDaysIso(clock.today, -criteria.due.days);
      basisBefore = dayStart(earliestBasisFor(addDaysIso(lastDue, 1), n), tz);
    }
  }
  // age >= a  <=>  birth + a years <= today  <=>  birth < earliestBasisFor(today + 1, 12a).
  const birthBefore =
    criteria.ageMin !== undefined ? earliestBasisFor(addDaysIso(clock.today, 1), 12 * criteria.ageMin) : null;
  const birthFrom =
    criteria.ageMax !== undefined ? earliestBasisFor(addDaysIso(clock.today, 1), 12 * (criteria.ageMax + 1)) : null;
  return {
    rule,
    basisFrom,
    basisBefore,
    requireBasis: rule !== null,
    lastVisitBefore: criteria.lastVisitBefore ? dayStart(criteria.lastVisitBefore, tz) : null,
    appointmentTypeIds: criteria.appointmentTypeIds ?? null,
    procedures: criteria.procedures?.map((p) => p.toLowerCase()) ?? null,
    doctorId: criteria.doctorId ?? null,
    birthFrom,
    birthBefore,
    futureFrom: criteria.noFutureAppointment ? clock.now : null,
  };
}

/** Everything the reference predicate needs about one patient. */
export interface PatientFacts {
  birthDate: IsoDate | null;
  optOut: boolean;
  blocked: boolean;
  deleted: boolean;
  visits: VisitFact[];
  plans: PlanFact[];
  doneProcedures: string[];
}

const ACTIVE_FUTURE = new Set(['scheduled', 'confirmed', 'arrived', 'in_progress']);

/**
 * The criteria stated directly (due dates computed per patient, ages counted): the reference the
 * SQL in the repository is tested against. Far too slow for 200k patients; never used for that.
 */
export function matchesCriteria(
  p: PatientFacts,
  criteria: RecallCriteria,
  rule: RecallRule | null,
  clock: CriteriaClock,
): boolean {
  if (p.optOut || p.blocked || p.deleted) return false;
  const tz = clock.timeZone;
  const completed = p.visits.filter((v) => v.status === 'completed');
  if (rule) {
    const due = dueDateFor(rule, p.visits, p.plans, tz);
    if (!due) return false;
    if (criteria.due?.kind === 'window' && (due.dueDate < criteria.due.from || due.dueDate > criteria.due.to)) return false;
    if (criteria.due?.kind === 'overdue' && due.dueDate > addDaysIso(clock.today, -criteria.due.days)) return false;
  }
  if (criteria.lastVisitBefore) {
    if (completed.length === 0) return false;
    const last = completed.map(visitInstant).sort().at(-1)!;
    if (instantToLocalDate(last, tz) >= criteria.lastVisitBefore) return false;
  }
  if (criteria.appointmentTypeIds && !completed.some((v) => v.typeId && criteria.appointmentTypeIds!.includes(v.typeId))) {
    return false;
  }
  if (criteria.procedures) {
    const wanted = new Set(criteria.procedures.map((x) => x.toLowerCase()));
    if (!p.doneProcedures.some((x) => wanted.has(x.toLowerCase()))) return false;
  }
  if (criteria.doctorId && !completed.some((v) => v.doctorId === criteria.doctorId)) return false;
  if (criteria.ageMin !== undefined || criteria.ageMax !== undefined) {
    if (!p.birthDate) return false;
    const age = ageOn(p.birthDate, clock.today);
    if (criteria.ageMin !== undefined && age < criteria.ageMin) return false;
    if (criteria.ageMax !== undefined && age > criteria.ageMax) return false;
  }
  if (criteria.noFutureAppointment && p.visits.some((v) => ACTIVE_FUTURE.has(v.status) && v.startsAt >= clock.now)) {
    return false;
  }
  return true;
}

/** Words for why a contact is due, stored on the contact and read out by the caller. */
export function dueReason(ruleName: string | null, dueDate: IsoDate | null, lastVisit: IsoDate | null): string {
  if (ruleName && dueDate) return `${ruleName} due ${dueDate}`;
  if (lastVisit) return `Last visit ${lastVisit}`;
  return 'No visit on record';
}
