/**
 * The pull off the main thread: a worker thread with its own connection to the same encrypted
 * file fetches the pages, parses their JSON and applies them (pullAll, unchanged: one short
 * transaction per slice, cursor saved with the page's last slice, rebase, tombstones, epoch
 * reset). The main thread only answers token requests and receives small page messages.
 *
 * Local writes on the main connection stay correct because SQLite has one writer: the worker
 * reads the pending outbox inside its own write transaction, so a local change is either
 * committed before that slice (and rebased) or written after it (on top of the server row).
 *
 * This module is both sides: imported by the engine, and the worker's entry (import.meta.url).
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';
import type { WriteDb } from '../db/database.ts';
import { applyKey, keyOf, rememberKey } from '../db/encryption.ts';
import { getSyncState } from '../db/repos/sync-state.ts';
import { BULK_CACHE_KIB } from '../db/repos/sync-rows.ts';
import { pullAll, type PullRun, type YieldTo } from './pull.ts';
import type { TokenSource } from './token-source.ts';
import { type FailureKind, SyncTransport, TransportError } from './transport.ts';

interface PullWorkerData {
  clinicDeskPullWorker: true;
  path: string;
  key: string | null;
  serverUrl: string;
  anonKey: string;
  pageSize: number;
  sliceMs: number;
  timeoutMs: number;
  clockOffsetMs: number;
  /** Main thread's heartbeat: a counter it increments every BEAT_MS while its event loop runs. */
  beat: SharedArrayBuffer;
}

/**
 * The worker's transactions are long (a whole page: each commit rewrites every index page the
 * slice touched, so fewer commits make a first sync much cheaper), but the main thread must never
 * wait long for the write lock. A blocked main thread (waiting for the lock in SQLite's busy
 * handler, or busy otherwise) stops beating; the worker then commits within a few rows and waits
 * for the next beat before it starts its next transaction.
 */
const BEAT_MS = 4;
const STALLED_MS = 12;
const FIRST_PAGE = 1000;
/** Pages of a first download fetched at once: the server builds one while this thread applies another. */
const FIRST_DOWNLOAD_STREAMS = 2;

type ToWorker =
  | { type: 'token'; id: number; token: string | null }
  | { type: 'refreshed'; id: number; ok: boolean }
  | { type: 'go' }
  | { type: 'stop' };

type FromWorker =
  | { type: 'ready' }
  | { type: 'token'; id: number }
  | { type: 'refresh'; id: number }
  | { type: 'date'; serverMs: number }
  | { type: 'page'; rows: number; tables: string[]; reset: boolean }
  | { type: 'done'; rows: number; pages: number; tables: string[]; waitMs: number; schemaMs: number }
  | { type: 'error'; message: string; kind: FailureKind | null; status: number | null; code: string | null };

export interface WorkerPullOptions {
  db: WriteDb;
  tokens: TokenSource;
  server: { url: string; anonKey: string };
  pageSize: number;
  sliceMs: number;
  timeoutMs: number;
  clockOffsetMs: number;
  onServerDate(serverMs: number): void;
  onPage(info: { rows: number; tables: Set<string>; reset: boolean }): void;
}

let livePullWorkers = 0;

/** Pull worker threads of this process not yet exited (each holds a download's heap). */
export function livePullWorkerCount(): number {
  return livePullWorkers;
}

export interface WorkerPull {
  /** False when no worker could start (then the caller pulls on its own connection). */
  started: Promise<boolean>;
  /**
   * Lets the worker apply. Until then it only boots and fetches its first page, so a caller can
   * start it before its own short work on the database (the priority rows of a first sync).
   */
  go(): void;
  done: Promise<PullRun>;
  /** Ends the pull after the current page; gives up on the worker after a grace period. */
  stop(): Promise<void>;
}

