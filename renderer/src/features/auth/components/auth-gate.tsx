import { type ReactNode, useEffect, useState } from 'react';
import { BootState } from '../../../components/boot-state.tsx';
import { useAuthSession } from '../api/use-auth-session.ts';
import { DeskLockLayer } from '../../lock/components/desk-lock-layer.tsx';
import { LockScreen } from './lock-screen.tsx';
import { SignInScreen } from './sign-in-screen.tsx';

/**
 * Shows the desk only to someone signed in (or to everyone on a local-only desk): the sign-in
 * screen when signed out; locked, the lock covers the still-mounted app (features/lock), except
 * after a restart, when there is no app yet to keep.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { session, error, reload } = useAuthSession();
  const working = session?.mode === 'signed_in' || session?.mode === 'local_only';

  // Once the app has been shown, a lock covers it instead of replacing it (unsaved input survives).
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (working) setShown(true);
    if (session?.mode === 'signed_out') setShown(false);
  }, [working, session?.mode]);

  if (!session) return <BootState error={error} onRetry={reload} />;
  if (session.mode === 'signed_out') return <SignInScreen session={session} />;
  if (session.mode === 'locked' && !shown) return <LockScreen session={session} />;
  return <DeskLockLayer session={session}>{children}</DeskLockLayer>;
}
