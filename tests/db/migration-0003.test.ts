import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/database.ts';
import { migrate } from '../../electron/db/schema/migrate.ts';
import { insertAttention, openAttention, openAttentionCount, resolveAttention } from '../../electron/db/repos/needs-attention.ts';
import { getSyncState, saveSyncState } from '../../electron/db/repos/sync-state.ts';

describe('SQL/migration 0003 sync state', () => {
  it('adds sync_state, needs_attention and sync_resync_seen to a version 2 database', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db, { upTo: 2 });
    const has = (name: string) => db.prepare(`SELECT 1 FROM sqlite_master WHERE name = ?`).get(name);
    expect(has('sync_state')).toBeUndefined();
    migrate(db, { upTo: 3 });
    for (const t of ['sync_state', 'needs_attention', 'sync_resync_seen']) expect(has(t)).toBeDefined();
  });

  it('keeps a cursor per server and lists only unresolved attention items', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db, { upTo: 3 });
    const s = getSyncState(db, 'http://a');
    expect(s.cursor).toBeNull();
    saveSyncState(db, { ...s, cursor: 'e:1:00000000-0000-0000-0000-000000000000:0', initial_done: 1 });
    expect(getSyncState(db, 'http://a').cursor).toMatch(/^e:1:/);
    expect(getSyncState(db, 'http://b').cursor).toBeNull();
    const base = {
      clinic_id: 'c', mutation_id: 'm', table_name: 'appointments', row_id: 'r', op: 'insert', attempts: '[]',
      actor_staff_id: null, attempted_at: 't', reason: 'overlap_doctor', message: 'taken', server_row: null,
      attempted_row: null, created_at: 't',
    };
    const id = insertAttention(db, base);
    insertAttention(db, { ...base, mutation_id: 'm2' });
    expect(openAttentionCount(db)).toBe(2);
    resolveAttention(db, id, 't2', 'dismiss');
    expect(openAttention(db).map((a) => a.mutation_id)).toEqual(['m2']);
    expect(() => db.prepare(`INSERT INTO sync_state (server_url, resync) VALUES ('x', 2)`).run()).toThrow(/CHECK/);
  });
});
