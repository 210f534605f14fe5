/**
 * "Synced" is said only when it is true: per table, the count and (id, version) checksum of this
 * desk's acknowledged rows must equal the server's (sync_checksums()). Computed in small chunks
 * with a turn of the event loop between them.
 */
import { SYNCED_TABLES } from '../../shared/sync-tables.ts';
import type { ReadDb } from '../db/database.ts';
import { type TableChecksum, checksumTable } from '../db/repos/sync-rows.ts';
import type { ServerChecksums } from './transport.ts';

export interface VerifyResult {
  ok: boolean;
  /** Tables whose count or checksum differ, with both sides. */
  mismatches: { table: string; local: TableChecksum; server: TableChecksum | null }[];
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function localChecksums(db: ReadDb, chunk = 2000): Promise<Record<string, TableChecksum>> {
  const out: Record<string, TableChecksum> = {};
  for (const t of SYNCED_TABLES) {
    const gen = checksumTable(db, t.name, chunk);
    for (;;) {
      const step = gen.next();
      if (step.done) {
        out[t.name] = step.value;
        break;
      }
      await turn();
    }
  }
  return out;
}

export async function compareWithServer(db: ReadDb, server: ServerChecksums): Promise<VerifyResult> {
  const local = await localChecksums(db);
  const mismatches: VerifyResult['mismatches'] = [];
  for (const t of SYNCED_TABLES) {
    const s = server[t.name] ? { count: Number(server[t.name]!.count), checksum: Number(server[t.name]!.checksum) } : null;
    const l = local[t.name]!;
    if (!s || s.count !== l.count || s.checksum !== l.checksum) mismatches.push({ table: t.name, local: l, server: s });
  }
  return { ok: mismatches.length === 0, mismatches };
}
