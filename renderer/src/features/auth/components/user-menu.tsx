import { useI18n } from '../../../i18n/use-i18n.ts';
import { useLockAccount } from '../api/auth-writes.ts';
import { useAuthStore } from '../stores/auth-store.ts';
import './user-menu.css';

/**
 * The signed-in account's Lock (and the "unlocked offline" note), next to the acting person's
 * name from the desk-security button: the header names the person once. Nothing on a local-only desk.
 */
export function UserMenu() {
  const { t } = useI18n();
  const session = useAuthStore((s) => s.session);
  const setSession = useAuthStore((s) => s.setSession);
  const lockAccount = useLockAccount();
  if (!session || session.mode !== 'signed_in' || !session.user) return null;
  const user = session.user;
  const lock = () =>
    void lockAccount({}).then((a) => {
      if (a.ok) setSession(a.value);
    });
  return (
    <>
      {session.offlineUnlocked && (
        // A marker only: the words are in the tooltip and on the Sync screen's account card.
        <span className="user-menu__offline" role="img" aria-label={t('auth.offlineUnlocked')} title={t('auth.offlineUnlocked')} data-testid="offline-unlocked">
          ⚠
        </span>
      )}
      <button
        type="button"
        className="btn btn--small"
        title={`${t('auth.lockTitle')} · ${t('auth.signedInAs', { name: user.displayName, email: user.email })}`}
        onClick={lock}
      >
        {t('auth.lock')}
      </button>
    </>
  );
}
