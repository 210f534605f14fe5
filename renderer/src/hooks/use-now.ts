import { useEffect, useState } from 'react';
import { deskNow } from '../clock.ts';

/** The current time, re-read at the start of every minute (the current-time line follows it). */
export function useNow(): Date {
  const [now, setNow] = useState(() => deskNow());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = deskNow();
      setNow(current);
      timer = setTimeout(tick, 60_000 - (current.getTime() % 60_000) + 50);
    };
    timer = setTimeout(tick, 60_000 - (deskNow().getTime() % 60_000) + 50);
    return () => clearTimeout(timer);
  }, []);
  return now;
}
