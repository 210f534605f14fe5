import type { CommandInput, CommandName, CommandOutput } from '../../../shared/commands.ts';
import type { Envelope } from '../../../shared/result.ts';
import { getTransport } from './transport.ts';

/**
 * Reads started at boot before any component asks (app/boot-reads.ts), answered to every identical
 * invoke while nothing can have changed them: dropped on any other command (a write, a sign-in…),
 * on a 'data.changed' or 'auth.session' push, on an error answer, and PREFETCH_TTL_MS after start.
 */
interface PrefetchEntry {
  answer: Promise<Envelope<unknown>>;
  until: number;
  /** The answer once it has arrived. */
  settled?: Envelope<unknown>;
}
const prefetched = new Map<string, PrefetchEntry>();
const PREFETCH_TTL_MS = 3_000;
let watchingPushes = false;

const callKey = (name: string, input: unknown) => `${name} ${JSON.stringify(input ?? {})}`;

function dropPrefetched(): void {
  prefetched.clear();
}

/** Starts a read now; the first components to invoke the same call get this answer. */
export function prefetch<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Envelope<CommandOutput<N>>> {
  const key = callKey(name, input);
  const answer = getTransport().invoke(name, input);
  const entry: PrefetchEntry = { answer, until: Date.now() + PREFETCH_TTL_MS };
  prefetched.set(key, entry);
  if (!watchingPushes) {
    // Kept for the page's life: the event stream opens now and is not closed and reopened later.
    watchingPushes = true;
    getTransport().subscribe((event) => {
      if (event.name === 'data.changed' || event.name === 'auth.session') dropPrefetched();
    });
  }
  void answer.then((envelope) => {
    entry.settled = envelope;
    if (!envelope.ok && prefetched.get(key)?.answer === answer) prefetched.delete(key);
  });
  return answer as Promise<Envelope<CommandOutput<N>>>;
}

/** The boot read for exactly this call while it still holds; any other call drops them all. */
export function takePrefetched(name: string, input: unknown): Promise<Envelope<unknown>> | null {
  if (prefetched.size === 0) return null;
  const entry = prefetched.get(callKey(name, input));
  if (entry && entry.until > Date.now()) return entry.answer;
  dropPrefetched();
  return null;
}

/**
 * A boot read's value if it has already arrived and still holds, else undefined. The first render
 * starts from it (app/boot-seed.ts, useCommandQuery…) instead of drawing a loading frame and
 * waiting a frame per gate for answers that are already here.
 */
export function peekPrefetched<N extends CommandName>(name: N, input: CommandInput<N>): CommandOutput<N> | undefined {
  const entry = prefetched.get(callKey(name, input));
  if (!entry?.settled?.ok || entry.until <= Date.now()) return undefined;
  return entry.settled.value as CommandOutput<N>;
}
