import type { Language } from '../domain/types.ts';
import { en, type MessageKey, type Messages } from './en.ts';
import { es } from './es.ts';

export type { MessageKey, Messages } from './en.ts';

export const LANGUAGES: readonly Language[] = ['en', 'es'];

export const MESSAGES: Readonly<Record<Language, Messages>> = { en, es };

export type MessageParams = Readonly<Record<string, string | number>>;

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<Language, Intl.PluralRules>();

/** A number written the desk's way (1,234.5 / 1234,5), never the browser's. */
export function formatNumber(language: Language, value: number, fractionDigits?: number): string {
  const key = `${language}:${fractionDigits ?? ''}`;
  let f = numberFormats.get(key);
  if (!f) {
    const digits = fractionDigits === undefined ? { maximumFractionDigits: 6 } : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
    numberFormats.set(key, (f = new Intl.NumberFormat(language, digits)));
  }
  return f.format(value);
}

/** Intl.PluralRules' category for a count in a language ('one', 'other'; Spanish 'many' for millions). */
export function pluralCategory(language: Language, count: number): Intl.LDMLPluralRule {
  let r = pluralRules.get(language);
  if (!r) pluralRules.set(language, (r = new Intl.PluralRules(language)));
  return r.select(count);
}

const show = (language: Language, v: string | number) => (typeof v === 'number' ? formatNumber(language, v) : v);

/** Splits `one {# change} other {# changes}` into its forms; braces may nest one level for `{name}`. */
function pluralForms(body: string): Map<string, string> {
  const forms = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{', i);
    if (open < 0) break;
    const selector = body.slice(i, open).trim();
    let depth = 0;
    let close = open;
    for (; close < body.length; close++) {
      if (body[close] === '{') depth++;
      else if (body[close] === '}' && --depth === 0) break;
    }
    forms.set(selector, body.slice(open + 1, close));
    i = close + 1;
  }
  return forms;
}

/** Finds `{name, plural, …}` blocks (with their nested braces) in a template. */
function replacePlurals(template: string, pick: (name: string, body: string) => string): string {
  let out = '';
  let i = 0;
  const start = /\{(\w+),\s*plural,/g;
  for (let m = start.exec(template); m; m = start.exec(template)) {
    let depth = 0;
    let end = m.index;
    for (; end < template.length; end++) {
      if (template[end] === '{') depth++;
      else if (template[end] === '}' && --depth === 0) break;
    }
    out += template.slice(i, m.index) + pick(m[1]!, template.slice(m.index + m[0].length, end));
    i = end + 1;
    start.lastIndex = i;
  }
  return out + template.slice(i);
}

/**
 * Looks a key up in a language's table and fills it. `{name}` placeholders take the parameter
 * (numbers written in the language); `{count, plural, =0 {…} one {# change} other {# changes}}`
 * picks a form by Intl.PluralRules of that language (`#` is the count). Unknown ones stay visible.
 */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  return fill(language, MESSAGES[language][key], params);
}

/** Fills a template as `translate` does (for templates that are not dictionary keys, e.g. tests). */
export function fill(language: Language, template: string, params?: MessageParams): string {
  if (!params) return template;
  const has = (name: string) => Object.prototype.hasOwnProperty.call(params, name);
  const withPlurals = replacePlurals(template, (name, body) => {
    if (!has(name)) return `{${name}}`;
    const count = Number(params[name]);
    const forms = pluralForms(body);
    const chosen = forms.get(`=${count}`) ?? forms.get(pluralCategory(language, count)) ?? forms.get('other') ?? '';
    return chosen.replace(/#/g, formatNumber(language, count));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (whole, name: string) => (has(name) ? show(language, params[name]!) : whole));
}
