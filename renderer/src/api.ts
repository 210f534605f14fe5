import type { CommandInput, CommandName, CommandOutput } from '../../shared/commands.ts';
import type { ClinicEvent } from '../../shared/events.ts';
import type { Envelope } from '../../shared/result.ts';

/**
 * The only door to the main process. In Electron the preload exposes `window.clinic`; in a plain
 * browser (headless host, Playwright) the same calls go over loopback HTTP + SSE with a token.
 */
interface ClinicBridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  on(listener: (event: ClinicEvent) => void): () => void;
}

declare global {
  interface Window {
    clinic?: ClinicBridge;
  }
}

export type EventListener = (event: ClinicEvent) => void;

const TOKEN_KEY = 'clinic-desk.token';

interface Transport {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  subscribe(listener: EventListener): () => void;
}

function failure(message: string, code: 'offline' | 'internal' | 'unauthorized' = 'internal'): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Reads the token from `?token=` once, keeps it in memory and in sessionStorage (a reload of
 * the stripped URL must still work), and removes it from the visible URL and history.
 */
function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the in-memory token still serves this page's life.
    }
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function loopbackTransport(token: string | null): Transport {
  const listeners = new Set<EventListener>();
  let source: EventSource | null = null;

  const connect = () => {
    if (source || !token) return;
    source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      let event: ClinicEvent;
      try {
        event = JSON.parse(message.data) as ClinicEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    };
    // EventSource reconnects on its own after network errors.
  };

  return {
    async invoke(name, input) {
      if (!token) return failure('This page was opened without its access token.', 'unauthorized');
      let response: Response;
      try {
        response = await fetch(`/invoke/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return failure('The desk service is not reachable.', 'offline');
      }
      try {
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return failure(`The desk service answered ${response.status} without a result.`);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

function bridgeTransport(bridge: ClinicBridge): Transport {
  return {
    async invoke(name, input) {
      try {
        return await bridge.invoke(name, input);
      } catch {
        return failure('The desk service did not answer.');
      }
    },
    subscribe: (listener) => bridge.on(listener),
  };
}

let transport: Transport | null = null;

function getTransport(): Transport {
  transport ??= window.clinic ? bridgeTransport(window.clinic) : loopbackTransport(takeToken());
  return transport;
}

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

function takePrefetched(name: string, input: unknown): Promise<Envelope<unknown>> | null {
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
