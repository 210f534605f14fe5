import type { Language } from '../../../shared/domain/types.ts';
import { useAppUi } from '../stores/app-ui.ts';

/** The locale of each desk language: dates, times and the page's `lang` follow it, never the browser. */
export const DESK_LOCALES = { en: 'en-GB', es: 'es-ES' } as const satisfies Readonly<Record<Language, string>>;

/** Keeps `<html lang>` ("en" / "es") on the desk language (screen readers, hyphenation, spell-check follow it). */
export function followDeskLanguage(): () => void {
  const apply = (language: Language) => {
    document.documentElement.lang = language;
  };
  apply(useAppUi.getState().language);
  return useAppUi.subscribe((s, before) => {
    if (s.language !== before.language) apply(s.language);
  });
}
