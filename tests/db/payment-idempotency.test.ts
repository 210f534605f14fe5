import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClinicApp } from '../../electron/app.ts';
import { FX, count } from './fixtures.ts';
import { PX, err, ok, planApp } from './plans-fixtures.ts';

describe('payments.record with an idempotency key', () => {
  let app: ClinicApp;
  beforeEach(() => (app = planApp()));
  afterEach(() => app.close());

  const writes = () => ['payments', 'payment_allocations', 'audit_log', 'outbox'].map((t) => count(app.db, t));
  const input = { patientId: FX.patient, amountCents: 5_000, method: 'cash', idempotencyKey: 'form-0190-aaaa-0001' } as const;

  it('answers a retry with the first payment and writes nothing', async () => {
    const first = await ok(app, 'payments.record', input);
    const after = writes();
    const again = await ok(app, 'payments.record', input);
    expect(again.number).toBe(first.number);
    expect(again.payment).toEqual(first.payment);
    expect(writes()).toEqual(after);
    expect(app.db.prepare('SELECT idempotency_key FROM payments WHERE id = ?').pluck().get(first.number)).toBe(input.idempotencyKey);
    const queued = JSON.parse(
      app.db.prepare(`SELECT changes FROM outbox WHERE table_name = 'payments' AND row_id = ?`).pluck().get(first.number) as string,
    ) as Record<string, unknown>;
    expect(queued.idempotency_key).toBe(input.idempotencyKey);
  });

  it('refuses the same key for another amount, method or patient, naming the key, and writes nothing', async () => {
    const first = await ok(app, 'payments.record', input);
    const after = writes();
    for (const other of [{ amountCents: 5_001 }, { method: 'card' }, { patientId: PX.patient2 }]) {
      const e = await err(app, 'payments.record', { ...input, ...other });
      expect(e).toMatchObject({ code: 'conflict', field: 'idempotencyKey', details: { reason: 'idempotency_key_reused', paymentId: first.number } });
    }
    expect(writes()).toEqual(after);
  });

  it('records two payments with two keys, or without keys', async () => {
    const a = await ok(app, 'payments.record', input);
    const b = await ok(app, 'payments.record', { ...input, idempotencyKey: 'form-0190-aaaa-0002' });
    const { idempotencyKey: _k, ...plain } = input;
    const c = await ok(app, 'payments.record', plain);
    const d = await ok(app, 'payments.record', plain);
    expect(new Set([a.number, b.number, c.number, d.number]).size).toBe(4);
    expect(count(app.db, 'payments')).toBe(4);
  });

  it('refuses a key too short to be unique', async () => {
    const e = await err(app, 'payments.record', { ...input, idempotencyKey: 'short' });
    expect(e).toMatchObject({ field: 'idempotencyKey' });
    expect(count(app.db, 'payments')).toBe(0);
  });
});
