/**
 * The sync engine: one loop that pushes the outbox, pulls server changes, verifies from time to
 * time that the desk really holds what the server holds, and keeps the status the UI shows.
 * Never runs two cycles at once; local commands keep working between its awaits.
 */
import type { SyncStatus } from '../../shared/domain/types.ts';
import type { ClinicEvents, EventName } from '../../shared/events.ts';
import type { WriteDb } from '../db/database.ts';
import { getSetting, setSetting } from '../db/repos/local-settings.ts';
import { openAttentionCount } from '../db/repos/needs-attention.ts';
import { outboxSummary } from '../db/repos/outbox.ts';
import { getSyncState, saveSyncState } from '../db/repos/sync-state.ts';
import { getLocalRow } from '../db/repos/sync-rows.ts';
import { applyBlocks, pullAll, type PullContext, type PullRun } from './pull.ts';
import { startWorkerPull, type WorkerPull } from './pull-worker.ts';
import { pushBatch } from './push.ts';
import { Scheduler } from './scheduler.ts';
import type { TokenSource } from './token-source.ts';
import { SyncTransport, TransportError } from './transport.ts';
import { compareWithServer } from './verify.ts';

export interface SyncEngineOptions {
  db: WriteDb;
  server: { url: string; anonKey: string };
  tokens: TokenSource;
  emit: <N extends EventName>(name: N, payload: ClinicEvents[N]) => void;
  now?: () => Date;
  deskId?: () => string | null;
  log?: (message: string, meta?: unknown) => void;
  pullIntervalMs?: number;
  debounceMs?: number;
  backoffMinMs?: number;
  backoffMaxMs?: number;
  /** How often the count/checksum comparison runs while idle. */
  verifyIntervalMs?: number;
  pushBatchSize?: number;
  pullPageSize?: number;
  sliceMs?: number;
  /**
   * Longest transaction of the pull's worker thread (default: a whole page). It commits early
   * whenever the main thread stops beating, e.g. while a local write waits for the lock.
   */
  workerSliceMs?: number;
  /** Pull on the main connection instead of a worker thread. */
  pullOnMainThread?: boolean;
  timeoutMs?: number;
  /** A request unanswered this long (ms) makes the status 'connecting', never "Synced" (default 3000). */
  stallMs?: number;
}

const CLOCK_WARN_MS = 5 * 60_000;
/**
 * Slices of the priority rows, applied on this thread while the pull worker boots and the server
 * builds the first page: with three busy threads on two cores a 20 ms slice took ~50 ms of wall
 * time (the bench's longest main-thread stall of a first sync).
 */
const PRIORITY_SLICE_MS = 6;

export class SyncEngine {
  private readonly db: WriteDb;
  private readonly now: () => Date;
  private readonly transport: SyncTransport;
  private readonly scheduler: Scheduler;
  private readonly o: SyncEngineOptions;
  private running = false;
  private loopDone: Promise<void> | null = null;
  private waiters: (() => void)[] = [];
  private failures = 0;
  private online = false;
  private signedIn = true;
  private busy = false;
  private lastError: string | null = null;
  private lastErrorKind: SyncStatus['lastErrorKind'] = null;
  private verified = false;
  private verifiedAt: string | null = null;
  private lastVerifyMs = 0;
  private mismatchStreak = 0;
  private clockOffsetMs: number | null = null;
  private progress: SyncStatus['progress'] = null;
  private lastEmitted = '';
  private priorityDone = false;
  private workerPull: WorkerPull | null = null;
  private lastLargePull: PullRun | null = null;
  private stallTimer: ReturnType<typeof setInterval> | null = null;

  constructor(o: SyncEngineOptions) {
    this.o = o;
    this.db = o.db;
    this.now = o.now ?? (() => new Date());
    this.transport = new SyncTransport({
      url: o.server.url,
      anonKey: o.server.anonKey,
      tokens: o.tokens,
      timeoutMs: o.timeoutMs ?? 15_000,
      onServerDate: (serverMs) => {
        this.clockOffsetMs = serverMs - this.now().getTime();
      },
      // The first answer after a sign-in (or an outage) clears "Sign in again" / "Offline" at once,
      // not only when the whole cycle (maybe a first download) has finished.
      onAnswered: () => this.answered(),
    });
    this.scheduler = new Scheduler({
      pullIntervalMs: o.pullIntervalMs ?? 500,
      debounceMs: o.debounceMs ?? 250,
      backoffMinMs: o.backoffMinMs ?? 500,
      backoffMaxMs: o.backoffMaxMs ?? 15_000,
    });
  }

