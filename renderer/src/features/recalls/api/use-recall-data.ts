import { useEffect, useRef, useState } from 'react';
import type { RecallCriteria } from '../../../../../shared/domain/recall-criteria.ts';
import type { RecallPreview } from '../../../../../shared/domain/recall-types.ts';
import type { CommandInput } from '../../../../../shared/commands.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { invoke } from '../../../data/api.ts';
import { useCommandQuery } from '../../../data/use-command-query.ts';

const EMPTY = {} as const;

export function useCampaigns() {
  return useCommandQuery('recalls.campaigns.list', EMPTY);
}

export function useRecallTypes() {
  return useCommandQuery('recalls.types.list', EMPTY);
}

/** Doctors and appointment types for the pickers (everyone may read them). */
export function useClinicSettings() {
  return useCommandQuery('availability.settings', EMPTY);
}

export function useCampaignResults(campaignId: string) {
  return useCommandQuery('recalls.results', { campaignId });
}

/** The recall message for one contact, filled from the templates in a channel and language. */
export function useRecallMessage(input: CommandInput<'recalls.templates.render'>) {
  return useCommandQuery('recalls.templates.render', input);
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
