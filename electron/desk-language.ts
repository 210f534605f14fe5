/**
 * Chromium's own language (`--lang`: navigator.language, Accept-Language, built-in widgets) follows
 * the desk language. The switch must be set before 'ready', when the database is not open yet, so
 * the language last chosen on this desk is remembered in a small file beside the data.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../shared/domain/types.ts';

const FILE = 'desk-language';

/** The Chromium locale of each desk language (the renderer's dates use the same ones). */
export const CHROMIUM_LANG: Readonly<Record<Language, string>> = { en: 'en-GB', es: 'es-ES' };

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'es';
}

/** The language remembered for this desk, or null before the first start or when the file is unreadable. */
export function readDeskLanguage(dataDir: string): Language | null {
  try {
    const text = readFileSync(join(dataDir, FILE), 'utf8').trim();
    return isLanguage(text) ? text : null;
  } catch {
    return null;
  }
}

/** Remembers the language for the next start; a failure only costs the next start's Chromium locale. */
export function writeDeskLanguage(dataDir: string, language: Language): void {
  try {
    writeFileSync(join(dataDir, FILE), language, { mode: 0o600 });
  } catch {
    // The data dir is not writable: the page's own <html lang> still follows the desk language.
  }
}
