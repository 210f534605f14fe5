import { invoke } from '../../../api.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useAuthStore } from '../stores/auth-store.ts';

/** Who is signed in at this desk and a Lock button (nothing on a local-only desk). */
export function UserMenu() {
  const { t } = useI18n();
  const session = useAuthStore((s) => s.session);
  const setSession = useAuthStore((s) => s.setSession);
  if (!session || session.mode !== 'signed_in' || !session.user) return null;
  const user = session.user;
  const lock = () =>
    void invoke('auth.lock', {}).then((a) => {
      if (a.ok) setSession(a.value);
    });
  return (
    <div className="user-menu" data-testid="user-menu">
      <span className="user-menu__name" title={`${t('auth.user', { name: user.displayName, role: t(`role.${user.role}`) })} · ${user.email}`}>
        {user.displayName}
      </span>
      {session.offlineUnlocked && <span className="user-menu__offline">{t('auth.offlineUnlocked')}</span>}
      <button type="button" className="btn btn--small" title={t('auth.lockTitle')} onClick={lock}>
        {t('auth.lock')}
      </button>
    </div>
  );
}
