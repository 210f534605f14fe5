import { type IsoDate, isValidIsoDate } from './clinic-time.ts';
import type { Cents } from './money.ts';
import type {
  Frequency,
  ScheduledInstallment,
  SchedulePreview,
  ScheduleTerms,
} from './plan-types.ts';

export const MAX_INSTALLMENTS = 600;
/** 100 % a year; keeps balance × rate inside exact integer arithmetic with MAX_PRINCIPAL_CENTS. */
export const MAX_APR_BP = 10_000;
export const MAX_PRINCIPAL_CENTS = 10_000_000_000;

const PERIODS_PER_YEAR: Record<Frequency, number> = { weekly: 52, biweekly: 26, monthly: 12, quarterly: 4 };

/** A rule the terms break, naming the input field to blame. */
export class ScheduleError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
    this.name = 'ScheduleError';
  }
}

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The k-th due date (k = 0 is the first). Monthly and quarterly keep the first date's day of month,
 * clamped to shorter months (31 Jan → 28/29 Feb → 31 Mar), always counted from the anchor.
 */
export function dueDateAt(first: IsoDate, frequency: Frequency, k: number): IsoDate {
  const [y, m, d] = first.split('-').map(Number) as [number, number, number];
  if (frequency === 'weekly' || frequency === 'biweekly') {
    const t = new Date(Date.UTC(y, m - 1, d + k * (frequency === 'weekly' ? 7 : 14)));
    return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  }
  const months = (m - 1) + k * (frequency === 'monthly' ? 1 : 3);
  const year = y + Math.floor(months / 12);
  const month1 = (months % 12) + 1;
  return `${pad(year, 4)}-${pad(month1)}-${pad(Math.min(d, daysInMonth(year, month1)))}`;
}

/** Interest of one period on a balance, rounded half up, in exact integer arithmetic. */
function periodInterest(balance: Cents, aprBp: number, frequency: Frequency): Cents {
  if (aprBp === 0) return 0;
  const denominator = 10_000 * PERIODS_PER_YEAR[frequency];
  return Math.floor((balance * aprBp * 2 + denominator) / (denominator * 2));
}

const isWhole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);

export function validateTerms(terms: ScheduleTerms): void {
  const { principalCents, downPaymentCents, aprBp, installmentCount, installmentAmountCents } = terms;
  if (!isWhole(principalCents) || principalCents <= 0) {
    throw new ScheduleError('principalCents', 'must be a whole amount above zero');
  }
  if (principalCents > MAX_PRINCIPAL_CENTS) throw new ScheduleError('principalCents', 'is larger than a plan can hold');
  if (!isWhole(downPaymentCents) || downPaymentCents < 0) {
    throw new ScheduleError('downPaymentCents', 'must be a whole amount, zero or more');
  }
  if (downPaymentCents >= principalCents) {
    throw new ScheduleError('downPaymentCents', 'the down payment must be less than the principal');
  }
  if (!isWhole(aprBp) || aprBp < 0 || aprBp > MAX_APR_BP) {
    throw new ScheduleError('aprBp', `must be whole basis points from 0 to ${MAX_APR_BP}`);
  }
  const hasCount = installmentCount !== undefined && installmentCount !== null;
  const hasAmount = installmentAmountCents !== undefined && installmentAmountCents !== null;
  if (hasCount === hasAmount) {
    throw new ScheduleError('installmentCount', 'give either a number of installments or an installment amount');
  }
  if (hasCount && (!isWhole(installmentCount) || installmentCount < 1 || installmentCount > MAX_INSTALLMENTS)) {
    throw new ScheduleError('installmentCount', `must be a whole number from 1 to ${MAX_INSTALLMENTS}`);
  }
  if (hasAmount && (!isWhole(installmentAmountCents) || installmentAmountCents <= 0)) {
    throw new ScheduleError('installmentAmountCents', 'must be a whole amount above zero');
  }
  if (!(terms.frequency in PERIODS_PER_YEAR)) throw new ScheduleError('frequency', 'is not a known frequency');
  if (!isValidIsoDate(terms.firstDueDate)) throw new ScheduleError('firstDueDate', 'must be a calendar date');
}

/** Level payment of the annuity formula (see the test for the source), in fractional minor units. */
function annuityPayment(financed: Cents, aprBp: number, frequency: Frequency, n: number): number {
  if (aprBp === 0) return financed / n;
  const r = aprBp / 10_000 / PERIODS_PER_YEAR[frequency];
  return (financed * r) / (1 - Math.pow(1 + r, -n));
}

/**
 * The installments for the financed amount (principal − down payment). Every installment but the
 * last pays the same level amount, the exact level rounded to the nearest cent at any APR (0 % too:
 * 2500.00 in 6 is 416.67 × 5 + 416.65); the last pays off what is left, so rounding lands on it and
 * the amounts add up exactly to financed + interest. Where the rounded-up level would pay the plan
 * off before the last installment (few cents over many installments), the level is rounded down.
 */
