import type { Language } from '../../../shared/domain/types.ts';
import { LANGUAGES } from '../../../shared/i18n/index.ts';
import { useSetLanguage } from '../data/settings-commands.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { useAppUi } from '../stores/app-ui.ts';
import './language-switch.css';

/** en / es toggle; shown at once, remembered through 'settings.setLanguage'. */
export function LanguageSwitch() {
  const { t, language } = useI18n();
  const setLanguage = useAppUi((s) => s.setLanguage);
  const saveLanguage = useSetLanguage();

  const choose = async (next: Language) => {
    if (next === language) return;
    setLanguage(next);
    const answer = await saveLanguage({ language: next });
    if (!answer.ok) setLanguage(language);
  };

  return (
    <div className="lang" role="group" aria-label={t('header.language')}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="lang__option"
          aria-pressed={l === language}
          onClick={() => void choose(l)}
          title={t(`language.${l}`)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
