/**
 * Turns what the receptionist typed into an FTS5 query for the trigram index of migration 0002
 * (name, phone digits, national id). Pure, so the rules are unit-tested without a database.
 */

/** Lower case without accents: 'García' → 'garcia' (the same folding as remove_diacritics). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function phoneDigits(phone: string): string {
  return phone.replace(/\D+/g, '');
}

/** National ids are compared without spaces or dashes, in upper case. */
export function normalizeNationalId(id: string): string {
  return id.replace(/[\s-]+/g, '').toUpperCase();
}

export const MIN_SEARCH_CHARS = 3;

export type PatientQuery =
  | { kind: 'empty' }
  | { kind: 'too_short' }
  | {
      kind: 'fts';
      /** FTS5 MATCH expression. */
      match: string;
      /** Tokens too short for the trigram index, checked afterwards on the folded name. */
      shortTokens: string[];
    };

const quote = (token: string) => `"${token.replace(/"/g, '""')}"`;
const PHONE_LIKE = /^[\d\s\-+().\/]+$/;

/**
 * A query of digits and phone punctuation ('600 12 34', '+34-600') searches phone digits and
 * national ids; anything else is split into words that must all appear (in any order) in the
 * name or national id. Trigrams need 3 characters: shorter words only narrow a longer one.
 */
export function buildPatientQuery(raw: string): PatientQuery {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  if (PHONE_LIKE.test(text) && /\d/.test(text)) {
    const digits = phoneDigits(text);
    if (digits.length < MIN_SEARCH_CHARS) return { kind: 'too_short' };
    return { kind: 'fts', match: `{phone national_id} : ${quote(digits)}`, shortTokens: [] };
  }
  const tokens = foldText(text)
    .split(/\s+/)
    .map((t) => t.replace(/[\u0000-\u001f]/g, ''))
    .filter((t) => t.length > 0);
  const long = tokens.filter((t) => [...t].length >= MIN_SEARCH_CHARS);
  if (long.length === 0) return { kind: 'too_short' };
  const shortTokens = tokens.filter((t) => [...t].length < MIN_SEARCH_CHARS);
  return { kind: 'fts', match: `{name national_id} : (${long.map(quote).join(' AND ')})`, shortTokens };
}

/** Whether every short token is a substring of the patient's folded name or national id. */
export function matchesShortTokens(shortTokens: string[], name: string, nationalId: string | null): boolean {
  if (shortTokens.length === 0) return true;
  const hay = `${foldText(name)} ${foldText(nationalId ?? '')}`;
  return shortTokens.every((t) => hay.includes(t));
}
