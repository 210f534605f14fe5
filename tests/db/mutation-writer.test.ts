import { beforeEach, describe, expect, it } from 'vitest';
import type { WriteDb } from '../../electron/db/database.ts';
import { type WriteContext, writeTransaction } from '../../electron/db/write/mutation-writer.ts';
import { FX, count, freshDb, seedFixture } from './fixtures.ts';

describe('SQL/writeTransaction', () => {
  let db: WriteDb;
  let ctx: WriteContext;
  beforeEach(() => {
    db = freshDb();
    seedFixture(db);
    ctx = { db, clinicId: FX.clinic, actorStaffId: FX.staff, deskId: 'desk-1', now: () => new Date('2026-11-23T10:00:00Z') };
  });

  it('writes the row, one audit row and an outbox mutation per row in one transaction', () => {
    const result = writeTransaction(ctx, 'rooms.create', (w) => w.insert('rooms', { name: 'Room 2' }));
    const room = db.prepare('SELECT * FROM rooms WHERE id = ?').get(result.value.id) as Record<string, unknown>;
    expect(room).toMatchObject({ name: 'Room 2', clinic_id: FX.clinic, version: 0, updated_at: '2026-11-23T10:00:00.000Z' });
    const audit = db.prepare('SELECT * FROM audit_log').all() as Record<string, unknown>[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'rooms.create', actor_staff_id: FX.staff, desk_id: 'desk-1', row_id: room.id });
    const outbox = db.prepare('SELECT table_name, row_id, op, base_version FROM outbox ORDER BY seq').all();
    expect(outbox).toEqual([
      { table_name: 'rooms', row_id: room.id, op: 'insert', base_version: 0 },
      { table_name: 'audit_log', row_id: audit[0]!.id, op: 'insert', base_version: 0 },
    ]);
    expect(result.changedTables.sort()).toEqual(['audit_log', 'rooms']);
  });

  it('records the base version and only the changed columns on update', () => {
    db.prepare('UPDATE appointments SET version = 7 WHERE id = ?').run(FX.appt);
    writeTransaction(ctx, 'appointments.confirm', (w) => w.update('appointments', FX.appt, { status: 'confirmed' }));
    const m = db.prepare(`SELECT op, changes, base_version FROM outbox WHERE table_name = 'appointments'`).get() as {
      op: string;
      changes: string;
      base_version: number;
    };
    expect(m).toEqual({ op: 'update', changes: JSON.stringify({ status: 'confirmed' }), base_version: 7 });
  });

  it('soft-deletes with a tombstone instead of removing the row', () => {
    writeTransaction(ctx, 'rooms.delete', (w) => w.softDelete('rooms', FX.room));
    const row = db.prepare('SELECT deleted_at FROM rooms WHERE id = ?').get(FX.room) as { deleted_at: string };
    expect(row.deleted_at).toBe('2026-11-23T10:00:00.000Z');
    expect(db.prepare(`SELECT op FROM outbox WHERE table_name = 'rooms'`).get()).toEqual({ op: 'delete' });
  });

  it('rolls everything back when the action throws halfway', () => {
    const before = [count(db, 'rooms'), count(db, 'audit_log'), count(db, 'outbox')];
    expect(() =>
      writeTransaction(ctx, 'rooms.create', (w) => {
        w.insert('rooms', { name: 'Room 3' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect([count(db, 'rooms'), count(db, 'audit_log'), count(db, 'outbox')]).toEqual(before);
  });

  it('refuses unknown columns and writer-owned columns', () => {
    expect(() => writeTransaction(ctx, 'x', (w) => w.insert('rooms', { nmae: 'typo' }))).toThrow(/unknown column rooms.nmae/);
    expect(() => writeTransaction(ctx, 'x', (w) => w.update('rooms', FX.room, { version: 9 }))).toThrow(/managed by the writer/);
    expect(count(db, 'outbox')).toBe(0);
  });

  it('refuses to update a row of another clinic or a deleted row', () => {
    expect(() => writeTransaction(ctx, 'x', (w) => w.update('rooms', '01900000-0000-7000-8000-0000000000ff', { name: 'n' }))).toThrow(
      /does not exist/,
    );
  });
});
