import { useState } from 'react';
import type { AuthSession } from '../../../../../shared/domain/auth-types.ts';
import { useFollowSession, useSignOut } from '../../../data/session.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import './account-card.css';

/**
 * Who is signed in to the server, with Sign out (the header only has Lock). Main pushes
 * 'auth.session' after the sign-out, and the shell's auth gate shows the sign-in screen.
 */
export function AccountCard() {
  const { t } = useI18n();
  const [session, setSession] = useState<AuthSession | null>(null);
  useFollowSession(setSession);
  const signOut = useSignOut();
  if (!session?.user || session.mode !== 'signed_in') return null;
  const user = session.user;
  return (
    <div className="account-card" data-testid="account-card">
      <span>
        {t('auth.signedInAs', { name: user.displayName, email: user.email })} · {t(`role.${user.role}`)}
        {session.offlineUnlocked && ` · ${t('auth.offlineUnlocked')}`}
      </span>
      <button type="button" className="btn btn--small" onClick={() => void signOut({})}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}
