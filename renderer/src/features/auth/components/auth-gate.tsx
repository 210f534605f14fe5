import { type ReactNode, useEffect } from 'react';
import { invoke } from '../../../api.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useAuthSession } from '../api/use-auth-session.ts';
import { useAuthStore } from '../stores/auth-store.ts';
import { LockScreen } from './lock-screen.tsx';
import { SignInScreen } from './sign-in-screen.tsx';

/**
 * Shows the desk only to someone signed in (or to everyone on a local-only desk): the sign-in
 * screen when signed out, the lock screen when locked. Ctrl+L locks the desk.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { session, error, reload } = useAuthSession();
  const setSession = useAuthStore((s) => s.setSession);
  const signedIn = session?.mode === 'signed_in';

  useEffect(() => {
    if (!signedIn) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'l') return;
      e.preventDefault();
      void invoke('auth.lock', {}).then((a) => a.ok && setSession(a.value));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [signedIn, setSession]);

  if (!session) {
    return (
      <div className="boot" role={error ? 'alert' : 'status'}>
        {error ? (
          <>
            <p>{t('app.loadError', { message: error.message })}</p>
            <button type="button" className="btn" onClick={reload}>
              {t('app.retry')}
            </button>
          </>
        ) : (
          <p>{t('app.loading')}</p>
        )}
      </div>
    );
  }
  if (session.mode === 'signed_out') return <SignInScreen session={session} />;
  if (session.mode === 'locked') return <LockScreen session={session} />;
  return <>{children}</>;
}
