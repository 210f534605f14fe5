import { useMemo } from 'react';
import { useCommandQuery } from '../data/use-command-query.ts';

/** One patient's record ('patients.get'); null id = none asked for. */
export function usePatient(id: string | null | undefined) {
  const input = useMemo(() => (id ? { id } : null), [id]);
  return useCommandQuery('patients.get', input);
}
