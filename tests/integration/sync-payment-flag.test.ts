import { afterAll, describe, expect, it } from 'vitest';
import type { PatientDetail } from '../../shared/domain/booking-types.ts';
import type { Receipt } from '../../shared/domain/plan-types.ts';
import type { AttentionItem } from '../../shared/domain/sync-types.ts';
import { writeTransaction } from '../../electron/db/write/mutation-writer.ts';
import { createClinic } from './fixtures.ts';
import { useStack } from './harness.ts';
import { type Desk, openDesk, removeDir, seedReference, settle, waitFor } from './sync-desk.ts';

const harness = useStack();
const opened: Desk[] = [];
afterAll(async () => {
  for (const d of opened) {
    await d.close();
    removeDir(d.dataDir);
  }
});

describe('sync of payment idempotency keys and the blocked flag', () => {
  it("carries a payment's key to the server and the other desk, and a manager's flag and opt-out to every desk", async () => {
    const h = harness();
    const clinic = await createClinic(h.db, 'payflag');
    const ref = await seedReference(h.db, clinic.id);
    const a = await openDesk(h.stack, clinic.users.receptionist);
    const b = await openDesk(h.stack, clinic.users.manager);
    opened.push(a, b);
    await settle([a, b]);
    const patientId = ref.patientIds[0]!;

    const key = 'form-sync-key-0001';
    const paid = await a.invoke<Receipt>('payments.record', { patientId, amountCents: 2_500, method: 'cash', idempotencyKey: key });
    await settle([a, b]);
    const server = await h.db.query('select idempotency_key from public.payments where id = $1', [paid.number]);
    expect(server.rows).toEqual([{ idempotency_key: key }]);
    await waitFor('payment on desk B', () => b.app.db.prepare('SELECT idempotency_key FROM payments WHERE id = ?').get(paid.number), 5000);
    expect(b.app.db.prepare('SELECT idempotency_key FROM payments WHERE id = ?').pluck().get(paid.number)).toBe(key);

    const flagged = await b.invoke<PatientDetail>('patients.update', { id: patientId, blocked: true, blockedReason: 'Unpaid since May' });
    expect(flagged.blocked).toBe(true);
    await settle([a, b]);
    const row = await h.db.query('select blocked, blocked_reason from public.patients where id = $1', [patientId]);
    expect(row.rows).toEqual([{ blocked: 1, blocked_reason: 'Unpaid since May' }]);
    await waitFor('flag on desk A', () => a.app.db.prepare('SELECT 1 FROM patients WHERE id = ? AND blocked = 1').get(patientId), 5000);
    expect(await a.invoke<PatientDetail>('patients.get', { id: patientId })).toMatchObject({ blocked: true, blockedReason: 'Unpaid since May' });

    await b.invoke('patients.update', { id: patientId, blocked: false });
    await settle([a, b]);
    expect((await h.db.query('select blocked, blocked_reason from public.patients where id = $1', [patientId])).rows).toEqual([
      { blocked: 0, blocked_reason: null },
    ]);
    // Flags travel as the 0/1 the columns hold: a JSON true was refused by the server's smallint.
    await a.invoke('patients.update', { id: patientId, optOut: true });
    await settle([a, b]);
    expect((await h.db.query('select opt_out from public.patients where id = $1', [patientId])).rows).toEqual([{ opt_out: 1 }]);
    // A change queued as JSON true/false before the writer changed goes out as 0/1 too.
    await a.app.sync!.stop();
    await a.invoke('patients.update', { id: patientId, optOut: false });
    a.app.db.prepare(`UPDATE outbox SET changes = '{"opt_out":false}' WHERE table_name = 'patients' AND status = 'pending'`).run();
    a.app.sync!.start();
    await settle([a, b]);
    expect((await h.db.query('select opt_out from public.patients where id = $1', [patientId])).rows).toEqual([{ opt_out: 0 }]);
    expect(await a.invoke<unknown[]>('sync.attention.list', {})).toEqual([]);
    expect(await b.invoke<unknown[]>('sync.attention.list', {})).toEqual([]);

    // The server judges the flag again: a receptionist's change (written past the desk's own
    // check) is refused as 'forbidden', kept in needs attention, and the row goes back.
    writeTransaction({ db: a.app.db, clinicId: clinic.id, actorStaffId: clinic.users.receptionist.id, deskId: 'x', now: () => new Date() }, 'test.flag', (w) =>
      w.update('patients', patientId, { blocked: true, blocked_reason: 'by the desk' }),
    );
    await settle([a, b]);
    const items = await a.invoke<AttentionItem[]>('sync.attention.list', {});
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ table: 'patients', rowId: patientId, reason: 'forbidden' });
    expect((await h.db.query('select blocked from public.patients where id = $1', [patientId])).rows).toEqual([{ blocked: 0 }]);
    expect(a.app.db.prepare('SELECT blocked FROM patients WHERE id = ?').pluck().get(patientId)).toBe(0);
  });
});
