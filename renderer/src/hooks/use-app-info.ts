import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../shared/domain/types.ts';
import { onEvent } from '../data/api.ts';
import { useCommandQuery } from '../data/use-command-query.ts';

const EMPTY = {} as const;

/** The clinic, desk and session facts ('app.info'), re-read when settings or the outbox change. */
export function useAppInfo() {
  return useCommandQuery('app.info', EMPTY, { refreshOn: ['*'] });
}

/** The latest sync status: the one from 'app.info', replaced by every 'sync.status' push. */
export function useSyncStatus(initial: SyncStatus | null): SyncStatus | null {
  const [pushed, setPushed] = useState<SyncStatus | null>(null);
  useEffect(
    () =>
      onEvent((event) => {
        if (event.name === 'sync.status') setPushed(event.payload as SyncStatus);
      }),
    [],
  );
  // A newer app.info (after a write) supersedes an older push, and the other way round.
  useEffect(() => setPushed(null), [initial]);
  return pushed ?? initial;
}
