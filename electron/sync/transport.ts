/**
 * The sync RPC client: plain fetch with the anon key and the user's token set explicitly, a
 * timeout on every call, and failures sorted into what the engine does next. supabase-js is not
 * used here on purpose: it silently falls back to the anon role when its session lapses and
 * retries for seconds against a dead server; the engine needs exact control of both.
 */
import type { TokenSource } from './token-source.ts';

export type FailureKind =
  /** Network error, timeout, 5xx, gateway trouble: retry later with backoff. */
  | 'offline'
  /** 401 / expired or bad JWT / signed out: refresh the token, never read it as "no rows". */
  | 'auth'
  /** Any other 4xx: our request is wrong (a bug or a poison mutation). */
  | 'bad_request';

export class TransportError extends Error {
  // Plain fields, no parameter properties: the pull worker loads this file with Node's type stripping.
  readonly kind: FailureKind;
  readonly status: number | null;
  readonly code: string | null;
  constructor(kind: FailureKind, message: string, status: number | null = null, code: string | null = null) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.code = code;
  }
}

export interface PushResult {
  id: string;
  status: 'applied' | 'conflict' | 'rejected';
  version?: number;
  txid?: string;
  row?: Record<string, unknown> | null;
  reason?: string;
  message?: string;
}

export interface PullPage {
  rows: { table: string; row: Record<string, unknown> }[];
  cursor: string;
  has_more: boolean;
  reset?: boolean;
}

/** One of `parts` disjoint streams of a pull, split by the rows' ids (server migration 20261205000001). */
export interface PullStream {
  part: number;
  parts: number;
}

/** sync_pull_compact / sync_priority: per table, the column list once and each row as values in that order. */
export interface PageBlock {
  table: string;
  columns: string[];
  rows: unknown[][];
}

export interface CompactPage {
  tables: PageBlock[];
  cursor: string;
  has_more: boolean;
  reset?: boolean;
}

export interface ServerChecksums {
  [table: string]: { count: number; checksum: number };
}

export interface WireMutation {
  id: string;
  table: string;
  row_id: string;
  op: string;
  changes: Record<string, unknown>;
  base_version: number;
}

export interface TransportOptions {
  url: string;
  anonKey: string;
  tokens: TokenSource;
  timeoutMs?: number;
  /** Told the server's clock (HTTP Date) on every answer; the engine estimates client clock skew. */
  onServerDate?: (serverMs: number, localMs: number) => void;
  /** Told when the server answered a request with success (it is up and took the token). */
  onAnswered?: () => void;
}

export class SyncTransport {
  private readonly timeoutMs: number;
  private readonly o: TransportOptions;
  /** Start (monotonic ms) of each request still waiting for its answer, by request number. */
  private readonly inflight = new Map<number, number>();
  private requests = 0;
  constructor(o: TransportOptions) {
    this.o = o;
    this.timeoutMs = o.timeoutMs ?? 30_000;
  }

  push(mutations: WireMutation[]): Promise<PushResult[]> {
    return this.rpc<PushResult[]>('sync_push', { mutations });
  }

  pull(cursor: string | null, lim: number): Promise<PullPage> {
    return this.rpc<PullPage>('sync_pull', { cursor, lim });
  }

  /**
   * The same page as `pull`, compact: values already in the local format (README, Server).
   * With `stream`, only the rows of that part of the ids (a first sync runs its parts at once).
   */
  pullCompact(cursor: string | null, lim: number, stream?: PullStream): Promise<CompactPage> {
    return this.rpc<CompactPage>('sync_pull_compact', stream ? { cursor, lim, ...stream } : { cursor, lim });
  }

  /** Today's schedule and what it needs, first (a first sync is usable before it finishes). */
  priority(): Promise<{ tables: PageBlock[] }> {
    return this.rpc<{ tables: PageBlock[] }>('sync_priority', {});
  }

  /** Rows per table (the first sync's progress total), without sync_checksums' hashing. */
  counts(): Promise<Record<string, number>> {
    return this.rpc<Record<string, number>>('sync_counts', {});
  }

  checksums(): Promise<ServerChecksums> {
    return this.rpc<ServerChecksums>('sync_checksums', {});
  }

  fetchRows(refs: { table: string; id: string }[]): Promise<{ table: string; id: string; row: Record<string, unknown> | null }[]> {
    return this.rpc('sync_fetch', { refs });
  }

  /** One RPC; on a 401 asks the token source for a refresh once and tries again. */
  private async rpc<T>(fn: string, body: unknown): Promise<T> {
    try {
      return await this.once<T>(fn, body);
    } catch (err) {
      if (!(err instanceof TransportError) || err.kind !== 'auth') throw err;
      if (!(await this.o.tokens.refresh())) throw err;
      return this.once<T>(fn, body);
    }
  }

  /** How long the oldest request still waiting has waited (ms), or null when none waits. */
  waitingMs(nowMs = performance.now()): number | null {
    let oldest: number | null = null;
    for (const t of this.inflight.values()) if (oldest === null || t < oldest) oldest = t;
    return oldest === null ? null : nowMs - oldest;
  }

  private async once<T>(fn: string, body: unknown): Promise<T> {
    const n = ++this.requests;
    this.inflight.set(n, performance.now());
    try {
      return await this.request<T>(fn, body);
    } finally {
      this.inflight.delete(n);
    }
  }

  private async request<T>(fn: string, body: unknown): Promise<T> {
    const token = await this.o.tokens.accessToken();
    if (!token) throw new TransportError('auth', 'Not signed in.');
    let res: Response;
    try {
      res = await fetch(`${this.o.url.replace(/\/$/, '')}/rest/v1/rpc/${fn}`, {
        method: 'POST',
        headers: {
          apikey: this.o.anonKey,
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new TransportError('offline', `Cannot reach the server: ${(err as Error).message}`);
    }
    const date = res.headers.get('date');
    if (date && this.o.onServerDate) this.o.onServerDate(Date.parse(date), Date.now());
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      // The connection broke midway through the answer: the server may have committed.
      throw new TransportError('offline', `The server's answer was cut: ${(err as Error).message}`, res.status);
    }
    if (res.ok) {
      try {
        const value = JSON.parse(text) as T;
        this.o.onAnswered?.();
        return value;
      } catch {
        throw new TransportError('offline', 'The server sent an incomplete answer.', res.status);
      }
    }
    let code: string | null = null;
    let message = text.slice(0, 300);
    try {
      const e = JSON.parse(text) as { code?: string; message?: string };
      code = e.code ?? null;
      message = e.message ?? message;
    } catch {
      // not JSON (a proxy or gateway page)
    }
    if (res.status === 401 || code === 'PGRST301' || code === 'PGRST300' || /jwt/i.test(message)) {
      throw new TransportError('auth', `The server refused the sign-in: ${message}`, res.status, code);
    }
    // sync_push raises insufficient_privilege (42501 → 403) when it runs as anon: an auth problem.
    if (res.status === 403 && /sign in/i.test(message)) throw new TransportError('auth', message, res.status, code);
    if (res.status >= 500 || res.status === 408 || res.status === 429) {
      throw new TransportError('offline', `The server is unavailable (${res.status}): ${message}`, res.status, code);
    }
    throw new TransportError('bad_request', `The server refused the request (${res.status}): ${message}`, res.status, code);
  }
}
