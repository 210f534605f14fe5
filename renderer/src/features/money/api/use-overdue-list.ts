import { useCommandQuery } from '../../../hooks/use-command-query.ts';
import { MONEY_TABLES } from '../../../hooks/use-patient-balance.ts';

const EMPTY = {} as const;

/** Patients with money overdue, longest overdue first ('money.overdueList'). */
export function useOverdueList() {
  return useCommandQuery('money.overdueList', EMPTY, { refreshOn: [...MONEY_TABLES, 'patients', 'recall_attempts'] });
}
