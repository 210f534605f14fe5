import { type Cents, currencyDigits } from './money.ts';

/**
 * Parses what a person typed as an amount into integer minor units, by string arithmetic only
 * (never through a float). Accepts the grouping and decimal marks of English and Spanish
 * ("1,234.56", "1.234,56", "1234,5", "€ 45"), refuses anything ambiguous or malformed.
 */
export type DecimalError = 'empty' | 'invalid' | 'negative' | 'too_precise' | 'too_large';

export type DecimalResult = { ok: true; value: number } | { ok: false; error: DecimalError };

const MAX_SAFE_DIGITS = 15;

/** Which mark separates decimals, deciding from the text itself (the last mark wins when both appear). */
function splitMarks(body: string, decimalHint: '.' | ','): { int: string; frac: string } | null {
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  let decimal: '.' | ',' | null = null;
  if (dots > 0 && commas > 0) decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
  else if (dots + commas === 1) {
    const mark = dots ? '.' : ',';
    const after = body.length - body.indexOf(mark) - 1;
    // "1.234" in Spanish or "1,234" in English is a thousands group, not a decimal.
    decimal = after === 3 && mark !== decimalHint ? null : mark;
  } else if (dots > 1 && commas === 0) decimal = null;
  else if (commas > 1 && dots === 0) decimal = null;
  const group = decimal === '.' ? ',' : decimal === ',' ? '.' : dots ? '.' : ',';
  const [intPart, fracPart = '', extra] = decimal ? body.split(decimal) : [body];
  if (extra !== undefined) return null;
  if (intPart!.includes(group)) {
    // Groups must be 1–3 digits then exactly three: "1,234,567".
    if (!/^\d{1,3}([.,]\d{3})+$/.test(intPart!)) return null;
  }
  const int = intPart!.split(group).join('');
  if (!/^\d*$/.test(int) || !/^\d*$/.test(fracPart) || (int === '' && fracPart === '')) return null;
  return { int, frac: fracPart };
}

export function parseDecimal(text: string, fractionDigits: number, decimalHint: '.' | ',' = '.'): DecimalResult {
  let body = text.replace(/[\s\u00a0\u202f]/g, '').replace(/[^\d.,+-]/g, (c) => (/[\p{Sc}%]/u.test(c) ? '' : c));
  if (body === '') return { ok: false, error: 'empty' };
  let negative = false;
  if (body.startsWith('-') || body.endsWith('-')) {
    negative = true;
    body = body.replace(/^-|-$/g, '');
  } else if (body.startsWith('+')) body = body.slice(1);
  const parts = splitMarks(body, decimalHint);
  if (!parts) return { ok: false, error: 'invalid' };
  const frac = parts.frac.replace(/0+$/, '');
  if (frac.length > fractionDigits) return { ok: false, error: 'too_precise' };
  const digits = (parts.int + frac.padEnd(fractionDigits, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_SAFE_DIGITS) return { ok: false, error: 'too_large' };
  const value = Number(digits);
  if (negative && value !== 0) return { ok: false, error: 'negative' };
  return { ok: true, value };
}

/** An amount of `currency` typed by a person, as minor units. */
export function parseMoneyInput(text: string, currency: string, language: string): DecimalResult {
  return parseDecimal(text, currencyDigits(currency), decimalMarkOf(language));
}

export function decimalMarkOf(language: string): '.' | ',' {
  const part = new Intl.NumberFormat(language).formatToParts(1.5).find((p) => p.type === 'decimal');
  return part?.value === ',' ? ',' : '.';
}

/** Minor units back to plain text for an input ("1234.5" style, in the language's decimal mark). */
export function centsToInput(cents: Cents, currency: string, language: string): string {
  const digits = currencyDigits(currency);
  const sign = cents < 0 ? '-' : '';
  const abs = String(Math.abs(cents)).padStart(digits + 1, '0');
  if (digits === 0) return sign + abs;
  return `${sign}${abs.slice(0, -digits)}${decimalMarkOf(language)}${abs.slice(-digits)}`;
}
