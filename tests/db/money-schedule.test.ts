import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClinicApp } from '../../electron/app.ts';
import { FX } from './fixtures.ts';
import { PX, type TestClock, clock, ok, planApp } from './plans-fixtures.ts';

/** The day schedule's overdue badge and the payment plan list of a patient. */
describe('schedule.day overduePatientIds', () => {
  let app: ClinicApp;
  let c: TestClock;
  beforeEach(() => {
    c = clock('2026-11-23T10:00:00Z');
    app = planApp(c);
  });
  afterEach(() => app.close());

  const plan = (patientId: string, firstDueDate: string) =>
    ok(app, 'paymentPlans.create', {
      patientId,
      principalCents: 60_000,
      installmentCount: 2,
      frequency: 'monthly',
      firstDueDate,
    });

  it('names only booked patients with an installment due before today', async () => {
    // Both fixture patients are booked on 2026-11-30; only the first owes money from the past.
    await plan(FX.patient, '2026-11-01');
    await plan(PX.patient2, '2026-11-23');
    expect((await ok(app, 'schedule.day', { date: '2026-11-30' })).overduePatientIds).toEqual([FX.patient]);
    // A day where neither is booked shows no badge, even though the debt exists.
    expect((await ok(app, 'schedule.day', { date: '2026-12-01' })).overduePatientIds).toEqual([]);
  });

  it('drops the patient once the overdue part is paid, and adds one when a due date passes', async () => {
    await plan(FX.patient, '2026-11-01');
    await ok(app, 'payments.record', { patientId: FX.patient, amountCents: 30_000, method: 'cash' });
    expect((await ok(app, 'schedule.day', { date: '2026-11-30' })).overduePatientIds).toEqual([]);
    c.set('2026-12-02T10:00:00Z');
    expect((await ok(app, 'schedule.day', { date: '2026-11-30' })).overduePatientIds).toEqual([FX.patient]);
  });

  it('shows the badge again when the payment that cleared it is voided', async () => {
    await plan(FX.patient, '2026-11-01');
    const receipt = await ok(app, 'payments.record', { patientId: FX.patient, amountCents: 30_000, method: 'cash' });
    await ok(app, 'payments.void', { paymentId: receipt.payment.id, reason: 'Card declined' });
    expect((await ok(app, 'schedule.day', { date: '2026-11-30' })).overduePatientIds).toEqual([FX.patient]);
  });
});

describe('paymentPlans.listForPatient', () => {
  let app: ClinicApp;
  beforeEach(() => (app = planApp()));
  afterEach(() => app.close());

  it('lists the patient’s plans newest first with their installments, and no one else’s', async () => {
    const base = { principalCents: 10_000, installmentCount: 2, frequency: 'monthly', firstDueDate: '2026-12-01' };
    const first = await ok(app, 'paymentPlans.create', { ...base, patientId: FX.patient });
    const second = await ok(app, 'paymentPlans.create', { ...base, patientId: FX.patient, downPaymentCents: 2_000 });
    await ok(app, 'paymentPlans.create', { ...base, patientId: PX.patient2 });
    const list = await ok(app, 'paymentPlans.listForPatient', { patientId: FX.patient });
    expect(list.map((p) => p.id)).toEqual([second.id, first.id]);
    expect(list[0]!.installments.map((i) => [i.seq, i.amountCents, i.isDownPayment])).toEqual([
      [1, 2_000, true],
      [2, 4_000, false],
      [3, 4_000, false],
    ]);
    expect(await ok(app, 'paymentPlans.listForPatient', { patientId: PX.patient2 })).toHaveLength(1);
  });
});
