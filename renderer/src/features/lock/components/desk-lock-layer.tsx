import { type ReactNode, useEffect } from 'react';
import type { AuthSession } from '../../../../../shared/domain/auth-types.ts';
import { lockDesk, useDeskLockState } from '../api/use-desk-lock-state.ts';
import { useIdleLock } from '../api/use-idle-lock.ts';
import { LockOverlay } from './lock-overlay.tsx';

/**
 * Keeps the app mounted under the lock: screens and half-typed input survive, while the app root
 * is `inert` (no focus, no clicks, hidden from assistive tech) and an opaque overlay covers it.
 * Starts the idle timer and binds Ctrl+L.
 */
export function DeskLockLayer({ session, children }: { session: AuthSession; children: ReactNode }) {
  const { state, reload } = useDeskLockState();
  const locked = session.mode === 'locked' || state?.locked === true;
  useIdleLock(!locked && state?.canLock === true, state?.idleSeconds ?? 300);

  useEffect(() => {
    if (locked) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'l') return;
      e.preventDefault();
      void lockDesk('manual');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [locked]);

  return (
    <>
      <div className="app-root" inert={locked} aria-hidden={locked || undefined} data-testid="app-root">
        {children}
      </div>
      {locked && <LockOverlay session={session} state={state} onUnlocked={reload} />}
    </>
  );
}
