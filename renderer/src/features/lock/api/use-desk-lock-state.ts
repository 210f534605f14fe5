import { useCallback, useEffect } from 'react';
import type { DeskLockState } from '../../../../../shared/domain/security-types.ts';
import { invoke, onEvent } from '../../../data/api.ts';
import { readsOf, touches } from '../../../data/command-reads.ts';
import { useDeskLock } from '../../../stores/desk-lock.ts';

/** Loads 'auth.deskLock' and re-reads it when the session or a table it reads changes. */
export function useDeskLockState(): { state: DeskLockState | null; reload(): void } {
  const state = useDeskLock((s) => s.state);
  const setState = useDeskLock((s) => s.setState);
  const reload = useCallback(() => {
    void invoke('auth.deskLock', {}).then((answer) => {
      if (answer.ok) setState(answer.value);
    });
  }, [setState]);
  useEffect(() => {
    reload();
    return onEvent((event) => {
      if (event.name === 'auth.session') reload();
      if (event.name === 'data.changed') {
        const tables = (event.payload as { tables: string[] }).tables;
        if (touches(readsOf('auth.deskLock'), tables)) reload();
      }
    });
  }, [reload]);
  return { state, reload };
}

/** Asks main to lock the desk; main refuses quietly when nobody could unlock it again. */
export async function lockDesk(reason: 'idle' | 'manual'): Promise<void> {
  const answer = await invoke('auth.lockDesk', { reason });
  if (answer.ok) useDeskLock.getState().setState(answer.value);
}
