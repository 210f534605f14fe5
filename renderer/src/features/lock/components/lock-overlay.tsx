import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { AuthSession } from '../../../../../shared/domain/auth-types.ts';
import type { DeskLockState } from '../../../../../shared/domain/security-types.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { LanguageSwitch } from '../../../components/language-switch.tsx';
import { useUnlockWithPassword } from '../../../data/session.ts';
import { type I18n, useI18n } from '../../../i18n/use-i18n.ts';
import { useDeskLock } from '../../../stores/desk-lock.ts';
import { useUnlockWithPin } from '../api/lock-writes.ts';
import './lock.css';
import { errorText } from '../../../i18n/error-text.ts';

const PASSWORD = 'password:';

function lockErrorText(error: CommandErrorData, { t, formatTime, language }: Pick<I18n, 't' | 'formatTime' | 'language'>): string {
  const d = error.details ?? {};
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  switch (d.reason) {
    case 'wrong_pin':
      return t('lock.err.wrong_pin', { count: Number(d.attemptsLeft ?? 0) });
    case 'locked_out':
      return typeof d.lockedUntil === 'string' ? t('lock.err.locked_out', { time: formatTime(d.lockedUntil, tz) }) : t('auth.err.lockedOutNoTime');
    case 'no_pin':
    case 'password_required':
      return t(`lock.err.${d.reason}`);
    case 'wrong_password':
      return t('auth.err.wrong_password', { count: Number(d.attemptsLeft ?? 0) });
    default:
      return t('auth.err.generic', { message: errorText(language, error, null) });
  }
}

/** The lock screen over the mounted app: pick who you are, type your PIN (or the account password). */
export function LockOverlay({ session, state, onUnlocked }: { session: AuthSession; state: DeskLockState | null; onUnlocked(): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const setState = useDeskLock((s) => s.setState);
  const unlockWithPassword = useUnlockWithPassword();
  const unlockWithPin = useUnlockWithPin();
  const people = state?.pinStaff ?? [];
  const password = state?.passwordUser ?? (session.user ? { staffId: session.user.staffId, displayName: session.user.displayName, email: session.user.email } : null);
  const preferred = state?.acting && people.some((p) => p.id === state.acting?.id) ? state.acting.id : password ? PASSWORD + password.staffId : (people[0]?.id ?? '');
  const [who, setWho] = useState(preferred);
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const card = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const usesPassword = who.startsWith(PASSWORD);

  const dialog = useRef<HTMLDialogElement>(null);

  // A modal <dialog> enters the top layer last, so it covers any dialog the app had open too.
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  useEffect(() => input.current?.focus(), [who]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !secret || !who) return;
    setBusy(true);
    setError(null);
    const answer = usesPassword ? await unlockWithPassword({ password: secret }) : await unlockWithPin({ staffId: who, pin: secret });
    setBusy(false);
    setSecret('');
    if (answer.ok) {
      if ('pinStaff' in answer.value) setState(answer.value);
      onUnlocked();
    } else {
      setError(lockErrorText(answer.error, i18n));
      input.current?.focus();
    }
  };

  // Focus stays in the lock: Tab and Shift+Tab cycle through its own controls.
  const trap = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || !card.current) return;
    const items = [...card.current.querySelectorAll<HTMLElement>('button, input, select')].filter((el) => !el.hasAttribute('disabled'));
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      className="lock-overlay auth"
      aria-labelledby="lock-overlay-title"
      data-testid="lock-overlay"
      onKeyDown={trap}
      onCancel={(e) => e.preventDefault()}
    >
      <form ref={card} className="auth__card" onSubmit={(e) => void submit(e)}>
        <div className="auth__top">
          <span className="auth__app">{t('app.title')}</span>
          <LanguageSwitch />
        </div>
        <h1 id="lock-overlay-title">{t('lock.title')}</h1>
        {people.length > 0 && <p className="auth__hint">{t('lock.hint')}</p>}
        {state?.reason === 'idle' && <p className="auth__note">{t('lock.idle', { minutes: Math.max(1, Math.round(state.idleSeconds / 60)) })}</p>}
        {people.length === 0 && password ? (
          <p className="auth__hint" data-testid="lock-who-only">
            {t('auth.lockedFor', { name: password.displayName, email: password.email })}
          </p>
        ) : (
          <label className="auth__field">
            <span>{t('lock.who')}</span>
            <select value={who} onChange={(e) => setWho(e.target.value)} data-testid="lock-who">
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName} · {t(`role.${p.role}`)}
                </option>
              ))}
              {password && <option value={PASSWORD + password.staffId}>{t('lock.passwordFor', { name: password.displayName })}</option>}
            </select>
          </label>
        )}
        <label className="auth__field">
          <span>{usesPassword ? t('lock.password') : t('lock.pin')}</span>
          <input
            ref={input}
            type="password"
            inputMode={usesPassword ? undefined : 'numeric'}
            autoComplete={usesPassword ? 'current-password' : 'off'}
            maxLength={usesPassword ? 200 : 8}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            aria-invalid={error ? true : undefined}
            data-testid="lock-secret"
          />
        </label>
        {error && (
          <p className="auth__error" role="alert" data-testid="lock-error">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn--primary auth__submit" disabled={busy || !secret || !who} data-testid="lock-unlock">
          {busy ? t('lock.unlocking') : t('lock.unlock')}
        </button>
      </form>
    </dialog>
  );
}
