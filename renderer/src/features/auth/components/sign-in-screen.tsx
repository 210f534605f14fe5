import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { AuthSession } from '../../../../../shared/domain/auth-types.ts';
import { LanguageSwitch } from '../../../components/language-switch.tsx';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { authErrorText, localTimeZone } from '../api/use-auth-session.ts';
import { useSignIn } from '../api/auth-writes.ts';
import { useAuthStore } from '../stores/auth-store.ts';
import { AuthError, AuthField } from './auth-field.tsx';
import { useErrorText } from '../../../i18n/error-text.ts';
import './auth-screen.css';

/** Email + password against the configured server; Enter signs in, errors say what to do. */
export function SignInScreen({ session }: { session: AuthSession }) {
  const i18n = useI18n();
  const errText = useErrorText();
  const { t } = i18n;
  const setSession = useAuthStore((s) => s.setSession);
  const signIn = useSignIn();
  const [email, setEmail] = useState(session.lastEmail ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (session.lastEmail ? passwordRef : emailRef).current?.focus();
  }, [session.lastEmail]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const answer = await signIn({ email, password });
    setBusy(false);
    if (answer.ok) {
      setPassword('');
      setSession(answer.value);
      return;
    }
    setError(answer.error.field && answer.error.code === 'validation_error' ? errText(answer.error) : authErrorText(answer.error, i18n, localTimeZone()));
    setPassword('');
    passwordRef.current?.focus();
  };

  const server = session.serverUrl ? new URL(session.serverUrl).host : '';
  return (
    <main className="auth" data-testid="sign-in-screen">
      <form className="auth__card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title" noValidate>
        <div className="auth__top">
          <span className="auth__app">{t('app.title')}</span>
          <LanguageSwitch />
        </div>
        <h1 id="sign-in-title">{t('auth.signInTitle', { server })}</h1>
        <p className="auth__hint">{session.embeddedDemo ? t('auth.demoHint') : t('auth.signInHint')}</p>
        {session.embeddedDemo && busy === false && !error && <p className="auth__note" role="status">{t('auth.demoSigningIn')}</p>}
        <AuthField
          label={t('auth.email')}
          type="email"
          name="email"
          required
          inputRef={emailRef}
          value={email}
          onChange={setEmail}
          invalid={Boolean(error)}
        />
        <AuthField
          label={t('auth.password')}
          type="password"
          name="password"
          required
          inputRef={passwordRef}
          value={password}
          onChange={setPassword}
          invalid={Boolean(error)}
        />
        <AuthError error={error} />
        <button type="submit" className="btn btn--primary auth__submit" disabled={busy || !email || !password}>
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
    </main>
  );
}
