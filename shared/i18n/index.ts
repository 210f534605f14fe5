import type { Language } from '../domain/types.ts';
import { en, type MessageKey, type Messages } from './en.ts';
import { es } from './es.ts';

export type { MessageKey, Messages } from './en.ts';

export const LANGUAGES: readonly Language[] = ['en', 'es'];

export const MESSAGES: Readonly<Record<Language, Messages>> = { en, es };

export type MessageParams = Readonly<Record<string, string | number>>;

/** Looks a key up in a language's table and fills `{name}` placeholders; unknown ones stay visible. */
export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  const template = MESSAGES[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
