import { TZDate } from '@date-fns/tz';
import { format, type Locale } from 'date-fns';
import { enGB, es } from 'date-fns/locale';
import { useCallback, useMemo } from 'react';
import type { Instant, IsoDate } from '../../../shared/domain/clinic-time.ts';
import type { Language } from '../../../shared/domain/types.ts';
import { type MessageKey, type MessageParams, formatNumber, translate } from '../../../shared/i18n/index.ts';
import { useAppUi } from '../stores/app-ui.ts';

/** date-fns locales per UI language (en-GB: 24-hour clock and day-first dates suit a clinic). */
export const DATE_LOCALES: Readonly<Record<Language, Locale>> = { en: enGB, es };

function isoDateToLocalDate(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** One "HH:mm" formatter per time zone: a TZDate + date-fns format per call cost ~0.2 ms each. */
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function formatClock(instant: Instant, timeZone: string): string {
  let f = timeFormats.get(timeZone);
  if (!f) timeFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return f.format(Date.parse(instant));
}

export interface I18n {
  language: Language;
  t(key: MessageKey, params?: MessageParams): string;
  /** A calendar date in words, e.g. "Monday, 14 July 2025" / "lunes, 14 de julio de 2025". */
  formatDay(date: IsoDate, style?: 'long' | 'short'): string;
  /** Wall-clock time of an instant in the clinic's time zone, "HH:mm". */
  formatTime(instant: Instant, timeZone: string): string;
  /** A number in the desk's language (never the browser's): 12,345 / 12.345. */
  formatNumber(value: number, fractionDigits?: number): string;
  /** Day and time of an instant in the clinic's time zone: "Wed 9 Dec 09:30" / "mié 9 dic 09:30". */
  formatWhen(instant: Instant, timeZone: string): string;
}

/** Day and time of an instant in a time zone, in a language (also for code outside components). */
export function formatWhen(language: Language, instant: Instant, timeZone: string): string {
  return `${format(new TZDate(Date.parse(instant), timeZone), translate(language, 'date.short'), { locale: DATE_LOCALES[language] })} ${formatClock(instant, timeZone)}`;
}

export function useI18n(): I18n {
  const language = useAppUi((s) => s.language);
  const t = useCallback(
    (key: MessageKey, params?: MessageParams) => translate(language, key, params),
    [language],
  );
  return useMemo(
    () => ({
      language,
      t,
      formatDay: (date, style = 'long') =>
        format(isoDateToLocalDate(date), translate(language, style === 'long' ? 'date.long' : 'date.short'), {
          locale: DATE_LOCALES[language],
        }),
      formatTime: formatClock,
      formatNumber: (value, fractionDigits) => formatNumber(language, value, fractionDigits),
      formatWhen: (instant, timeZone) => formatWhen(language, instant, timeZone),
    }),
    [language, t],
  );
}
