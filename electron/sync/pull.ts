/**
 * Pull: pages of server changes applied in short local transactions. The next page is fetched
 * while the current one is applied; each page is cut into chunks of a few milliseconds with a
 * turn of the event loop between them, so the main process never stalls for long. The cursor is
 * saved in the same transaction as the page's last chunk: a crash re-pulls at most one page, and
 * applying is idempotent.
 */
import { SYNCED_TABLES } from '../../shared/sync-tables.ts';
import { uuidv7 } from '../../shared/domain/ids.ts';
import type { WriteDb } from '../db/database.ts';
import { stmt } from '../db/statements.ts';
import { clearSeen, getSyncState, saveSyncState, unseenAcknowledgedRows } from '../db/repos/sync-state.ts';
import { insertOutboxRow, pendingMutationsOfRow } from '../db/repos/sync-outbox.ts';
import { resetVersion } from '../db/repos/sync-rows.ts';
import { applyServerRow, inSyncTransaction } from './apply.ts';
import type { PullPage, SyncTransport } from './transport.ts';

export interface PullContext {
  db: WriteDb;
  transport: SyncTransport;
  serverUrl: string;
  now: () => Date;
  pageSize: number;
  /** Longest a single apply transaction may run before yielding, in ms. */
  sliceMs: number;
  onPage(info: { rows: number; tables: Set<string>; reset: boolean }): void;
}

export interface PullRun {
  rows: number;
  pages: number;
  changedTables: Set<string>;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function pullAll(ctx: PullContext): Promise<PullRun> {
  const run: PullRun = { rows: 0, pages: 0, changedTables: new Set() };
  let state = getSyncState(ctx.db, ctx.serverUrl);
  let next: Promise<PullPage> | null = null;
  for (;;) {
    const page: PullPage = await (next ?? ctx.transport.pull(state.cursor, ctx.pageSize));
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
    if (page.has_more) {
      next = ctx.transport.pull(page.cursor, ctx.pageSize);
      next.catch(() => undefined); // observed when awaited; avoid an unhandled rejection meanwhile
    }
    const resync = state.resync === 1;
    const tables = new Set<string>();
    let i = 0;
    do {
      const started = performance.now();
      const last = inSyncTransaction(ctx.db, () => {
        const at = ctx.now().toISOString();
        while (i < page.rows.length) {
          const { table, row } = page.rows[i++]!;
          applyServerRow(ctx.db, table, row, { resync, at });
          tables.add(table);
          if ((i & 63) === 0 && performance.now() - started > ctx.sliceMs) break;
        }
        if (i < page.rows.length) return false;
        state = {
          ...getSyncState(ctx.db, ctx.serverUrl),
          cursor: page.cursor,
          epoch: epochOf(page.cursor),
          last_pulled_at: at,
        };
        if (!page.has_more) {
          if (state.resync === 1) finishResync(ctx.db, at);
          state.resync = 0;
          state.initial_done = 1;
        }
        saveSyncState(ctx.db, state);
        return true;
      });
      if (!last) await turn();
    } while (i < page.rows.length);
    run.rows += page.rows.length;
    run.pages++;
    for (const t of tables) run.changedTables.add(t);
    ctx.onPage({ rows: page.rows.length, tables, reset: false });
    if (!page.has_more) return run;
    await turn();
  }
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
  const min = stmt<{ m: number | null }>(db, 'SELECT min(seq) AS m FROM outbox').get()!.m ?? 1;
  let seq = min - lost.length - 1;
  for (const { table, row } of lost) {
    resetVersion(db, table, row.id as string);
    const { version: _v, updated_at: _u, deleted_at: _d, ...changes } = row;
    insertOutboxRow(db, {
      id: uuidv7(),
      clinic_id: row.clinic_id as string,
      table_name: table,
      row_id: row.id as string,
      op: 'insert',
      changes: JSON.stringify(changes),
      base_version: 0,
      actor_staff_id: null,
      created_at: at,
    });
    stmt(db, 'UPDATE outbox SET seq = ? WHERE seq = (SELECT max(seq) FROM outbox)').run(seq++);
  }
}
