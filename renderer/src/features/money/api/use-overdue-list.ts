import { useCommandQuery } from '../../../data/use-command-query.ts';

const EMPTY = {} as const;

/** Patients with money overdue, longest overdue first ('money.overdueList'). */
export function useOverdueList() {
  return useCommandQuery('money.overdueList', EMPTY);
}
