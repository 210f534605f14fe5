import { useEffect, useMemo } from 'react';
import { useI18n } from '../i18n/use-i18n.ts';
import { useNav } from './nav-store.ts';
import { useActingRole } from '../hooks/use-can.ts';
import { visibleScreens } from './screens.ts';
import './screen-nav.css';

/** The tab row under the header: one tab per registered screen; Alt+<digit> switches. */
export function ScreenNav() {
  const { t } = useI18n();
  const current = useNav((s) => s.screen);
  const show = useNav((s) => s.show);
  const role = useActingRole();
  const screens = useMemo(() => visibleScreens(role), [role]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      // e.code, because Alt+digit types other characters on some layouts (macOS, AltGr).
      const digit = /^Digit(\d)$/.exec(e.code)?.[1] ?? e.key;
      const target = screens.find((s) => s.shortcut === digit);
      if (!target) return;
      e.preventDefault();
      show(target.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [show, screens]);

  return (
    <nav className="screen-nav" aria-label={t('screen.nav')}>
      {screens.map((s) => (
        <button
          key={s.id}
          type="button"
          className="screen-nav__tab"
          aria-current={s.id === current ? 'page' : undefined}
          data-screen={s.id}
          title={`${t(s.labelKey)} (Alt+${s.shortcut})`}
          onClick={() => show(s.id)}
        >
          {t(s.labelKey)}
          <kbd className="screen-nav__key" aria-hidden="true">
            {s.shortcut}
          </kbd>
        </button>
      ))}
    </nav>
  );
}
