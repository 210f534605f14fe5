import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ClinicApp, createApp } from '../../electron/app.ts';
import { uuidv7 } from '../../shared/domain/ids.ts';
import { FX, count, seedFixture } from './fixtures.ts';

const CHILD = join(import.meta.dirname, 'payment-crash-child.ts');
const quiet = { error: () => {} };

/** The payment rows and everything a payment writes beside them. */
const writes = (app: ClinicApp) => ({
  payments: count(app.db, 'payments'),
  allocations: count(app.db, 'payment_allocations'),
  audit: count(app.db, 'audit_log'),
  outbox: count(app.db, 'outbox'),
  outboxPayments: app.db.prepare(`SELECT count(*) FROM outbox WHERE table_name = 'payments'`).pluck().get() as number,
});

describe('payments.record survives kill -9 between the commit and the answer', () => {
  const root = mkdtempSync(join(tmpdir(), 'clinic-pay-crash-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a retry with the same key answers the payment the killed desk committed and records nothing new', async () => {
    const dataDir = join(root, 'desk');
    const setup = createApp({ dataDir, demo: false, logger: quiet });
    seedFixture(setup.db);
    setup.close();

    const input = { patientId: FX.patient, amountCents: 12_345, method: 'card', idempotencyKey: uuidv7() };
    const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dataDir, JSON.stringify(input)], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.signal, `${child.stdout}\n${child.stderr}`).toBe('SIGKILL');
    expect(child.stdout).toBe('sent\n');

    // The desk starts again: the payment the killed process committed is there, once.
    const app = createApp({ dataDir, demo: false, logger: quiet });
    try {
      const committed = writes(app);
      expect(committed).toMatchObject({ payments: 1, outboxPayments: 1 });
      const id = app.db.prepare('SELECT id FROM payments WHERE idempotency_key = ?').pluck().get(input.idempotencyKey) as string;
      expect(id).toBeTruthy();

      // The form retries with the same key: the same payment is answered, nothing is written.
      const retry = await app.invoke('payments.record', input);
      expect(retry).toMatchObject({ ok: true, value: { number: id, payment: { id, amountCents: 12_345, method: 'card' } } });
      expect(writes(app)).toEqual(committed);

      // The same key with another amount is a clear refusal, and changes nothing either.
      const other = await app.invoke('payments.record', { ...input, amountCents: 12_000 });
      expect(other).toMatchObject({
        ok: false,
        error: { code: 'conflict', field: 'idempotencyKey', details: { reason: 'idempotency_key_reused', paymentId: id } },
      });
      expect(writes(app)).toEqual(committed);
    } finally {
      app.close();
    }
  }, 90_000);
});
