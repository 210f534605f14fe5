/** Money is integer minor units (cents) everywhere; floats never hold an amount. */
export type Cents = number;

export function assertCents(value: number, what = 'amount'): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of minor units`);
  return value;
}

/** Formats minor units for display with Intl, e.g. 123456 EUR 'es' → '1234,56 €'. */
export function formatMoney(cents: Cents, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 10 ** digits);
}

export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;
}
