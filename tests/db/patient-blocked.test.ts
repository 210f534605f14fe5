import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatientDetail } from '../../shared/domain/booking-types.ts';
import { type Role, type SecurityDesk, securityDesk } from './security-fixtures.ts';

interface OutboxRow {
  table_name: string;
  op: string;
  changes: string;
}

describe('patients.update: the blocked flag', () => {
  let d: SecurityDesk;
  let patientId: string;
  beforeEach(async () => {
    d = securityDesk();
    d.actAs('receptionist');
    patientId = (await d.call('patients.create', { firstName: 'Blanca', lastName: 'Bloqueo Prueba', phone: '+34 600 111 222' })).id;
  });
  afterEach(() => d.app.close());

  const writes = () => [d.count('patients'), d.count('audit_log'), d.count('outbox')];
  const lastOutbox = () =>
    d.app.db.prepare(`SELECT table_name, op, changes FROM outbox ORDER BY seq DESC LIMIT 2`).all() as OutboxRow[];
  const lastAudit = () =>
    d.app.db.prepare(`SELECT action, details FROM audit_log ORDER BY at DESC, id DESC LIMIT 1`).get() as { action: string; details: string };

  for (const role of ['manager', 'admin'] as Role[]) {
    it(`lets a ${role} flag a patient with a reason and clear it, audited and queued for the server`, async () => {
      d.actAs(role);
      const flagged = (await d.call('patients.update', { id: patientId, blocked: true, blockedReason: 'Unpaid since May' })) as PatientDetail;
      expect(flagged).toMatchObject({ blocked: true, blockedReason: 'Unpaid since May' });
      expect(lastAudit().action).toBe('patients.block');
      expect(JSON.parse(lastAudit().details)).toMatchObject({ blocked: true, blockedReason: 'Unpaid since May' });
      const queued = lastOutbox().find((r) => r.table_name === 'patients')!;
      expect(queued.op).toBe('update');
      expect(JSON.parse(queued.changes)).toEqual({ blocked: 1, blocked_reason: 'Unpaid since May' });

      // Booking now asks first.
      const get = (await d.call('patients.get', { id: patientId })) as PatientDetail;
      expect(get.blocked).toBe(true);

      const cleared = (await d.call('patients.update', { id: patientId, blocked: false })) as PatientDetail;
      expect(cleared).toMatchObject({ blocked: false, blockedReason: null });
      expect(lastAudit().action).toBe('patients.unblock');
      expect(JSON.parse(lastOutbox().find((r) => r.table_name === 'patients')!.changes)).toEqual({ blocked: 0, blocked_reason: null });
    });
  }

  it('lets a manager change the reason of a flagged patient', async () => {
    d.actAs('manager');
    await d.call('patients.update', { id: patientId, blocked: true, blockedReason: 'Rude to staff' });
    const changed = (await d.call('patients.update', { id: patientId, blockedReason: 'Unpaid balance' })) as PatientDetail;
    expect(changed).toMatchObject({ blocked: true, blockedReason: 'Unpaid balance' });
    expect(lastAudit().action).toBe('patients.update');
  });

  it("refuses a receptionist with 'forbidden' and a reason code, and writes nothing", async () => {
    const before = writes();
    for (const input of [{ blocked: true, blockedReason: 'Unpaid' }, { blocked: false }, { blockedReason: 'x' }]) {
      const e = await d.error('patients.update', { id: patientId, ...input });
      expect(e).toMatchObject({ code: 'forbidden', field: 'blocked', details: { reason: 'blocked_flag_managers_only', allowedRoles: ['admin', 'manager'] } });
    }
    expect(writes()).toEqual(before);
    // Her other edits still work.
    expect(((await d.call('patients.update', { id: patientId, notes: 'Prefers mornings' })) as PatientDetail).notes).toBe('Prefers mornings');
  });

  it('requires a reason to flag, and refuses a reason without the flag, changing nothing', async () => {
    d.actAs('manager');
    const before = writes();
    for (const blockedReason of [undefined, '', '   ', null]) {
      const e = await d.error('patients.update', { id: patientId, blocked: true, ...(blockedReason === undefined ? {} : { blockedReason }) });
      expect(e).toMatchObject({ code: 'validation_error', field: 'blockedReason', details: { reason: 'required' } });
    }
    const e = await d.error('patients.update', { id: patientId, blockedReason: 'No flag' });
    expect(e).toMatchObject({ code: 'validation_error', field: 'blockedReason', details: { reason: 'not_blocked' } });
    const long = await d.error('patients.update', { id: patientId, blocked: true, blockedReason: 'x'.repeat(501) });
    expect(long).toMatchObject({ field: 'blockedReason' });
    expect(writes()).toEqual(before);
    expect(((await d.call('patients.get', { id: patientId })) as PatientDetail).blocked).toBe(false);
  });
});
