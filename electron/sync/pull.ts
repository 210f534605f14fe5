/**
 * Pull: pages of server changes applied in short local transactions. The next page is fetched
 * while the current one is applied; each page is cut into chunks of a few milliseconds with a
 * turn of the event loop between them, so the main process never stalls for long. The cursor is
 * saved in the same transaction as the page's last chunk: a crash re-pulls at most one page, and
 * applying is idempotent. A first download or resync runs this in a worker thread with its own
 * connection (pull-worker.ts); the small pulls of a desk in sync run it on the main connection.
 * A first download also leaves some secondary indexes out until its last page (deferred-indexes.ts).
 */
import { SYNCED_TABLES } from '../../shared/sync-tables.ts';
import type { WriteDb } from '../db/database.ts';
import { clearSeen, getSyncState, saveSyncState, unseenAcknowledgedRows } from '../db/repos/sync-state.ts';
import { pendingMutationsOfRow, pendingRowKeys } from '../db/repos/sync-outbox.ts';
import { bulkLoad, resetVersion } from '../db/repos/sync-rows.ts';
import { type Checkpointer, startCheckpointer } from '../db/repos/sync-checkpointer.ts';
import { deferForFirstDownload, restoreDeferred } from '../db/schema/deferred-indexes.ts';
import { requeueLostRows } from '../db/write/sync-requeue.ts';
import { inSyncTransaction } from '../db/write/sync-transaction.ts';
import { applyBlockRows } from './apply.ts';
import type { CompactPage, PageBlock, SyncTransport } from './transport.ts';

export interface PullContext {
  db: WriteDb;
  transport: SyncTransport;
  serverUrl: string;
  now: () => Date;
  pageSize: number;
  /** Longest a single apply transaction may run before yielding, in ms. */
  sliceMs: number;
  onPage(info: { rows: number; tables: Set<string>; reset: boolean }): void;
  /** Asked between pages: true ends the pull early (the cursor of every applied page is saved). */
  stopped?: () => boolean;
  /** A first page already requested from `cursor`; used when the saved cursor is still that one. */
  first?: { cursor: string | null; page: Promise<CompactPage> };
  /** Another thread that may be waiting for the write lock (pull-worker.ts): end the slice early. */
  yieldTo?: YieldTo;
  /**
   * A first download of more than one page leaves FIRST_SYNC_DEFERRED_INDEXES and the recall-facts
   * triggers out, and brings them back (rebuilding the facts) before its last page (the sync
   * worker; on the main connection the builds would stall the UI).
   */
  deferSchema?: boolean;
  /** A first download fetches its pages in this many streams at once (default 1). */
  streams?: number;
}

export interface YieldTo {
  /** True when that thread looks blocked, perhaps on this connection's write lock. */
  stalled(): boolean;
  /** Resolves once it runs again (or after a short grace period). */
  resumed(): Promise<void>;
}

