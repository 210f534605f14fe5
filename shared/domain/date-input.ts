/**
 * Dates and times typed by people, in the desk language's order: "10/12/2026" is 10 December on a
 * Spanish (es-ES) and a British (en-GB) desk. The order and separator come from the locale's own
 * numeric date pattern (Intl), never from the browser. Values cross the app as ISO dates / "HH:mm".
 */
import { isValidIsoDate, type IsoDate } from './clinic-time.ts';

export type DatePart = 'day' | 'month' | 'year';

export interface DatePattern {
  order: readonly [DatePart, DatePart, DatePart];
  separator: string;
}

/** The locale's numeric date order and separator, e.g. es-ES → day/month/year with "/". */
export function datePatternOf(locale: string): DatePattern {
  const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(
    Date.UTC(2001, 10, 22),
  );
  const order = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type as DatePart);
  const separator = parts.find((p) => p.type === 'literal')?.value.trim() || '/';
  if (order.length !== 3 || new Set(order).size !== 3) return { order: ['day', 'month', 'year'], separator: '/' };
  return { order: order as unknown as DatePattern['order'], separator };
}

/** Letters naming each part in a placeholder ("dd/mm/aaaa" in Spanish, "dd/mm/yyyy" in English). */
export function datePlaceholder(pattern: DatePattern, letters: Readonly<Record<DatePart, string>>): string {
  return pattern.order.map((p) => letters[p]).join(pattern.separator);
}

export function formatDateInput(date: IsoDate, pattern: DatePattern): string {
  if (!isValidIsoDate(date)) return '';
  const [year, month, day] = date.split('-') as [string, string, string];
  const value: Record<DatePart, string> = { day, month, year };
  return pattern.order.map((p) => value[p]).join(pattern.separator);
}

export type DateInputError = 'empty' | 'format' | 'no_such_day' | 'before_min' | 'after_max';
export type DateInputResult = { ok: true; value: IsoDate } | { ok: false; error: DateInputError };

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fromParts(year: number, month: number, day: number): DateInputResult {
  if (year < 1000) return { ok: false, error: 'format' };
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, error: 'no_such_day' };
  return { ok: true, value: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

/**
 * Reads what a person typed: the locale's order with any of / - . or space between the parts
 * ("1/2/2027", "01-02-2027"), eight digits in that order ("01022027"), or an ISO date
 * ("2027-02-01", as pasted from elsewhere). A two-digit year is refused (1927 or 2027?).
 */
export function parseDateInput(text: string, pattern: DatePattern, bounds: { min?: IsoDate; max?: IsoDate } = {}): DateInputResult {
  const raw = text.trim();
  if (raw === '') return { ok: false, error: 'empty' };
  let result: DateInputResult;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  if (iso) {
    result = fromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  } else {
    let pieces: string[] | null = null;
    const split = raw.split(/\s*[/.\-\s]\s*/);
    if (split.length === 3 && split.every((s) => /^\d+$/.test(s))) pieces = split;
    else if (/^\d{8}$/.test(raw)) {
      const widths: Record<DatePart, number> = { day: 2, month: 2, year: 4 };
      let at = 0;
      pieces = pattern.order.map((p) => raw.slice(at, (at += widths[p])));
    }
    if (!pieces) return { ok: false, error: 'format' };
    const value = {} as Record<DatePart, string>;
    pattern.order.forEach((p, i) => (value[p] = pieces[i]!));
    if (value.year.length !== 4 || value.day.length > 2 || value.month.length > 2) return { ok: false, error: 'format' };
    result = fromParts(Number(value.year), Number(value.month), Number(value.day));
  }
  if (!result.ok) return result;
  if (bounds.min && result.value < bounds.min) return { ok: false, error: 'before_min' };
  if (bounds.max && result.value > bounds.max) return { ok: false, error: 'after_max' };
  return result;
}

export type TimeInputError = 'empty' | 'format' | 'out_of_range' | 'off_step';
export type TimeInputResult = { ok: true; value: string; minute: number } | { ok: false; error: TimeInputError };

/** "HH:mm" (24-hour) from a minute of the day. */
export function minuteToClock(minute: number): string {
  return `${pad(Math.floor(minute / 60), 2)}:${pad(minute % 60, 2)}`;
}

/** A 24-hour time: "9:30", "09.30", "0930", "930" or "9" (on the hour); stepMinutes checks the grid. */
export function parseTimeInput(text: string, stepMinutes = 1): TimeInputResult {
  const raw = text.trim();
  if (raw === '') return { ok: false, error: 'empty' };
  let m = /^(\d{1,2})\s*[:.h]\s*(\d{2})$/.exec(raw);
  if (!m && /^\d{3,4}$/.test(raw)) m = ['', raw.slice(0, raw.length - 2), raw.slice(-2)] as unknown as RegExpExecArray;
  if (!m && /^\d{1,2}$/.test(raw)) m = ['', raw, '00'] as unknown as RegExpExecArray;
  if (!m) return { ok: false, error: 'format' };
  const hour = Number(m[1]);
  const min = Number(m[2]);
  if (hour > 23 || min > 59) return { ok: false, error: 'out_of_range' };
  const minute = hour * 60 + min;
  if (minute % stepMinutes !== 0) return { ok: false, error: 'off_step' };
  return { ok: true, value: minuteToClock(minute), minute };
}
