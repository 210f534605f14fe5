/**
 * CSV for the recall export (RFC 4180: CRLF rows, fields with a comma, quote or line break are
 * quoted and quotes doubled). Spreadsheet formula injection: a cell starting with = + - @ or a
 * tab / carriage return is prefixed with an apostrophe, so Excel or LibreOffice shows it as text
 * instead of running it (OWASP "CSV Injection"). Phone numbers like "+34 …" get the apostrophe
 * too; that is the price of safety and what spreadsheets display as plain text anyway.
 */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
