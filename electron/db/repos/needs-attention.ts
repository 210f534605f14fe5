import { uuidv7 } from '../../../shared/domain/ids.ts';
import type { ReadDb, WriteDb } from '../database.ts';
import { stmt } from '../statements.ts';

/** A local change the server refused, kept until staff resolve it. */
export interface AttentionRow {
  id: string;
  clinic_id: string;
  mutation_id: string;
  table_name: string;
  row_id: string;
  op: string;
  attempts: string;
  actor_staff_id: string | null;
  attempted_at: string;
  reason: string;
  message: string | null;
  server_row: string | null;
  attempted_row: string | null;
  created_at: string;
  resolved_at: string | null;
  resolution: string | null;
}

export type NewAttention = Omit<AttentionRow, 'id' | 'resolved_at' | 'resolution'>;

export function insertAttention(db: WriteDb, a: NewAttention): string {
  const id = uuidv7();
  stmt(
    db,
    `INSERT INTO needs_attention (id, clinic_id, mutation_id, table_name, row_id, op, attempts, actor_staff_id,
       attempted_at, reason, message, server_row, attempted_row, created_at)
     VALUES (@id, @clinic_id, @mutation_id, @table_name, @row_id, @op, @attempts, @actor_staff_id,
       @attempted_at, @reason, @message, @server_row, @attempted_row, @created_at)`,
  ).run({ ...a, id });
  return id;
}

export function openAttention(db: ReadDb): AttentionRow[] {
  return stmt<AttentionRow>(db, 'SELECT * FROM needs_attention WHERE resolved_at IS NULL ORDER BY created_at, id').all();
}

export function getAttention(db: ReadDb, id: string): AttentionRow | undefined {
  return stmt<AttentionRow>(db, 'SELECT * FROM needs_attention WHERE id = ?').get(id);
}

export function openAttentionCount(db: ReadDb): number {
  return stmt<{ n: number }>(db, 'SELECT count(*) AS n FROM needs_attention WHERE resolved_at IS NULL').get()!.n;
}

export function resolveAttention(db: WriteDb, id: string, at: string, resolution: string): void {
  stmt(db, 'UPDATE needs_attention SET resolved_at = ?, resolution = ? WHERE id = ?').run(at, resolution, id);
}