export function buildSchedule(terms: ScheduleTerms, options: { firstSeq?: number } = {}): SchedulePreview {
  validateTerms(terms);
  const financed = terms.principalCents - terms.downPaymentCents;
  const count = terms.installmentCount ?? undefined;
  let installments: ScheduledInstallment[];
  if (count === undefined) {
    installments = amortize(terms, financed, terms.installmentAmountCents!, undefined, options.firstSeq ?? 1);
  } else {
    const exact = annuityPayment(financed, terms.aprBp, terms.frequency, count);
    try {
      installments = amortize(terms, financed, Math.round(exact), count, options.firstSeq ?? 1);
    } catch (e) {
      // A level rounded up can pay a plan off early (a long, high-rate one, or a few cents split
      // many ways at 0 %); rounded down it never does.
      if (!(e instanceof ScheduleError) || Math.round(exact) === Math.floor(exact)) throw e;
      installments = amortize(terms, financed, Math.floor(exact), count, options.firstSeq ?? 1);
    }
  }
  const interestCents = installments.reduce((s, i) => s + i.interestCents, 0);
  return {
    downPaymentCents: terms.downPaymentCents,
    financedCents: financed,
    interestCents,
    totalCents: financed + interestCents,
    installments,
  };
}

function amortize(
  terms: ScheduleTerms,
  financed: Cents,
  level: Cents,
  count: number | undefined,
  firstSeq: number,
): ScheduledInstallment[] {
  const { aprBp, frequency } = terms;
  const field = count !== undefined ? 'installmentCount' : 'installmentAmountCents';
  const installments: ScheduledInstallment[] = [];
  let balance = financed;
  for (let k = 0; balance > 0; k++) {
    if (k >= MAX_INSTALLMENTS) {
      throw new ScheduleError(field, `the amount is too small: it would need more than ${MAX_INSTALLMENTS} installments`);
    }
    const interest = periodInterest(balance, aprBp, frequency);
    const isLast = count !== undefined ? k === count - 1 : balance + interest <= level;
    const principal = isLast ? balance : level - interest;
    if (principal <= 0 || principal > balance || (!isLast && principal === balance)) {
      throw new ScheduleError(
        field,
        count !== undefined
          ? 'too many installments for this amount and rate: some would pay nothing off'
          : `the amount is too small to ever pay the plan off (interest alone is ${interest} per period)`,
      );
    }
    installments.push({
      seq: firstSeq + k,
      dueDate: dueDateAt(terms.firstDueDate, frequency, k),
      amountCents: principal + interest,
      principalCents: principal,
      interestCents: interest,
    });
    balance -= principal;
  }
  return installments;
}

export interface ExistingInstallment extends ScheduledInstallment {
  id?: string;
  paidCents: Cents;
}

export interface Regenerated {
  /** Installments with money on them: unchanged when fully paid, cut to what was paid otherwise. */
  kept: ExistingInstallment[];
  /** Installments nothing was paid on: replaced by `added`. */
  removed: ExistingInstallment[];
  added: ScheduledInstallment[];
  /** Principal still to finance after what the kept installments paid. */
  outstandingCents: Cents;
}

/**
 * New terms for a running plan. Paid history never changes: an installment with money on it is
 * kept (a partly paid one is closed at what was paid, interest first), every unpaid one is
 * replaced by a fresh schedule of the principal still owed under the new terms, numbered after
 * the kept ones. `terms.principalCents`/`downPaymentCents` describe the whole plan.
 */
export function regenerateUnpaid(
  existing: readonly ExistingInstallment[],
  terms: ScheduleTerms,
  options: { seqAfter?: number } = {},
): Regenerated {
  validateTerms(terms);
  const sorted = [...existing].sort((a, b) => a.seq - b.seq);
  const kept: ExistingInstallment[] = [];
  const removed: ExistingInstallment[] = [];
  for (const inst of sorted) {
    if (inst.paidCents <= 0) {
      removed.push(inst);
    } else if (inst.paidCents >= inst.amountCents) {
      kept.push(inst);
    } else {
      const interest = Math.min(inst.interestCents, inst.paidCents);
      kept.push({ ...inst, amountCents: inst.paidCents, interestCents: interest, principalCents: inst.paidCents - interest });
    }
  }
  const keptPrincipal = kept.reduce((s, i) => s + i.principalCents, 0);
  const outstanding = terms.principalCents - terms.downPaymentCents - keptPrincipal;
  if (outstanding < 0) {
    throw new ScheduleError('principalCents', 'is less than what has already been paid off');
  }
  const lastKept = kept.at(-1);
  if (outstanding > 0 && lastKept && terms.firstDueDate <= lastKept.dueDate) {
    throw new ScheduleError('firstDueDate', `must be after the last paid installment (${lastKept.dueDate})`);
  }
  const seqAfter = Math.max(options.seqAfter ?? 0, lastKept?.seq ?? 0);
  const added =
    outstanding === 0
      ? []
      : buildSchedule({ ...terms, principalCents: outstanding, downPaymentCents: 0 }, { firstSeq: seqAfter + 1 })
          .installments;
  return { kept, removed, added, outstandingCents: outstanding };
}