export interface PullRun {
  rows: number;
  pages: number;
  changedTables: Set<string>;
  /**
   * Where the time went: waiting for pages (the server building them, the transfer, the JSON
   * parse) and rebuilding the indexes and triggers a first download deferred. The rest applied rows.
   */
  waitMs: number;
  schemaMs: number;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const PREFETCH_SEND_MS = 10;

interface LargeDownload {
  /** More than one page is coming: a larger page cache and checkpoints off this thread. */
  bulk(): void;
  /** The first download of this desk has more than one page: indexes and triggers wait until its end. */
  deferSchema(): void;
  /** Builds the deferred indexes and triggers (before the last page, whose transaction ends the download). */
  restoreSchema(): Promise<void>;
}

export async function pullAll(ctx: PullContext): Promise<PullRun> {
  let endBulk: (() => void) | null = null;
  let deferred = false;
  let checkpointer: Checkpointer | null = null;
  let schemaMs = 0;
  const restoreSchema = async () => {
    if (!deferred) return;
    const started = performance.now();
    await restoreDeferred(ctx.db, () => between(ctx));
    schemaMs += performance.now() - started;
    deferred = false;
  };
  try {
    const run = await pullPages(ctx, {
      bulk() {
        if (endBulk) return;
        endBulk = bulkLoad(ctx.db);
        checkpointer = startCheckpointer(ctx.db);
      },
      deferSchema() {
        if (!ctx.deferSchema || deferred) return;
        deferred = deferForFirstDownload(ctx.db) > 0;
      },
      restoreSchema,
    });
    run.waitMs = Math.round(run.waitMs);
    run.schemaMs = Math.round(schemaMs);
    return run;
  } finally {
    // Cut off (offline, stopped, an error): the desk works on with what it has, so the indexes
    // come back now. If the process dies first, the next start builds them (migrate.ts).
    if (ctx.db.open) await restoreSchema();
    if (ctx.db.open) (endBulk as (() => void) | null)?.();
    await (checkpointer as Checkpointer | null)?.stop();
  }
}

async function pullPages(ctx: PullContext, large: LargeDownload): Promise<PullRun> {
  const run: PullRun = { rows: 0, pages: 0, changedTables: new Set(), waitMs: 0, schemaMs: 0 };
  let state = getSyncState(ctx.db, ctx.serverUrl);
  let next: Promise<CompactPage> | null = ctx.first && ctx.first.cursor === state.cursor ? ctx.first.page : null;
  for (;;) {
    const asked = performance.now();
    const page: CompactPage = await (next ?? ctx.transport.pullCompact(state.cursor, ctx.pageSize));
    run.waitMs += performance.now() - asked;
    next = null;
    if (page.reset) {
      // The server was restored (new epoch): resync everything from its new start, keeping local work.
      inSyncTransaction(ctx.db, () => {
        clearSeen(ctx.db);
        state = { ...getSyncState(ctx.db, ctx.serverUrl), cursor: page.cursor, epoch: epochOf(page.cursor), resync: 1 };
        saveSyncState(ctx.db, state);
      });
      ctx.onPage({ rows: 0, tables: new Set(), reset: true });
      continue;
    }
    const firstDownload = state.initial_done === 0 && state.resync === 0;
    let streams: Stream[] | null = null;
    if (page.has_more) {
      large.bulk();
      if (firstDownload) large.deferSchema();
      if (firstDownload && (ctx.streams ?? 1) > 1) {
        streams = openStreams(ctx, page.cursor, ctx.streams!);
      } else {
        next = ctx.transport.pullCompact(page.cursor, ctx.pageSize);
        next.catch(() => undefined); // observed when awaited; avoid an unhandled rejection meanwhile
      }
      // Let the request leave before this page's transactions (a page is one transaction when
      // nothing else wants the lock): the server builds the next page meanwhile. One turn of the
      // event loop was not enough for fetch to write it (measured: the worker still waited for
      // ~40% of a 200k-row download); a short timer is.
      await sleep(PREFETCH_SEND_MS);
    }
    if (!page.has_more) await large.restoreSchema();
    await applyPage(ctx, run, page, { cursor: page.cursor, last: !page.has_more });
    if (!page.has_more) return run;
    await between(ctx);
    if (ctx.stopped?.()) return run;
    if (streams) {
      if (await pullStreams(ctx, large, run, streams)) return run;
      // The server was restored meanwhile: the walk starts over from the saved cursor (reset above).
      state = getSyncState(ctx.db, ctx.serverUrl);
    }
  }
}

/**
 * Applies one page; the cursor saved in its last transaction is `cursor`. The `last` page of a
 * pull also marks the first download or resync done.
 */
async function applyPage(
  ctx: PullContext,
  run: PullRun,
  page: CompactPage,
  o: { cursor: string; last: boolean },
): Promise<void> {
  const resync = getSyncState(ctx.db, ctx.serverUrl).resync === 1;
  const tables = new Set<string>();
  const rows = await applyBlocks(ctx, page.tables, { resync }, (at) => {
    const state = { ...getSyncState(ctx.db, ctx.serverUrl), cursor: o.cursor, epoch: epochOf(o.cursor), last_pulled_at: at };
    if (o.last) {
      if (state.resync === 1) finishResync(ctx.db, at);
      state.resync = 0;
      state.initial_done = 1;
    }
    saveSyncState(ctx.db, state);
  }, tables);
  run.rows += rows;
  run.pages++;
  for (const t of tables) run.changedTables.add(t);
  ctx.onPage({ rows, tables, reset: false });
}

/**
 * A first download in `parts` streams at once (the server builds two pages on two cores while
 * this thread applies a third). Each stream walks the rows of its part of the ids with its own
 * cursor (server migration 20261205000001); pages are applied one at a time, as they arrive.
 * The cursor saved with each page is the smallest of the streams' applied cursors, so a crash or
 * a stop resumes where no stream has gone yet, and the rows re-delivered are ignored by version.
 */
interface Stream {
  part: number;
  /** Cursor of this stream's last applied page. */
  applied: string;
  /** The page on its way; null once the stream's last page is in. */
  request: Promise<{ stream: Stream; page: CompactPage }> | null;
}

function openStreams(ctx: PullContext, from: string, parts: number): Stream[] {
  const streams = Array.from({ length: parts }, (_, part): Stream => ({ part, applied: from, request: null }));
  for (const s of streams) fetchInto(ctx, s, from, parts);
  return streams;
}

function fetchInto(ctx: PullContext, stream: Stream, cursor: string, parts: number): void {
  stream.request = ctx.transport
    .pullCompact(cursor, ctx.pageSize, { part: stream.part, parts })
    .then((page) => ({ stream, page }));
  stream.request.catch(() => undefined); // observed by the race; a loser must not go unhandled
}

/** Answers true when the download is done or stopped, false when the server asked for a reset. */
async function pullStreams(ctx: PullContext, large: LargeDownload, run: PullRun, streams: Stream[]): Promise<boolean> {
  for (;;) {
    const asked = performance.now();
    const { stream, page } = await Promise.race(streams.flatMap((s) => (s.request ? [s.request] : [])));
    run.waitMs += performance.now() - asked;
    stream.request = null;
    if (page.reset) return false;
    if (page.has_more) {
      fetchInto(ctx, stream, page.cursor, streams.length);
      await sleep(PREFETCH_SEND_MS);
    }
    // Only one page is applied at a time, so every other stream without a request has finished.
    const last = !page.has_more && streams.every((s) => s.request === null);
    if (last) await large.restoreSchema();
    const cursor = smallestCursor(streams.map((s) => (s === stream ? page.cursor : s.applied)));
    await applyPage(ctx, run, page, { cursor, last });
    stream.applied = page.cursor;
    if (last) return true;
    await between(ctx);
    if (ctx.stopped?.()) return true;
  }
}

/** Cursors are `epoch:xid:id:pos`, ordered by (xid, id, pos) as the server walks them. */
export function smallestCursor(cursors: string[]): string {
  const key = (c: string) => {
    const [, xid = '0', id = '', pos = '0'] = c.split(':');
    return { xid: BigInt(xid), id, pos: Number(pos) };
  };
  return cursors.reduce((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x.xid !== y.xid) return x.xid < y.xid ? a : b;
    if (x.id !== y.id) return x.id < y.id ? a : b;
    return x.pos <= y.pos ? a : b;
  });
}

