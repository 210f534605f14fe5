import type { ReadDb, WriteDb } from '../database.ts';
import { stmt } from '../statements.ts';

/** Per-server pull position and resync flags (local only). */
export interface SyncStateRow {
  server_url: string;
  cursor: string | null;
  epoch: string | null;
  resync: number;
  initial_done: number;
  last_pulled_at: string | null;
  last_pushed_at: string | null;
}

export function getSyncState(db: ReadDb, serverUrl: string): SyncStateRow {
  const row = stmt<SyncStateRow>(db, 'SELECT * FROM sync_state WHERE server_url = ?').get(serverUrl);
  return (
    row ?? {
      server_url: serverUrl,
      cursor: null,
      epoch: null,
      resync: 0,
      initial_done: 0,
      last_pulled_at: null,
      last_pushed_at: null,
    }
  );
}

export function saveSyncState(db: WriteDb, s: SyncStateRow): void {
  stmt(
    db,
    `INSERT INTO sync_state (server_url, cursor, epoch, resync, initial_done, last_pulled_at, last_pushed_at)
     VALUES (@server_url, @cursor, @epoch, @resync, @initial_done, @last_pulled_at, @last_pushed_at)
     ON CONFLICT(server_url) DO UPDATE SET cursor = excluded.cursor, epoch = excluded.epoch,
       resync = excluded.resync, initial_done = excluded.initial_done,
       last_pulled_at = excluded.last_pulled_at, last_pushed_at = excluded.last_pushed_at`,
  ).run(s);
}

export function markSeen(db: WriteDb, table: string, id: string): void {
  stmt(db, 'INSERT OR IGNORE INTO sync_resync_seen (table_name, row_id) VALUES (?, ?)').run(table, id);
}

export function clearSeen(db: WriteDb): void {
  stmt(db, 'DELETE FROM sync_resync_seen').run();
}

/** Acknowledged rows (version > 0) of `table` the server did not deliver during the resync. */
export function unseenAcknowledgedRows(db: ReadDb, table: string): Record<string, unknown>[] {
  return stmt<Record<string, unknown>>(
    db,
    `SELECT t.* FROM ${table} t
     WHERE t.version > 0
       AND NOT EXISTS (SELECT 1 FROM sync_resync_seen s WHERE s.table_name = '${table}' AND s.row_id = t.id)`,
  ).all();
}
