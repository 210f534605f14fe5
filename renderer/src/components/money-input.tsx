import { useId } from 'react';
import { type DecimalError, parseMoneyInput } from '../../../shared/domain/decimal-input.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import './money-input.css';

interface Props {
  label: string;
  value: string;
  currency: string;
  onChange(text: string): void;
  /** Shown instead of the parse error (e.g. a rule across fields, or the server's answer). */
  error?: string | null;
  /** Zero is a valid amount here (down payment). */
  allowZero?: boolean;
  /** Show the parse error even before the field was touched (after a submit). */
  showErrors?: boolean;
  testId?: string;
  autoFocus?: boolean;
}

export type AmountResult = { ok: true; value: number } | { ok: false; error: DecimalError | 'zero' };

/** Parses a typed amount to minor units; zero is refused unless allowed. */
export function parseAmount(text: string, currency: string, language: string, allowZero = false): AmountResult {
  const r = parseMoneyInput(text, currency, language);
  if (r.ok && r.value === 0 && !allowZero) return { ok: false, error: 'zero' };
  return r;
}

/** A text box for an amount in the clinic's currency (never a number input: no float, no spinner). */
export function MoneyInput({ label, value, currency, onChange, error, allowZero, showErrors, testId, autoFocus }: Props) {
  const { t, language } = useI18n();
  const id = useId();
  const parsed = parseAmount(value, currency, language, allowZero);
  const parseError = !parsed.ok && (value.trim() !== '' || showErrors) ? t(`input.${parsed.error}`, { currency }) : null;
  const shown = error ?? parseError;
  return (
    <div className={`field${shown ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="money-input">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? `${id}-err` : undefined}
          data-testid={testId}
          autoFocus={autoFocus}
        />
        <span className="money-input__currency" aria-hidden="true">
          {currency}
        </span>
      </div>
      <p id={`${id}-err`} className="field__error" role={shown ? 'alert' : undefined}>
        {shown ?? ''}
      </p>
    </div>
  );
}
