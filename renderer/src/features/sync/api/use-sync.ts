import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../../../../shared/domain/types.ts';
import { invoke, onEvent, peekPrefetched } from '../../../data/api.ts';

/** The latest sync status: 'sync.status' once, then every push; re-read after local writes. */
export function useLiveSyncStatus(): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(() => peekPrefetched('sync.status', {}) ?? null);
  const load = useCallback(() => {
    void invoke('sync.status', {}).then((a) => {
      if (a.ok) setStatus(a.value);
    });
  }, []);
  useEffect(() => {
    load();
    return onEvent((event) => {
      if (event.name === 'sync.status') setStatus(event.payload as SyncStatus);
      else if (event.name === 'data.changed') load();
    });
  }, [load]);
  return status;
}

/** 'sync.now' with a busy flag (the button and Ctrl+S share it). */
let running: Promise<unknown> | null = null;
export function syncNow(): Promise<unknown> {
  running ??= invoke('sync.now', {}).finally(() => {
    running = null;
  });
  return running;
}

export function useSyncNow(): { busy: boolean; run(): void } {
  const [busy, setBusy] = useState(false);
  const run = useCallback(() => {
    setBusy(true);
    void syncNow().finally(() => setBusy(false));
  }, []);
  return { busy, run };
}
