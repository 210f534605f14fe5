import { QueryClient, type Query } from '@tanstack/react-query';
import type { CommandName } from '../../../shared/commands.ts';
import type { CommandErrorData } from '../../../shared/result.ts';
import { onEvent } from './api.ts';
import { readsOf, touches } from './command-reads.ts';

/** A refusal of a read command, carried through the query cache as its error. */
export class CommandReadError extends Error {
  constructor(readonly data: CommandErrorData) {
    super(data.message);
  }
}

/**
 * The one cache of command reads: screens asking the same command with the same input share one
 * answer and one request. Nothing here goes stale by time: a read is refreshed when main says a
 * table it reads changed ('data.changed'), so no retries, no refetch on focus, and queries run
 * with the network down too (the desk works offline; main answers locally).
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, networkMode: 'always' },
  },
});

/** The tables a cached read follows: those its hook asked for, else the command's declared reads. */
function refreshTables(query: Query): readonly string[] {
  const asked = (query.meta as { refreshOn?: readonly string[] } | undefined)?.refreshOn;
  return asked ?? readsOf(query.queryKey[0] as CommandName);
}

let watching = false;

/** Re-reads, in the background, every cached read that follows a table a push names. Started once. */
export function watchDataChanges(): void {
  if (watching) return;
  watching = true;
  onEvent((event) => {
    if (event.name !== 'data.changed') return;
    const changed = (event.payload as { tables: string[] }).tables;
    void queryClient.invalidateQueries({ predicate: (query) => touches(refreshTables(query), changed) });
  });
}
