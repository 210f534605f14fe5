import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/database.ts';
import { migrate } from '../../electron/db/schema/migrate.ts';
import { findPaymentByIdempotencyKey } from '../../electron/db/repos/payments.ts';
import { FX, T0, seedFixture } from './fixtures.ts';

const pay = (db: ReturnType<typeof openDatabase>, id: string, key?: string | null) =>
  db
    .prepare(
      `INSERT INTO payments (id, clinic_id, patient_id, method, amount_cents, currency, received_at, updated_at${key === undefined ? '' : ', idempotency_key'})
       VALUES (?, ?, ?, 'cash', 1000, 'EUR', ?, ?${key === undefined ? '' : ', ?'})`,
    )
    .run(id, FX.clinic, FX.patient, T0, T0, ...(key === undefined ? [] : [key]));

describe('SQL/migration 0009 payment idempotency keys', () => {
  it('adds the key to the payments of a version-8 database, empty on the old rows', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db, { upTo: 8 });
    seedFixture(db);
    pay(db, '01900000-0000-7000-8000-0000000e0001');
    migrate(db, { upTo: 9 });
    expect(db.prepare('SELECT id, idempotency_key FROM payments').all()).toEqual([
      { id: '01900000-0000-7000-8000-0000000e0001', idempotency_key: null },
    ]);
  });

  it('keeps a key unique in a clinic, allows any number of payments without one, and finds a key by index', () => {
    const db = openDatabase({ path: ':memory:' });
    migrate(db, { upTo: 9 });
    seedFixture(db);
    pay(db, '01900000-0000-7000-8000-0000000e0002', null);
    pay(db, '01900000-0000-7000-8000-0000000e0003', null);
    pay(db, '01900000-0000-7000-8000-0000000e0004', 'form-key-0001');
    expect(() => pay(db, '01900000-0000-7000-8000-0000000e0005', 'form-key-0001')).toThrow(/UNIQUE constraint failed/);
    expect(findPaymentByIdempotencyKey(db, FX.clinic, 'form-key-0001')).toEqual({
      id: '01900000-0000-7000-8000-0000000e0004',
      patient_id: FX.patient,
      amount_cents: 1000,
      method: 'cash',
    });
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM payments WHERE idempotency_key = ? AND clinic_id = ?`).all('k', 'c') as {
      detail: string;
    }[])
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toMatch(/USING INDEX payments_idempotency/);
  });
});
