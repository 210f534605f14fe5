import { useEffect, useMemo, useState } from 'react';
import type { CommandInput } from '../../../../../shared/commands.ts';
import type { SchedulePreview } from '../../../../../shared/domain/plan-types.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { invoke } from '../../../data/api.ts';
import { useCommandQuery } from '../../../data/use-command-query.ts';

/** A patient's treatment plans, newest activity first. */
export function useTreatmentPlans(patientId: string) {
  const input = useMemo(() => ({ patientId }), [patientId]);
  return useCommandQuery('treatmentPlans.listForPatient', input);
}

/** One treatment plan with its steps. */
export function useTreatmentPlan(id: string) {
  const input = useMemo(() => ({ id }), [id]);
  return useCommandQuery('treatmentPlans.get', input);
}

/** A patient's payment plans with their installments, newest first. */
export function usePaymentPlans(patientId: string) {
  const input = useMemo(() => ({ patientId }), [patientId]);
  return useCommandQuery('paymentPlans.listForPatient', input);
}

const PREVIEW_DELAY_MS = 150;

/**
 * The schedule 'paymentPlans.preview' computes for terms being typed (null: not valid yet), asked
 * once the terms stop changing; the last answer stays until the next one arrives.
 */
export function usePaymentPlanPreview(terms: CommandInput<'paymentPlans.preview'> | null) {
  const key = terms ? JSON.stringify(terms) : null;
  const [preview, setPreview] = useState<SchedulePreview | null>(null);
  const [previewError, setPreviewError] = useState<CommandErrorData | null>(null);
  useEffect(() => {
    if (!key) {
      setPreview(null);
      setPreviewError(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void invoke('paymentPlans.preview', JSON.parse(key) as CommandInput<'paymentPlans.preview'>).then((answer) => {
        if (!live) return;
        setPreview(answer.ok ? answer.value : null);
        setPreviewError(answer.ok ? null : answer.error);
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return { preview, previewError };
}
