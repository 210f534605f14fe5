import { useEffect, useRef, useState } from 'react';
import type { RecallCriteria } from '../../../../../shared/domain/recall-criteria.ts';
import type { RecallPreview } from '../../../../../shared/domain/recall-types.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { invoke } from '../../../api.ts';
import { useCommandQuery } from '../../../hooks/use-command-query.ts';

const EMPTY = {} as const;
const RECALL_TABLES = ['recall_campaigns', 'recall_contacts', 'recall_attempts', 'recall_types'] as const;

export function useCampaigns() {
  return useCommandQuery('recalls.campaigns.list', EMPTY, { refreshOn: RECALL_TABLES });
}

export function useRecallTypes() {
  return useCommandQuery('recalls.types.list', EMPTY, { refreshOn: ['recall_types'] });
}

/** Doctors and appointment types for the pickers (everyone may read them). */
export function useClinicSettings() {
  return useCommandQuery('availability.settings', EMPTY, { refreshOn: ['doctors', 'appointment_types'] });
}

export function useCampaignResults(campaignId: string) {
  return useCommandQuery('recalls.results', { campaignId }, { refreshOn: [...RECALL_TABLES, 'appointments'] });
}

export interface LivePreview {
  count: number | null;
  sample: RecallPreview['sample'] | null;
  counting: boolean;
  error: CommandErrorData | null;
}

/**
 * The builder's live count (sample:false, debounced) and, once typing pauses a little longer,
 * the sample rows. Older answers never overwrite newer ones; the last numbers stay on screen
 * while a new count runs, so the panel does not jump.
 */
export function useLivePreview(recallTypeId: string, criteria: RecallCriteria, countDelay = 250, sampleDelay = 700): LivePreview {
  const key = JSON.stringify({ recallTypeId, criteria });
  const [state, setState] = useState<LivePreview>({ count: null, sample: null, counting: true, error: null });
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    const input = JSON.parse(key) as { recallTypeId: string; criteria: RecallCriteria };
    const base = { criteria: input.criteria, ...(input.recallTypeId ? { recallTypeId: input.recallTypeId } : {}) };
    setState((s) => ({ ...s, counting: true }));
    const countTimer = setTimeout(() => {
      void invoke('recalls.preview', { ...base, sample: false }).then((answer) => {
        if (mine !== seq.current) return;
        setState((s) =>
          answer.ok
            ? { ...s, count: answer.value.count, counting: false, error: null }
            : { ...s, counting: false, error: answer.error },
        );
      });
    }, countDelay);
    const sampleTimer = setTimeout(() => {
      void invoke('recalls.preview', { ...base, sample: true }).then((answer) => {
        if (mine !== seq.current || !answer.ok) return;
        setState((s) => ({ ...s, count: answer.value.count, sample: answer.value.sample, counting: false, error: null }));
      });
    }, sampleDelay);
    return () => {
      clearTimeout(countTimer);
      clearTimeout(sampleTimer);
    };
  }, [key, countDelay, sampleDelay]);

  return state;
}
