/**
 * A damaged local database on a desk that syncs: nothing typed may be lost, and the desk must
 * work again. What can still be read of the unsynced changes is exported to a file first
 * (sealed under the database key like every backup; plain JSON for a plain database), the
 * damaged file is kept beside it, and the opening (open-desk-database.ts) then opens a new
 * database, queues those changes again, and the sync engine downloads the clinic.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupsDir, exportUnsyncedChanges } from '../backup/backup.ts';
import type { WriteDb } from '../db/database.ts';
import { readOutbox, withSalvageCopy } from '../db/repos/sync-rescue.ts';
import type { OutboxRow } from '../db/repos/sync-outbox.ts';
import { requeueKept } from '../db/write/sync-requeue.ts';

export interface RecoveryNotice {
  message: string;
  /** The unsynced changes that could be read, as a file; null when nothing could be read. */
  exportFile: string | null;
  /** Where the damaged database file was kept. */
  keptFile: string;
  /** Unsynced changes found in the damaged file. */
  changes: number;
}

export interface Rescue {
  notice: RecoveryNotice;
  outbox: OutboxRow[];
}

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

export function rescueDamagedDatabase(o: { dataDir: string; dbPath: string; key: Buffer | null; now: Date; appVersion: string; reason: string }): Rescue {
  const dir = backupsDir(o.dataDir);
  const read = withSalvageCopy(o.dbPath, o.key, (db) => {
    const outbox = readOutbox(db) as unknown as OutboxRow[];
    const file = o.key ? exportUnsyncedChanges(db, dir, { now: o.now, appVersion: o.appVersion, key: o.key }).file : null;
    return { outbox, file };
  });
  let exportFile = read?.file ?? null;
  if (read && !o.key) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    exportFile = join(dir, `${stamp(o.now)}.unsynced.json`);
    writeFileSync(exportFile, JSON.stringify({ createdAt: o.now.toISOString(), reason: o.reason, outbox: read.outbox }, null, 1), { mode: 0o600 });
  }
  const keptFile = `${o.dbPath}.damaged-${stamp(o.now)}`;
  renameSync(o.dbPath, keptFile);
  for (const side of ['-wal', '-shm']) if (existsSync(o.dbPath + side)) renameSync(o.dbPath + side, keptFile + side);
  const outbox = read?.outbox ?? [];
  const pending = outbox.filter((m) => m.status !== 'parked').length;
  const message = read
    ? `The clinic database on this computer was damaged (${o.reason}). Its ${outbox.length} unsynced change(s) were saved to ${exportFile}` +
      `${pending > 0 ? ` and ${pending} will be sent to the server again` : ''}; the clinic is being downloaded again from the server. ` +
      `The damaged file was kept as ${keptFile}.`
    : `The clinic database on this computer was damaged and could not be read (${o.reason}); unsynced changes in it could not be saved. ` +
      `The clinic is being downloaded again from the server. The damaged file was kept as ${keptFile}.`;
  return { notice: { message, exportFile, keptFile, changes: outbox.length }, outbox };
}

/** Queues the rescued pending changes again in the new database, in their order, same ids (replays are idempotent). */
export function requeueRescued(db: WriteDb, outbox: OutboxRow[]): void {
  db.transaction(() => requeueKept(db, outbox.filter((m) => m.status !== 'parked')))();
}