/**
 * Applies blocks of rows in slices of about `sliceMs`, each slice one transaction; `finish`
 * runs in the transaction of the last slice (it saves the cursor). Answers the rows applied.
 */
export async function applyBlocks(
  ctx: Pick<PullContext, 'db' | 'now' | 'sliceMs' | 'yieldTo'>,
  blocks: PageBlock[],
  o: { resync: boolean },
  finish: ((at: string) => void) | null,
  tables: Set<string>,
): Promise<number> {
  let b = 0;
  let r = 0;
  let total = 0;
  for (;;) {
    const started = performance.now();
    const stop = () => performance.now() - started > ctx.sliceMs || (ctx.yieldTo?.stalled() ?? false);
    const done = inSyncTransaction(
      ctx.db,
      () => {
        const at = ctx.now().toISOString();
        const pending = pendingRowKeys(ctx.db);
        while (b < blocks.length) {
          const block = blocks[b]!;
          if (r < block.rows.length) {
            tables.add(block.table);
            const end = applyBlockRows(ctx.db, block, r, { resync: o.resync, at, pending, stop });
            total += end - r;
            r = end;
          }
          if (r < block.rows.length) return false;
          b++;
          r = 0;
          if (stop()) return b >= blocks.length && finishIn(finish, at);
        }
        return finishIn(finish, at);
      },
      { relaxed: true },
    );
    if (done) return total;
    await between(ctx);
  }
}

/** Between two transactions: a turn of the event loop, or the blocked thread's turn at the lock. */
function between(ctx: Pick<PullContext, 'yieldTo'>): Promise<void> {
  return ctx.yieldTo?.stalled() ? ctx.yieldTo.resumed() : turn();
}

function finishIn(finish: ((at: string) => void) | null, at: string): true {
  finish?.(at);
  return true;
}

function epochOf(cursor: string): string {
  return cursor.split(':')[0] ?? '';
}

/**
 * End of a resync: acknowledged rows the restored server did not deliver were lost by the
 * restore. They are queued again as inserts (parents first, ahead of every pending change that
 * may refer to them), so nothing this desk knew is lost.
 */
function finishResync(db: WriteDb, at: string): void {
  const lost: { table: string; row: Record<string, unknown> }[] = [];
  for (const t of SYNCED_TABLES) {
    for (const row of unseenAcknowledgedRows(db, t.name)) {
      if (row.deleted_at) continue;
      if (pendingMutationsOfRow(db, t.name, row.id as string).some((m) => m.op === 'insert')) continue;
      lost.push({ table: t.name, row });
    }
  }
  clearSeen(db);
  if (lost.length === 0) return;
  for (const { table, row } of lost) resetVersion(db, table, row.id as string);
  requeueLostRows(db, lost, at);
}
