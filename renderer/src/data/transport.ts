import type { ClinicEvent } from '../../../shared/events.ts';
import type { Envelope } from '../../../shared/result.ts';

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

export interface Transport {
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

/** The bridge in Electron, loopback HTTP + SSE in a browser; chosen once, on first use. */
export function getTransport(): Transport {
  transport ??= window.clinic ? bridgeTransport(window.clinic) : loopbackTransport(takeToken());
  return transport;
}