  get serverUrl(): string {
    return this.o.server.url;
  }

  /** The last first download or resync that finished: rows, pages and where its time went. */
  largePullRun(): PullRun | null {
    return this.lastLargePull;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // A hung server answers nothing: look every second whether a request has waited too long.
    this.stallTimer = setInterval(() => {
      if (this.db.open) this.publish();
    }, 1000);
    this.stallTimer.unref?.();
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.stallTimer) clearInterval(this.stallTimer);
    this.stallTimer = null;
    this.scheduler.stop();
    await this.workerPull?.stop();
    await this.loopDone;
    for (const w of this.waiters.splice(0)) w();
  }

  /** A local write was committed: push soon. */
  localWrite(): void {
    this.verified = false;
    this.scheduler.written();
    this.publish();
  }

  /** Reconnect, "Sync now": run a full cycle now and answer the status after it. */
  syncNow(): Promise<SyncStatus> {
    this.lastVerifyMs = 0;
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    this.scheduler.wake();
    return done.then(() => this.status());
  }

  status(): SyncStatus {
    const outbox = outboxSummary(this.db);
    const state = getSyncState(this.db, this.o.server.url);
    const pending = outbox.pending;
    const offline = !this.online || !this.signedIn;
    // The server stopped answering: not "Synced" while we wait for it (a timeout then says offline).
    const waiting = this.transport.waitingMs();
    const stalled = !offline && waiting !== null && waiting > (this.o.stallMs ?? 3000);
    const mode: SyncStatus['mode'] = offline
      ? 'offline'
      : stalled
        ? 'connecting'
        : this.busy && (pending > 0 || this.progress)
          ? 'syncing'
          : 'online';
    const skew = this.clockOffsetMs;
    return {
      mode,
      pendingChanges: outbox.pendingChanges,
      oldestPendingAt: outbox.oldestPendingAt,
      lastSyncedAt: state.last_pulled_at,
      needsAttention: openAttentionCount(this.db),
      lastError: this.lastError,
      lastErrorKind: this.lastErrorKind,
      serverUrl: this.o.server.url,
      online: this.online,
      signedIn: this.signedIn,
      verified: this.verified && pending === 0 && !offline && !stalled,
      verifiedAt: this.verifiedAt,
      progress: this.progress,
      clockWarning:
        skew !== null && Math.abs(skew) > CLOCK_WARN_MS
          ? `This computer's clock is ${describe(skew)} the server's: times typed here may be wrong.`
          : null,
      // offset = server - local, so local - server is its negative.
      clockSkewMs: skew !== null && Math.abs(skew) > CLOCK_WARN_MS ? -skew : null,
    };
  }

  private answered(): void {
    if (this.online && this.signedIn && this.lastErrorKind === null) return;
    this.online = true;
    this.signedIn = true;
    this.lastError = null;
    this.lastErrorKind = null;
    if (this.db.open) this.publish();
  }

  private publish(): void {
    const s = this.status();
    const key = JSON.stringify(s);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.o.emit('sync.status', s);
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const waiters = this.waiters.splice(0);
      try {
        await this.cycle();
        this.failures = 0;
        this.online = true;
        this.signedIn = true;
        this.lastError = null;
        this.lastErrorKind = null;
        this.o.tokens.accepted?.();
      } catch (err) {
        this.failures++;
        this.verified = false;
        this.busy = false;
        this.progress = null;
        if (err instanceof TransportError) {
          if (err.kind === 'offline') this.online = false;
          if (err.kind === 'auth') this.signedIn = false;
          else if (err.kind === 'bad_request') this.online = true;
          this.lastError = err.message;
          this.lastErrorKind = err.kind === 'offline' || err.kind === 'auth' || err.kind === 'bad_request' ? err.kind : 'failed';
        } else {
          this.lastError = `Sync failed: ${(err as Error).message}`;
          this.lastErrorKind = 'failed';
          this.o.log?.('sync cycle failed', err);
        }
      }
      this.busy = false;
      if (this.db.open) this.publish();
      for (const w of waiters) w();
      if (!this.running) break;
      await this.scheduler.sleep(this.scheduler.delay(this.failures));
    }
  }

  private async cycle(): Promise<void> {
    if (!this.db.open) {
      this.running = false;
      return;
    }
    this.busy = true;
    // Push first: the pull that follows then already carries this desk's own writes.
    await this.pushAll();
    const state = getSyncState(this.db, this.o.server.url);
    if (!state.initial_done || state.resync) this.startProgress(state.resync ? 'resync' : 'initial');
    // The first download and a resync run in a worker thread; the small pulls of a desk in sync
    // stay on this connection (a thread per 500 ms cycle would cost more than it saves). The
    // worker boots and fetches its first page while the priority rows are applied here.
    const large = !state.initial_done || state.resync === 1;
    const worker = large ? this.startWorker() : null;
    try {
      if (!state.initial_done && !state.cursor && !state.resync && !this.priorityDone) await this.priorityFirst();
    } catch (err) {
      await worker?.stop();
      throw err;
    }
    await this.pull(worker, large, (info) => {
      if (!this.db.open) return; // the app closed while a worker page was on its way
      if (info.reset) {
        this.verified = false;
        this.startProgress('resync');
      }
      if (info.rows > 0) this.verified = false;
      this.advanceProgress(info.rows);
      if (info.tables.size > 0) this.o.emit('data.changed', { tables: [...info.tables] });
      this.publish();
    });
    this.progress = null;
    this.adoptSession();
    // A resync may have queued rows again; changes written during the pull go out now too.
    await this.pushAll();
    this.busy = false;
    await this.maybeVerify();
  }

  /** A pull in a worker thread with its own connection, held at its gate until `pull` lets it apply. */
  private startWorker(): WorkerPull | null {
    if (this.o.pullOnMainThread) return null;
    return startWorkerPull({
      db: this.db,
      tokens: this.o.tokens,
      server: this.o.server,
      // Two streams of 5,000 rows (the worker starts with one small page): as fast as 10,000 and
      // half the pages waiting in memory (host RSS after a 200k first sync 248-257 MB -> 138-225).
      pageSize: this.o.pullPageSize ?? 5_000,
      sliceMs: this.o.workerSliceMs ?? this.o.sliceMs ?? 1000,
      timeoutMs: this.o.timeoutMs ?? 15_000,
      clockOffsetMs: this.now().getTime() - Date.now(),
      onServerDate: (serverMs) => {
        this.clockOffsetMs = serverMs - this.now().getTime();
      },
      onPage: (info) => this.onWorkerPage?.(info),
    });
  }

  private onWorkerPage: PullContext['onPage'] | null = null;

  /** Pulls with `worker` when it started; on the main connection otherwise. */
  private async pull(worker: WorkerPull | null, large: boolean, onPage: PullContext['onPage']): Promise<void> {
    const pageSize = this.o.pullPageSize ?? 5000;
    if (worker && (await worker.started)) {
      if (!this.running || !this.db.open) {
        await worker.stop(); // stopped while the worker was booting: it never applies
        return;
      }
      this.workerPull = worker;
      this.onWorkerPage = onPage;
      worker.go();
      // The worker's checkpointer folds the WAL back; a local write must not run a big checkpoint here.
      this.db.pragma('wal_autocheckpoint = 0');
      try {
        this.lastLargePull = await worker.done;
      } finally {
        this.workerPull = null;
        this.onWorkerPage = null;
        if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
      }
      return;
    }
    if (!this.db.open || !this.running) return;
    const run = await pullAll({
      db: this.db,
      transport: this.transport,
      serverUrl: this.o.server.url,
      now: this.now,
      pageSize,
      sliceMs: this.o.sliceMs ?? 20,
      onPage,
    });
    if (large) this.lastLargePull = run;
  }

  /**
   * First sync: today's schedule and the reference data it needs, before the full download, so
   * the desk is usable within seconds. The full pull delivers these rows again (idempotent).
   */
  private async priorityFirst(): Promise<void> {
    const first = await this.transport.priority();
    const tables = new Set<string>();
    await applyBlocks({ db: this.db, now: this.now, sliceMs: PRIORITY_SLICE_MS }, first.tables, { resync: false }, null, tables);
    this.priorityDone = true;
    this.adoptSession();
    if (tables.size > 0) this.o.emit('data.changed', { tables: [...tables] });
    this.publish();
  }

  private async pushAll(): Promise<void> {
    for (;;) {
      if (!this.db.open) return;
      const round = await pushBatch({
        db: this.db,
        transport: this.transport,
        serverUrl: this.o.server.url,
        deskId: this.o.deskId ?? (() => getSetting(this.db, 'desk_id')),
        now: this.now,
        batchSize: this.o.pushBatchSize ?? 1000,
      });
      if (!round) return;
      if (round.changedTables.size > 0) this.o.emit('data.changed', { tables: [...round.changedTables] });
      this.publish();
    }
  }

  private async maybeVerify(): Promise<void> {
    const every = this.o.verifyIntervalMs ?? 30_000;
    if (Date.now() - this.lastVerifyMs < every && this.verified) return;
    if (Date.now() - this.lastVerifyMs < every && this.lastVerifyMs !== 0) return;
    if (outboxSummary(this.db).pending > 0) return;
    this.lastVerifyMs = Date.now();
    const server = await this.transport.checksums();
    const result = await compareWithServer(this.db, server);
    const stillQuiet = outboxSummary(this.db).pending === 0;
    this.verified = result.ok && stillQuiet;
    if (this.verified) {
      this.verifiedAt = this.now().toISOString();
      this.mismatchStreak = 0;
      return;
    }
    if (!result.ok) {
      this.o.log?.('sync verify mismatch', result.mismatches);
      this.lastVerifyMs = 0; // check again after the next pull
      if (++this.mismatchStreak >= 3) {
        // Still different after several pulls: download everything again (local work is kept).
        this.mismatchStreak = 0;
        const state = getSyncState(this.db, this.o.server.url);
        saveSyncState(this.db, { ...state, cursor: null, resync: 1 });
        this.scheduler.wake();
      }
    }
  }

  private startedAt = 0;
  private startProgress(phase: 'initial' | 'resync'): void {
    this.startedAt = performance.now();
    this.progress = { phase, rows: 0, total: null, percent: null, secondsLeft: null };
    this.publish();
    // The total arrives while the first pages download (never delay the pull for it).
    this.transport.counts().then(
      (counts) => {
        if (this.progress) this.progress = { ...this.progress, total: Object.values(counts).reduce((n, c) => n + Number(c), 0) };
      },
      () => undefined, // progress without a total is still progress
    );
  }

  private advanceProgress(rows: number): void {
    const p = this.progress;
    if (!p) return;
    const done = p.rows + rows;
    const total = p.total;
    const elapsed = (performance.now() - this.startedAt) / 1000;
    const percent = total ? Math.min(100, Math.round((done / total) * 100)) : null;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const secondsLeft = total && rate > 0 ? Math.max(0, Math.round((total - done) / rate)) : null;
    this.progress = { ...p, rows: done, percent, secondsLeft };
  }

  /** After the first pull, work as the signed-in staff member in their clinic. */
  private adoptSession(): void {
    const staffId = this.o.tokens.staffId();
    if (!staffId) return;
    const staff = getLocalRow(this.db, 'staff', staffId);
    if (!staff) return;
    if (getSetting(this.db, 'current_clinic_id') !== staff.clinic_id) setSetting(this.db, 'current_clinic_id', staff.clinic_id as string);
    if (getSetting(this.db, 'current_staff_id') !== staffId) setSetting(this.db, 'current_staff_id', staffId);
  }
}

function describe(ms: number): string {
  const mins = Math.round(Math.abs(ms) / 60_000);
  const text = mins >= 120 ? `${Math.round(mins / 60)} hours` : `${mins} minutes`;
  // offset = server - local: positive means the local clock is behind.
  return ms > 0 ? `${text} behind` : `${text} ahead of`;
}
