import { describe, expect, it } from 'vitest';
import { applyBlocks, type YieldTo } from '../../electron/sync/pull.ts';
import type { PageBlock } from '../../electron/sync/transport.ts';
import { FX, T0, freshDb } from './fixtures.ts';
import { queueMutation } from '../../electron/db/write/outbox-queue.ts';

const COLUMNS = ['id', 'clinic_id', 'first_name', 'last_name', 'version', 'updated_at'];

function patientsBlock(n: number): PageBlock {
  const rows = Array.from({ length: n }, (_, i) => [
    `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    FX.clinic,
    'Pat',
    `Yield ${i}`,
    1,
    T0,
  ]);
  return { table: 'patients', columns: COLUMNS, rows };
}

/** A main thread that "blocks" once after `after` checks, then runs again when resumed. */
function blockingOnce(after: number, onResume: () => void = () => undefined): YieldTo & { resumes: number } {
  let checks = 0;
  let blocked = false;
  const t = {
    resumes: 0,
    stalled() {
      if (++checks === after) blocked = true;
      return blocked;
    },
    resumed() {
      t.resumes++;
      onResume();
      blocked = false;
      return Promise.resolve();
    },
  };
  return t;
}

const count = (db: ReturnType<typeof freshDb>) => (db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;

describe('applyBlocks with a thread to yield to', () => {
  it('applies a page in one transaction while the other thread runs', async () => {
    const db = freshDb();
    const other = blockingOnce(Number.POSITIVE_INFINITY);
    let finished = 0;
    const applied = await applyBlocks(
      { db, now: () => new Date(T0), sliceMs: 60_000, yieldTo: other },
      [patientsBlock(500)],
      { resync: false },
      () => finished++,
      new Set(),
    );
    expect(applied).toBe(500);
    expect(finished).toBe(1);
    expect(other.resumes).toBe(0);
  });

  it('commits early and waits when the other thread stalls, then applies the rest', async () => {
    const db = freshDb();
    const committed: number[] = [];
    const other = blockingOnce(3, () => committed.push(count(db))); // stalls during the first transaction
    const seen: number[] = [];
    let finished = 0;
    const applied = await applyBlocks(
      { db, now: () => new Date(T0), sliceMs: 60_000, yieldTo: other },
      [patientsBlock(500)],
      { resync: false },
      () => {
        finished++;
        seen.push(count(db));
      },
      new Set(),
    );
    expect(other.resumes).toBe(1);
    // The rows before the stall were committed (the lock was free) before it waited.
    expect(committed[0]).toBeGreaterThan(0);
    expect(committed[0]).toBeLessThan(500);
    expect(applied).toBe(500);
    expect(finished).toBe(1);
    expect(seen).toEqual([500]);
    expect(count(db)).toBe(500);
  });
});

describe('applyBlocks on rows the desk already has', () => {
  const apply = (db: ReturnType<typeof freshDb>, block: PageBlock) =>
    applyBlocks({ db, now: () => new Date(T0), sliceMs: 60_000 }, [block], { resync: false }, null, new Set());

  it('updates rows delivered again at a newer version and keeps newer local ones', async () => {
    const db = freshDb();
    await apply(db, patientsBlock(300));
    const again = patientsBlock(300);
    again.rows.forEach((r, i) => {
      r[3] = `Again ${i}`;
      r[4] = i < 100 ? 0 : 2; // the first 100 arrive at an older version than the desk holds
    });
    await apply(db, again);
    const names = db.prepare('SELECT last_name AS n, version AS v FROM patients ORDER BY id').all() as { n: string; v: number }[];
    expect(names).toHaveLength(300);
    expect(names.slice(0, 100).every((r, i) => r.n === `Yield ${i}` && r.v === 1)).toBe(true);
    expect(names.slice(100).every((r, i) => r.n === `Again ${i + 100}` && r.v === 2)).toBe(true);
  });

  it('updates an existing appointment whose idempotency key is unique, and still refuses a real duplicate key', async () => {
    const db = freshDb();
    const columns = ['id', 'clinic_id', 'doctor_id', 'patient_id', 'starts_at', 'ends_at', 'idempotency_key', 'version', 'updated_at'];
    const row = (id: string, key: string, version: number) => [id, FX.clinic, FX.doctorA, FX.patient, T0, '2026-01-01T00:30:00.000Z', key, version, T0];
    const a = '01900000-0000-7000-8000-0000000000a1';
    await apply(db, { table: 'appointments', columns, rows: [row(a, 'key-1', 1)] });
    await apply(db, { table: 'appointments', columns, rows: [row(a, 'key-1', 2)] });
    expect(db.prepare('SELECT version FROM appointments WHERE id = ?').pluck().get(a)).toBe(2);
    await expect(apply(db, { table: 'appointments', columns, rows: [row('01900000-0000-7000-8000-0000000000a2', 'key-1', 1)] })).rejects.toThrow(/UNIQUE/);
  });
});

describe('applyBlocks inserting a first download in batches', () => {
  const apply = (db: ReturnType<typeof freshDb>, block: PageBlock) =>
    applyBlocks({ db, now: () => new Date(T0), sliceMs: 60_000 }, [block], { resync: false }, null, new Set());
  const searchRows = (db: ReturnType<typeof freshDb>) => db.prepare('SELECT count(*) FROM patient_search').pluck().get() as number;

  it('falls back to row by row when one row of a batch exists, writing nothing twice', async () => {
    const db = freshDb();
    const existing = patientsBlock(100);
    existing.rows = [existing.rows[70]!.map((v, k) => (k === 3 ? 'Newer here' : k === 4 ? 5 : v))];
    await apply(db, existing);
    const block = patientsBlock(200); // the batch of rows 64..127 holds row 70
    expect(await apply(db, block)).toBe(200);
    expect(count(db)).toBe(200);
    expect(searchRows(db)).toBe(200);
    expect(db.prepare('SELECT last_name, version FROM patients WHERE id = ?').get(block.rows[70]![0])).toEqual({ last_name: 'Newer here', version: 5 });
    expect(db.prepare('SELECT last_name FROM patients WHERE id = ?').pluck().get(block.rows[71]![0])).toBe('Yield 71');
  });

  it('rebases a row with a pending local change even inside a batch', async () => {
    const db = freshDb();
    const block = patientsBlock(128);
    const id = block.rows[10]![0] as string;
    queueMutation(db, {
      id: '01900000-0000-7000-8000-0000000000f1',
      clinic_id: FX.clinic,
      table_name: 'patients',
      row_id: id,
      op: 'update',
      changes: JSON.stringify({ first_name: 'Typed offline' }),
      base_version: 1,
      actor_staff_id: null,
      created_at: T0,
    });
    expect(await apply(db, block)).toBe(128);
    expect(count(db)).toBe(128);
    expect(db.prepare('SELECT first_name FROM patients WHERE id = ?').pluck().get(id)).toBe('Typed offline');
    expect(db.prepare('SELECT first_name FROM patients WHERE id = ?').pluck().get(block.rows[11]![0])).toBe('Pat');
  });
});
