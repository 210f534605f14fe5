import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { AuthSession } from '../../../../../shared/domain/auth-types.ts';
import { LanguageSwitch } from '../../../components/language-switch.tsx';
import { useSignOut, useUnlockWithPassword } from '../../../data/session.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { authErrorText, localTimeZone } from '../api/use-auth-session.ts';
import { useAuthStore } from '../stores/auth-store.ts';
import { AuthError, AuthField } from './auth-field.tsx';
import './auth-screen.css';

/** The desk is locked (by hand, or restarted offline): the same person types their password. */
export function LockScreen({ session }: { session: AuthSession }) {
  const i18n = useI18n();
  const { t, formatTime } = i18n;
  const setSession = useAuthStore((s) => s.setSession);
  const unlock = useUnlockWithPassword();
  const signOut = useSignOut();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const user = session.user;
  const tz = localTimeZone();

  useEffect(() => input.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !password) return;
    setBusy(true);
    setError(null);
    const answer = await unlock({ password });
    setBusy(false);
    setPassword('');
    if (answer.ok) setSession(answer.value);
    else {
      setError(authErrorText(answer.error, i18n, tz));
      input.current?.focus();
    }
  };

  const switchUser = async () => {
    const answer = await signOut({});
    if (answer.ok) setSession(answer.value);
  };

  return (
    <main className="auth" data-testid="lock-screen">
      <form className="auth__card" onSubmit={(e) => void submit(e)} aria-labelledby="lock-title">
        <div className="auth__top">
          <span className="auth__app">{t('app.title')}</span>
          <LanguageSwitch />
        </div>
        <h1 id="lock-title">{t('auth.lockedTitle')}</h1>
        {user && <p className="auth__hint">{t('auth.lockedFor', { name: user.displayName, email: user.email })}</p>}
        {session.lockReason === 'restart_offline' && <p className="auth__note">{t('auth.lockedRestartOffline')}</p>}
        {session.online === false && session.offlineUnlockUntil && (
          <p className="auth__note">{t('auth.offlineUntil', { time: `${formatTime(session.offlineUnlockUntil, tz)}` })}</p>
        )}
        <AuthField label={t('auth.password')} type="password" inputRef={input} value={password} onChange={setPassword} invalid={Boolean(error)} />
        <AuthError error={error} />
        <button type="submit" className="btn btn--primary auth__submit" disabled={busy || !password}>
          {busy ? t('auth.unlocking') : t('auth.unlock')}
        </button>
        <button type="button" className="btn btn--link" onClick={() => void switchUser()}>
          {t('auth.switchUser')}
        </button>
      </form>
    </main>
  );
}
