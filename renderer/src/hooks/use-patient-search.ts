import { useMemo } from 'react';
import { useCommandQuery } from '../data/use-command-query.ts';
import { useDebounced } from './use-debounced.ts';

/** Debounced 'patients.search' (the command answers hint 'too_short' under 3 characters). */
export function usePatientSearch(query: string, limit = 20) {
  const settled = useDebounced(query.trim(), 180);
  const input = useMemo(() => (settled ? { query: settled, limit } : null), [settled, limit]);
  const result = useCommandQuery('patients.search', input);
  return { ...result, settled, pending: settled !== query.trim() };
}
