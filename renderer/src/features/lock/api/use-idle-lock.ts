import { useEffect, useRef } from 'react';
import { lockDesk } from './use-desk-lock-state.ts';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Locks the desk after `idleSeconds` without keyboard or pointer activity in this window.
 * A once-a-second check against the last activity keeps every event handler trivial.
 */
export function useIdleLock(enabled: boolean, idleSeconds: number): void {
  const last = useRef(Date.now());
  useEffect(() => {
    if (!enabled) return;
    last.current = Date.now();
    const touch = () => {
      last.current = Date.now();
    };
    for (const name of ACTIVITY) window.addEventListener(name, touch, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last.current >= idleSeconds * 1000) {
        last.current = Date.now();
        void lockDesk('idle');
      }
    }, 1000);
    return () => {
      for (const name of ACTIVITY) window.removeEventListener(name, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [enabled, idleSeconds]);
}
