import { type IsoDate, isValidIsoDate } from '../../../../../shared/domain/clinic-time.ts';
import { parseDecimal } from '../../../../../shared/domain/decimal-input.ts';
import type { Frequency } from '../../../../../shared/domain/plan-types.ts';
import { MAX_INSTALLMENTS } from '../../../../../shared/domain/installment-schedule.ts';
import { type AmountResult, parseAmount } from '../../../components/money-input.tsx';

/** What the payment plan form holds while typing: text, parsed only when read. */
export interface TermsDraft {
  principal: string;
  downPayment: string;
  apr: string;
  by: 'count' | 'amount';
  count: string;
  amount: string;
  frequency: Frequency;
  firstDueDate: IsoDate;
}

export interface ParsedTerms {
  principalCents: number;
  downPaymentCents: number;
  aprBp: number;
  installmentCount?: number;
  installmentAmountCents?: number;
  frequency: Frequency;
  firstDueDate: IsoDate;
}

export type TermsFieldError = 'principal' | 'downPayment' | 'apr' | 'count' | 'amount' | 'firstDueDate';

export interface TermsCheck {
  terms: ParsedTerms | null;
  principal: AmountResult;
  downPayment: AmountResult;
  amount: AmountResult;
  /** Field → message key of a rule the parse alone does not catch. */
  errors: Partial<Record<TermsFieldError, 'input.wholeNumber' | 'input.countMin' | 'pp.downAbovePrincipal' | 'input.invalid' | 'input.required'>>;
}

/** Parses the draft; `terms` is set only when every field is valid. Never uses floats for money. */
export function checkTerms(d: TermsDraft, currency: string, language: string, withDownPayment = true): TermsCheck {
  const principal = parseAmount(d.principal, currency, language);
  const downPayment = d.downPayment.trim() === '' ? ({ ok: true, value: 0 } as const) : parseAmount(d.downPayment, currency, language, true);
  const amount = parseAmount(d.amount, currency, language);
  const apr = d.apr.trim() === '' ? ({ ok: true, value: 0 } as const) : parseDecimal(d.apr, 2, language === 'es' ? ',' : '.');
  const errors: TermsCheck['errors'] = {};
  if (!apr.ok || apr.value > 10_000) errors.apr = 'input.invalid';
  let count: number | null = null;
  if (d.by === 'count') {
    if (!/^-?\d+$/.test(d.count.trim())) errors.count = 'input.wholeNumber';
    else {
      count = Number(d.count.trim());
      if (count < 1 || count > MAX_INSTALLMENTS) errors.count = 'input.countMin';
    }
  }
  if (withDownPayment && principal.ok && downPayment.ok && downPayment.value >= principal.value) {
    errors.downPayment = 'pp.downAbovePrincipal';
  }
  if (!isValidIsoDate(d.firstDueDate)) errors.firstDueDate = 'input.required';
  const ok =
    principal.ok && downPayment.ok && apr.ok && Object.keys(errors).length === 0 && (d.by === 'count' ? count !== null : amount.ok);
  return {
    principal,
    downPayment,
    amount,
    errors,
    terms: ok
      ? {
          principalCents: principal.value,
          downPaymentCents: withDownPayment ? downPayment.value : 0,
          aprBp: apr.ok ? apr.value : 0,
          ...(d.by === 'count' ? { installmentCount: count! } : { installmentAmountCents: (amount as { value: number }).value }),
          frequency: d.frequency,
          firstDueDate: d.firstDueDate,
        }
      : null,
  };
}
