import type { CommandInput, CommandName, CommandOutput } from '../../../shared/commands.ts';
import type { Envelope } from '../../../shared/result.ts';
import { takePrefetched } from './prefetch.ts';
import { type EventListener, getTransport } from './transport.ts';

export { peekPrefetched, prefetch } from './prefetch.ts';
export type { EventListener } from './transport.ts';

/** Calls one command of the table; never throws, always answers with an envelope. */
export function invoke<N extends CommandName>(
  name: N,
  input: CommandInput<N>,
): Promise<Envelope<CommandOutput<N>>> {
  const answer = takePrefetched(name, input) ?? getTransport().invoke(name, input);
  return answer as Promise<Envelope<CommandOutput<N>>>;
}

/** Listens to main-process pushes ('data.changed', 'sync.status'); returns the unsubscribe. */
export function onEvent(listener: EventListener): () => void {
  return getTransport().subscribe(listener);
}

/** Picks the transport now, so the token leaves the address bar before anything renders. */
export function initApi(): void {
  getTransport();
}