/** Starts a pull in a worker thread, or answers null for an in-memory database. */
export function startWorkerPull(o: WorkerPullOptions): WorkerPull | null {
  if (o.db.memory || o.db.name === ':memory:') return null;
  const data: PullWorkerData = {
    clinicDeskPullWorker: true,
    path: o.db.name,
    key: keyOf(o.db)?.toString('hex') ?? null,
    serverUrl: o.server.url,
    anonKey: o.server.anonKey,
    pageSize: o.pageSize,
    sliceMs: o.sliceMs,
    timeoutMs: o.timeoutMs,
    clockOffsetMs: o.clockOffsetMs,
    beat: new SharedArrayBuffer(4),
  };
  const beat = new Int32Array(data.beat);
  let beating: NodeJS.Timeout | null = null;
  const stopBeating = () => {
    if (beating) clearInterval(beating);
    beating = null;
  };
  let worker: Worker;
  try {
    worker = new Worker(new URL(import.meta.url), { workerData: data });
  } catch {
    return null;
  }
  livePullWorkers++;
  worker.once('exit', () => livePullWorkers--);
  let ready = false;
  let settled = false;
  let markStarted: (ok: boolean) => void = () => undefined;
  const started = new Promise<boolean>((resolve) => (markStarted = resolve));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const send = (m: ToWorker) => {
    if (!settled) worker.postMessage(m);
  };
  const done = new Promise<PullRun>((resolve, reject) => {
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      stopBeating();
      fn();
      // The worker has closed its database and nothing in it is needed any more: ending it here
      // frees the download's heap (~100 MB after a 200k first sync) at once, even if a timer or
      // socket in it is still pending (a checkpointer grace timer once kept it 10 s).
      void worker.terminate();
    };
    worker.on('message', (m: FromWorker) => {
      try {
        handle(m);
      } catch (err) {
        // e.g. the app closed its connection meanwhile: end the pull, never throw from a message
        send({ type: 'stop' });
        finish(() => reject(err as Error));
      }
    });
    const handle = (m: FromWorker) => {
      switch (m.type) {
        case 'ready':
          ready = true;
          markStarted(true);
          return;
        case 'token':
          o.tokens.accessToken().then(
            (token) => send({ type: 'token', id: m.id, token }),
            () => send({ type: 'token', id: m.id, token: null }),
          );
          return;
        case 'refresh':
          o.tokens.refresh().then(
            (ok) => send({ type: 'refreshed', id: m.id, ok }),
            () => send({ type: 'refreshed', id: m.id, ok: false }),
          );
          return;
        case 'date':
          o.onServerDate(m.serverMs);
          return;
        case 'page':
          o.onPage({ rows: m.rows, tables: new Set(m.tables), reset: m.reset });
          return;
        case 'done':
          finish(() => resolve({ rows: m.rows, pages: m.pages, changedTables: new Set(m.tables), waitMs: m.waitMs, schemaMs: m.schemaMs }));
          return;
        case 'error':
          finish(() => reject(m.kind ? new TransportError(m.kind, m.message, m.status, m.code) : new Error(m.message)));
          return;
      }
    };
    const lost = (err?: Error) => {
      if (!ready) markStarted(false);
      finish(() => reject(err ?? new Error('the sync worker stopped')));
    };
    worker.once('error', lost);
    worker.once('exit', () => lost());
  });
  done.catch(() => undefined); // observed by the caller once started; never unhandled before
  return {
    started,
    done,
    go() {
      if (settled) return;
      beating ??= setInterval(() => Atomics.add(beat, 0, 1), BEAT_MS);
      beating.unref();
      send({ type: 'go' });
    },
    async stop() {
      stopBeating();
      if (!settled) worker.postMessage({ type: 'stop' } satisfies ToWorker);
      const grace = new Promise<void>((resolve) => setTimeout(resolve, 5_000).unref());
      await Promise.race([exited, grace]);
      await worker.terminate();
    },
  };
}

