import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/commands.ts';
import type { CommandErrorData } from '../../../shared/result.ts';
import { invoke, onEvent, peekPrefetched } from './api.ts';
import { readsOf, touches } from './command-reads.ts';

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
 * Server data for one read command. Answers for an older input never overwrite a newer one;
 * a refresh after 'data.changed' keeps showing the current data until the new answer arrives.
 */
export function useCommandQuery<N extends CommandName>(
  name: N,
  input: CommandInput<N> | null,
  options: QueryOptions = {},
): QueryResult<CommandOutput<N>> {
  const key = input === null ? null : JSON.stringify(input);
  // A boot read that has arrived is the first state, and stands for the first read.
  const [state, setState] = useState<QueryState<CommandOutput<N>>>(() => {
    const arrived = input === null ? undefined : peekPrefetched(name, input);
    return arrived === undefined ? { status: 'loading', data: null, error: null } : { status: 'ready', data: arrived, error: null };
  });
  const seededKey = useRef(state.status === 'ready' ? key : null);
  const requestSeq = useRef(0);
  const refreshOn = (options.refreshOn ?? readsOf(name)).join(',');

  const run = useCallback(
    (silent: boolean) => {
      if (key === null) return;
      const seq = ++requestSeq.current;
      if (!silent) setState((s) => ({ status: 'loading', data: s.data, error: null }));
      void invoke(name, JSON.parse(key) as CommandInput<N>).then((answer) => {
        if (seq !== requestSeq.current) return;
        setState((s) =>
          answer.ok
            ? { status: 'ready', data: answer.value, error: null }
            : { status: 'error', data: s.data, error: answer.error },
        );
      });
    },
    [name, key],
  );

  useEffect(() => {
    if (seededKey.current !== null && seededKey.current === key) {
      seededKey.current = null;
      return;
    }
    run(false);
  }, [run, key]);

  useEffect(() => {
    const tables = refreshOn.split(',');
    return onEvent((event) => {
      if (event.name !== 'data.changed') return;
      const changed = (event.payload as { tables: string[] }).tables;
      if (touches(tables, changed)) run(true);
    });
  }, [run, refreshOn]);

  return { state, reload: useCallback(() => run(false), [run]) };
}
