import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/commands.ts';
import type { CommandErrorData } from '../../../shared/result.ts';
import { invoke, peekPrefetched } from './api.ts';
import { CommandReadError, queryClient, watchDataChanges } from './query-client.ts';

export type QueryState<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | null; error: CommandErrorData };

export interface QueryResult<T> {
  state: QueryState<T>;
  reload(): void;
}

export interface QueryOptions {
  /**
   * Re-read silently when a 'data.changed' event names one of these tables ('*' = any). Defaults
   * to the tables the command declares it reads; pass it only for a read that must follow more.
   */
  refreshOn?: readonly string[];
}

/**
 * Server data for one read command, from the shared query cache (query-client.ts). Answers for an
 * older input never overwrite a newer one; while a new input loads, and during a refresh after
 * 'data.changed', the current data stays on screen until the new answer arrives.
 */
export function useCommandQuery<N extends CommandName>(
  name: N,
  input: CommandInput<N> | null,
  options: QueryOptions = {},
): QueryResult<CommandOutput<N>> {
  watchDataChanges();
  const key = input === null ? null : JSON.stringify(input);
  const refreshOn = options.refreshOn?.join(',');
  const meta = useMemo(() => (refreshOn === undefined ? undefined : { refreshOn: refreshOn.split(',') }), [refreshOn]);
  const query = useQuery(
    {
      queryKey: [name, key],
      enabled: key !== null,
      queryFn: async () => {
        const answer = await invoke(name, JSON.parse(key!) as CommandInput<N>);
        if (!answer.ok) throw new CommandReadError(answer.error);
        return answer.value;
      },
      // A boot read that has arrived is the first answer, and stands for the first read.
      initialData: () => (key === null ? undefined : peekPrefetched(name, JSON.parse(key) as CommandInput<N>)),
      placeholderData: keepPreviousData,
      ...(meta ? { meta } : {}),
    },
    queryClient,
  );
  const [reloading, setReloading] = useState(false);
  const { refetch } = query;
  const reload = useCallback(() => {
    if (key === null) return;
    setReloading(true);
    void refetch().finally(() => setReloading(false));
  }, [refetch, key]);
  return { state: stateOf(query, reloading), reload };
}

function stateOf<T>(
  query: { data: T | undefined; error: Error | null; status: string; isFetching: boolean; isPlaceholderData: boolean },
  reloading: boolean,
): QueryState<T> {
  const data = query.data ?? null;
  if (query.status === 'error' && !(query.isFetching && reloading)) {
    const error = query.error instanceof CommandReadError ? query.error.data : { code: 'internal' as const, message: String(query.error) };
    return { status: 'error', data, error };
  }
  const loading = query.status !== 'success' || reloading || (query.isPlaceholderData && query.isFetching);
  if (loading) return { status: 'loading', data, error: null };
  return { status: 'ready', data: query.data as T, error: null };
}