/** Worker side: open the file as openDatabase does (same key, same pragmas), pull, report. */
async function runWorker(d: PullWorkerData): Promise<void> {
  const port = parentPort!;
  const post = (m: FromWorker) => port.postMessage(m);
  let nextId = 0;
  const waiting = new Map<number, (m: ToWorker) => void>();
  let stop = false;
  let go: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (go = resolve));
  port.on('message', (m: ToWorker) => {
    if (m.type === 'stop' || m.type === 'go') {
      if (m.type === 'stop') stop = true;
      go();
      return;
    }
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  const ask = (type: 'token' | 'refresh'): Promise<ToWorker> =>
    new Promise((resolve) => {
      const id = ++nextId;
      waiting.set(id, resolve);
      post({ type, id });
    });
  // The last token from the main thread is used at once (and a fresh one asked for in the
  // background): asking first made every prefetch wait for this thread's event loop, i.e. until
  // the page being applied was done, so the server only started on the next page then. A
  // lapsed token is answered 401 and refreshed by the transport as before.
  let token: string | null = null;
  let generation = 0;
  const askToken = async (): Promise<string | null> => {
    const asked = generation;
    const m = await ask('token');
    if (asked === generation) token = m.type === 'token' ? m.token : null;
    return token;
  };
  const tokens: TokenSource = {
    accessToken: () => {
      if (!token) return askToken();
      void askToken();
      return Promise.resolve(token);
    },
    refresh: async () => {
      generation++;
      token = null;
      const m = await ask('refresh');
      return m.type === 'refreshed' && m.ok;
    },
    staffId: () => null, // the transport never asks
  };

  let db: WriteDb;
  try {
    db = new Database(d.path, { fileMustExist: true });
    if (d.key) {
      const key = Buffer.from(d.key, 'hex');
      applyKey(db, key);
      rememberKey(db, key); // the checkpointer opens its own connection with it
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma(`cache_size = -${BULK_CACHE_KIB}`); // see bulkLoad
  } catch (err) {
    port.unref(); // never 'ready': the engine pulls on the main connection instead
    throw err;
  }
  post({ type: 'ready' });
  backgroundPriority();
  let last: FromWorker = { type: 'done', rows: 0, pages: 0, tables: [], waitMs: 0, schemaMs: 0 };
  try {
    const transport = new SyncTransport({
      url: d.serverUrl,
      anonKey: d.anonKey,
      tokens,
      timeoutMs: d.timeoutMs,
      onServerDate: (serverMs) => post({ type: 'date', serverMs }),
    });
    // The first page is on its way while the caller finishes its own writes; a small one, so the
    // worker starts applying early while the server builds the next (full) page.
    const cursor = getSyncState(db, d.serverUrl).cursor;
    const page = transport.pullCompact(cursor, Math.min(d.pageSize, FIRST_PAGE));
    page.catch(() => undefined); // observed by pullAll; never unhandled while waiting at the gate
    await gate;
    if (stop) return;
    const run = await pullAll({
      db,
      transport,
      serverUrl: d.serverUrl,
      now: () => new Date(Date.now() + d.clockOffsetMs),
      pageSize: d.pageSize,
      sliceMs: d.sliceMs,
      onPage: ({ rows, tables, reset }) => post({ type: 'page', rows, tables: [...tables], reset }),
      stopped: () => stop,
      first: { cursor, page },
      yieldTo: mainThread(new Int32Array(d.beat)),
      deferSchema: true,
      streams: FIRST_DOWNLOAD_STREAMS,
    });
    last = { type: 'done', rows: run.rows, pages: run.pages, tables: [...run.changedTables], waitMs: run.waitMs, schemaMs: run.schemaMs };
  } catch (err) {
    const t = err instanceof TransportError ? err : null;
    last = { type: 'error', message: (err as Error).message, kind: t?.kind ?? null, status: t?.status ?? null, code: t?.code ?? null };
  } finally {
    // Closed before the last message, which is sent whatever happens: the engine ends this
    // thread as soon as it has it.
    try {
      if (db.open) db.close();
    } finally {
      post(last);
      port.unref();
    }
  }
}

/** Reads the main thread's heartbeat (see BEAT_MS). */
function mainThread(beat: Int32Array): YieldTo {
  let seen = Atomics.load(beat, 0);
  let at = performance.now();
  const stalled = () => {
    const now = performance.now();
    const b = Atomics.load(beat, 0);
    if (b !== seen) {
      seen = b;
      at = now;
    }
    return now - at > STALLED_MS;
  };
  return {
    stalled,
    async resumed() {
      // At most ~100 ms: a main thread busy with its own work must not stop the download.
      for (let i = 0; i < 50 && stalled(); i++) await new Promise((r) => setTimeout(r, 2));
    },
  };
}

/**
 * Linux: lowers this thread's scheduling priority (setpriority on a thread id affects only that
 * thread, and threads it starts inherit it), so on a busy machine the main thread is scheduled
 * first. Elsewhere the worker keeps the normal priority.
 */
function backgroundPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (tid > 0 && tid !== process.pid) setPriority(tid, 5);
  } catch {
    // no /proc (Windows, macOS) or not permitted
  }
}

if (!isMainThread && (workerData as Partial<PullWorkerData> | null)?.clinicDeskPullWorker) {
  void runWorker(workerData as PullWorkerData);
}
