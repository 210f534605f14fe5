import { useCallback, useEffect, useState } from 'react';
import { invoke, onEvent, peekPrefetched } from '../../../data/api.ts';

/**
 * Whether this desk has its clinic yet: 'app.info' answers not_found until the first pull brought
 * it, so it is asked again after every change until it is there. null while the first answer is out.
 */
export function useClinicReady(): boolean | null {
  // An arrived boot read of app.info means the clinic is there (a missing one is an error answer).
  const [ready, setReady] = useState<boolean | null>(() => (peekPrefetched('app.info', {}) ? true : null));
  const check = useCallback(() => {
    void invoke('app.info', {}).then((a) => setReady(a.ok || a.error.code !== 'not_found'));
  }, []);
  useEffect(() => {
    if (ready) return;
    if (ready === null) check();
    return onEvent((e) => {
      if (e.name === 'data.changed') check();
    });
  }, [check, ready]);
  return ready;
}
