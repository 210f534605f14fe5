import type { AuthFailureReason, AuthSession } from '../../../../../shared/domain/auth-types.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { useFollowSession } from '../../../data/session.ts';
import type { I18n } from '../../../i18n/use-i18n.ts';
import { useAuthStore } from '../stores/auth-store.ts';
import { errorText } from '../../../i18n/error-text.ts';

/** Loads 'auth.session' once and follows every 'auth.session' push from main. */
export function useAuthSession(): { session: AuthSession | null; error: CommandErrorData | null; reload(): void } {
  const session = useAuthStore((s) => s.session);
  const setSession = useAuthStore((s) => s.setSession);
  const { error, reload } = useFollowSession(setSession);
  return { session, error, reload };
}

/** Words for a failed sign-in or unlock, from error.details.reason. */
export function authErrorText(error: CommandErrorData, { t, formatTime, language }: Pick<I18n, 't' | 'formatTime' | 'language'>, timeZone: string): string {
  const details = error.details ?? {};
  const reason = details.reason as AuthFailureReason | undefined;
  switch (reason) {
    case 'invalid_credentials':
    case 'server_unreachable':
    case 'not_staff':
    case 'offline_expired':
    case 'clock_set_back':
    case 'no_offline_session':
      return t(`auth.err.${reason}`);
    case 'locked_out':
      return typeof details.lockedUntil === 'string'
        ? t('auth.err.locked_out', { time: formatTime(details.lockedUntil, timeZone) })
        : t('auth.err.lockedOutNoTime');
    case 'wrong_password':
      return t('auth.err.wrong_password', { count: Number(details.attemptsLeft ?? 0) });
    default:
      return error.code === 'offline' ? t('auth.err.server_unreachable') : t('auth.err.generic', { message: errorText(language, error, null) });
  }
}

/** The desk's own time zone for showing lockout times (no clinic is loaded on these screens). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
