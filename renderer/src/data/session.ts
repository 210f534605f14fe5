import { useCallback, useEffect, useState } from 'react';
import type { AuthSession } from '../../../shared/domain/auth-types.ts';
import type { CommandErrorData } from '../../../shared/result.ts';
import { invoke, onEvent } from './api.ts';
import { useCommandCall } from './use-command-call.ts';

/**
 * Reads 'auth.session' once and hands every 'auth.session' push from main to `setSession`; the
 * auth gate keeps it in its store, the Sync screen's account card in its own state.
 */
export function useFollowSession(setSession: (session: AuthSession) => void): { error: CommandErrorData | null; reload(): void } {
  const [error, setError] = useState<CommandErrorData | null>(null);
  const reload = useCallback(() => {
    void invoke('auth.session', {}).then((answer) => {
      if (answer.ok) {
        setError(null);
        setSession(answer.value);
      } else setError(answer.error);
    });
  }, [setSession]);
  useEffect(() => {
    reload();
    return onEvent((event) => {
      if (event.name === 'auth.session') setSession(event.payload as AuthSession);
    });
  }, [reload, setSession]);
  return { error, reload };
}

/** Signing out of the server account (the lock screen's "switch user", the account card). */
export const useSignOut = () => useCommandCall('auth.signOut');

/** Unlocking with the account password (the lock screen, and the desk lock's password choice). */
export const useUnlockWithPassword = () => useCommandCall('auth.unlock');
