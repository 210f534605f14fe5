import { useCallback, useEffect, useState } from 'react';
import type { AttentionItem } from '../../../../../shared/domain/sync-types.ts';
import { invoke, onEvent } from '../../../data/api.ts';
import { useCommandCall } from '../../../data/use-command-call.ts';

/**
 * The changes the server refused ('sync.attention.list'), read again after every sync and every
 * change: a refusal is decided by the server, so no table of this desk names it in advance.
 */
export function useAttentionItems(): { items: AttentionItem[] | null; reload(): void } {
  const [items, setItems] = useState<AttentionItem[] | null>(null);
  const reload = useCallback(() => {
    void invoke('sync.attention.list', {}).then((a) => {
      if (a.ok) setItems(a.value);
    });
  }, []);
  useEffect(() => {
    reload();
    return onEvent((e) => {
      if (e.name === 'sync.status' || e.name === 'data.changed') reload();
    });
  }, [reload]);
  return { items, reload };
}

/** One fix of a refused change: retry, dismiss, or rebook into a free slot. */
export const useResolveAttention = () => useCommandCall('sync.attention.resolve');
