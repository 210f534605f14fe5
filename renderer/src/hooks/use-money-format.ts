import { useMemo } from 'react';
import type { Instant, IsoDate } from '../../../shared/domain/clinic-time.ts';
import { type Cents, formatMoney } from '../../../shared/domain/money.ts';
import { useAppUi } from '../stores/app-ui.ts';

const LOCALES = { en: 'en-GB', es: 'es-ES' } as const;

export interface MoneyFormat {
  locale: string;
  money(cents: Cents, currency: string): string;
  /** A calendar date as "23 Nov 2026" / "23 nov 2026". */
  date(date: IsoDate): string;
  /** An instant as date and time in the clinic's zone. */
  instant(at: Instant, timeZone: string): string;
  percent(bp: number): string;
}

/** Money, dates and percentages formatted with Intl in the language shown. */
export function useMoneyFormat(): MoneyFormat {
  const language = useAppUi((s) => s.language);
  return useMemo(() => {
    const locale = LOCALES[language];
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 2 });
    return {
      locale,
      money: (cents, currency) => formatMoney(cents, currency, locale),
      date: (date) => day.format(new Date(`${date}T00:00:00Z`)),
      instant: (at, timeZone) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(at)),
      // Basis points to a percentage without a float ever being stored: 1250 → "12.5%".
      percent: (bp) => pct.format(bp / 10_000),
    };
  }, [language]);
}
