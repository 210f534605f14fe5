import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClinicApp } from '../../electron/app.ts';
import { FX } from './fixtures.ts';
import { PX, type TestClock, clock, err, moneyCounts, ok, planApp, threeSteps } from './plans-fixtures.ts';

const terms = {
  principalCents: 120_000,
  downPaymentCents: 0,
  aprBp: 0,
  installmentCount: 4,
  frequency: 'monthly',
  firstDueDate: '2026-10-23',
};

describe('payment plans and payments', () => {
  let app: ClinicApp;
  let c: TestClock;
  beforeEach(() => {
    c = clock('2026-11-23T10:00:00Z');
    app = planApp(c);
  });
  afterEach(() => app.close());

  it('treatment plan with three steps → book one → payment plan → pay one and a half installments: balance and overdue list change', async () => {
    const tp = await ok(app, 'treatmentPlans.create', threeSteps);
    await ok(app, 'treatmentPlans.setStatus', { id: tp.id, status: 'accepted' });
    await ok(app, 'treatmentPlans.linkAppointment', { stepId: tp.steps[0]!.id, appointmentId: PX.apptLater });
    const plan = await ok(app, 'paymentPlans.create', {
      ...terms,
      patientId: FX.patient,
      treatmentPlanId: tp.id,
      principalCents: tp.progress.costTotalCents,
    });
    expect(plan.installments.map((i) => [i.seq, i.dueDate, i.amountCents])).toEqual([
      [1, '2026-10-23', 30_000],
      [2, '2026-11-23', 30_000],
      [3, '2026-12-23', 30_000],
      [4, '2027-01-23', 30_000],
    ]);
    expect((await ok(app, 'treatmentPlans.get', { id: tp.id })).paymentPlanIds).toEqual([plan.id]);

    expect(await ok(app, 'money.patientBalance', { patientId: FX.patient })).toEqual({
      balanceCents: 120_000,
      overdueCents: 30_000,
      nextDue: { installmentId: plan.installments[1]!.id, paymentPlanId: plan.id, dueDate: '2026-11-23', amountCents: 30_000 },
      creditCents: 0,
      currency: 'EUR',
    });
    expect(await ok(app, 'money.overdueList', {})).toEqual([
      {
        patientId: FX.patient,
        name: 'Lucía García',
        phone: '+34 600 000 001',
        daysOverdue: 31,
        overdueCents: 30_000,
        oldestDueDate: '2026-10-23',
        lastContactAt: null,
      },
    ]);

    const receipt = await ok(app, 'payments.record', { patientId: FX.patient, amountCents: 45_000, method: 'card' });
    expect(receipt.allocations.map((a) => [a.seq, a.amountCents])).toEqual([
      [1, 30_000],
      [2, 15_000],
    ]);
    expect(receipt).toMatchObject({
      clinic: { name: 'Fixture Clinic' },
      patient: { id: FX.patient, name: 'Lucía García' },
      payment: { kind: 'payment', method: 'card', amountCents: 45_000, currency: 'EUR', receivedByName: 'Rosa Desk' },
      unallocatedCents: 0,
      balanceAfter: { balanceCents: 75_000, overdueCents: 0, nextDue: { dueDate: '2026-11-23', amountCents: 15_000 } },
    });
    expect(await ok(app, 'money.overdueList', {})).toEqual([]);
    const after = await ok(app, 'paymentPlans.get', { id: plan.id });
    expect(after.installments.map((i) => [i.paidCents, i.status])).toEqual([
      [30_000, 'paid'],
      [15_000, 'due'],
      [0, 'due'],
      [0, 'due'],
    ]);
    expect(after).toMatchObject({ paidCents: 45_000, remainingCents: 75_000, status: 'active' });

    c.set('2026-12-01T10:00:00Z');
    expect(await ok(app, 'money.overdueList', {})).toMatchObject([{ patientId: FX.patient, daysOverdue: 8, overdueCents: 15_000 }]);
  });

  it('previews the schedule without saving anything, the same one create saves', async () => {
    const before = moneyCounts(app);
    const preview = await ok(app, 'paymentPlans.preview', { ...terms, aprBp: 900, installmentCount: undefined, installmentAmountCents: 40_000 });
    expect(preview.currency).toBe('EUR');
    expect(preview.installments.reduce((s, i) => s + i.amountCents, 0)).toBe(preview.totalCents);
    expect(moneyCounts(app)).toEqual(before);
    const plan = await ok(app, 'paymentPlans.create', { ...terms, aprBp: 900, installmentCount: undefined, installmentAmountCents: 40_000, patientId: FX.patient });
    expect(plan.installments.map((i) => i.amountCents)).toEqual(preview.installments.map((i) => i.amountCents));
  });

  it('refuses bad inputs with errors naming the field, and changes nothing', async () => {
    const before = moneyCounts(app);
    const create = (over: object) => err(app, 'paymentPlans.create', { ...terms, patientId: FX.patient, ...over });
    expect(await create({ installmentCount: 0 })).toMatchObject({ code: 'validation_error', field: 'installmentCount' });
    expect(await create({ downPaymentCents: 130_000 })).toMatchObject({
      code: 'validation_error',
      field: 'downPaymentCents',
      message: 'downPaymentCents: the down payment must be less than the principal',
    });
    expect(await create({ principalCents: -5 })).toMatchObject({ field: 'principalCents' });
    expect(await create({ installmentAmountCents: 10_000 })).toMatchObject({ field: 'installmentCount', message: /either/ });
    expect(await create({ treatmentPlanId: FX.appt })).toMatchObject({ code: 'not_found', field: 'treatmentPlanId' });
    expect(await err(app, 'payments.record', { patientId: FX.patient, amountCents: -100, method: 'cash' })).toMatchObject({
      code: 'validation_error',
      field: 'amountCents',
    });
    expect(await err(app, 'payments.record', { patientId: FX.patient, amountCents: 10.5, method: 'cash' })).toMatchObject({
      field: 'amountCents',
    });
    expect(await err(app, 'payments.record', { patientId: FX.patient, amountCents: 100, method: 'bitcoin' })).toMatchObject({
      field: 'method',
    });
    expect(moneyCounts(app)).toEqual(before);
  });

  it('makes the down payment the first installment, due today', async () => {
    const plan = await ok(app, 'paymentPlans.create', { ...terms, downPaymentCents: 20_000, firstDueDate: '2026-12-15', patientId: FX.patient });
    expect(plan.installments.map((i) => [i.seq, i.dueDate, i.amountCents, i.isDownPayment])).toEqual([
      [1, '2026-11-23', 20_000, true],
      [2, '2026-12-15', 25_000, false],
      [3, '2027-01-15', 25_000, false],
      [4, '2027-02-15', 25_000, false],
      [5, '2027-03-15', 25_000, false],
    ]);
    const r = await ok(app, 'payments.record', { patientId: FX.patient, amountCents: 20_000, method: 'cash' });
    expect(r.allocations).toMatchObject([{ seq: 1, amountCents: 20_000 }]);
  });

  it('turns an overpayment into credit, refunds it, and refuses refunding more than the credit', async () => {
    const plan = await ok(app, 'paymentPlans.create', { ...terms, installmentCount: 2, firstDueDate: '2026-12-01', patientId: FX.patient });
    const r = await ok(app, 'payments.record', { patientId: FX.patient, amountCents: 130_000, method: 'transfer' });
    expect(r.unallocatedCents).toBe(10_000);
    expect(r.balanceAfter).toMatchObject({ balanceCents: -10_000, creditCents: 10_000, nextDue: null });
    expect((await ok(app, 'paymentPlans.get', { id: plan.id })).status).toBe('completed');

    const before = moneyCounts(app);
    expect(await err(app, 'payments.refund', { patientId: FX.patient, amountCents: 10_001, reason: 'Overpaid', method: 'cash' })).toMatchObject({
      code: 'validation_error',
      field: 'amountCents',
      details: { creditCents: 10_000 },
    });
    expect(moneyCounts(app)).toEqual(before);
    const refund = await ok(app, 'payments.refund', { patientId: FX.patient, amountCents: 10_000, reason: 'Overpaid', method: 'cash' });
    expect(refund).toMatchObject({ kind: 'refund', amountCents: 10_000, reason: 'Overpaid', receivedBy: FX.staff });
    expect(await ok(app, 'money.patientBalance', { patientId: FX.patient })).toMatchObject({ balanceCents: 0, creditCents: 0 });
  });

  it('applies existing credit to a plan made later', async () => {
    await ok(app, 'payments.record', { patientId: FX.patient, amountCents: 50_000, method: 'cash' });
    const plan = await ok(app, 'paymentPlans.create', { ...terms, patientId: FX.patient });
    expect(plan.installments.map((i) => i.paidCents)).toEqual([30_000, 20_000, 0, 0]);
    expect(await ok(app, 'money.patientBalance', { patientId: FX.patient })).toMatchObject({ balanceCents: 70_000, creditCents: 0, overdueCents: 0 });
  });

  it('voids a payment with a new row that reverses its allocations; the original row never changes', async () => {
    const plan = await ok(app, 'paymentPlans.create', { ...terms, patientId: FX.patient });
    const first = await ok(app, 'payments.record', { patientId: FX.patient, amountCents: 30_000, method: 'cash' });
    const second = await ok(app, 'payments.record', { patientId: FX.patient, amountCents: 40_000, method: 'card' });
    const originalRow = app.db.prepare('SELECT * FROM payments WHERE id = ?').get(first.payment.id);

    const v = await ok(app, 'payments.void', { paymentId: first.payment.id, reason: 'Card charged twice' });
    expect(v).toMatchObject({ kind: 'void', relatedPaymentId: first.payment.id, amountCents: 30_000, allocatedCents: -30_000 });
    expect(app.db.prepare('SELECT * FROM payments WHERE id = ?').get(first.payment.id)).toEqual(originalRow);
    const after = await ok(app, 'paymentPlans.get', { id: plan.id });
    // The second payment (30,000 on #2, 10,000 on #3) stays where it was; #1 is due again.
    expect(after.installments.map((i) => i.paidCents)).toEqual([0, 30_000, 10_000, 0]);
    expect(await ok(app, 'money.patientBalance', { patientId: FX.patient })).toMatchObject({ balanceCents: 80_000, overdueCents: 30_000 });

    const list = await ok(app, 'payments.listForPatient', { patientId: FX.patient });
    expect(list.map((p) => [p.kind, p.voided])).toEqual([
      ['void', false],
      ['payment', false],
      ['payment', true],
    ]);
    expect(list[1]!.id).toBe(second.payment.id);
    const before = moneyCounts(app);
    expect(await err(app, 'payments.void', { paymentId: first.payment.id, reason: 'again' })).toMatchObject({ code: 'conflict' });
    expect(await err(app, 'payments.void', { paymentId: v.id, reason: 'undo' })).toMatchObject({ field: 'paymentId' });
    expect(await err(app, 'payments.void', { paymentId: second.payment.id, reason: '  ' })).toMatchObject({ field: 'reason' });
    expect(moneyCounts(app)).toEqual(before);
  });

  it('changes a plan: regenerates only unpaid installments, keeps paid history, audits the reason', async () => {
    const plan = await ok(app, 'paymentPlans.create', { ...terms, patientId: FX.patient });
    await ok(app, 'payments.record', { patientId: FX.patient, amountCents: 40_000, method: 'cash' });
    const paidBefore = app.db.prepare('SELECT id, amount_cents, paid_cents FROM installments WHERE seq = 1').get();

    const changed = await ok(app, 'paymentPlans.change', {
      paymentPlanId: plan.id,
      aprBp: 1200,
      installmentCount: 3,
      firstDueDate: '2027-01-15',
      reason: 'Patient asked for smaller payments',
    });
    expect(app.db.prepare('SELECT id, amount_cents, paid_cents FROM installments WHERE seq = 1').get()).toEqual(paidBefore);
    expect(changed.installments.slice(0, 2).map((i) => [i.seq, i.amountCents, i.paidCents, i.status])).toEqual([
      [1, 30_000, 30_000, 'paid'],
      [2, 10_000, 10_000, 'paid'],
    ]);
    const fresh = changed.installments.slice(2);
    expect(fresh.map((i) => [i.seq, i.dueDate])).toEqual([
      [3, '2027-01-15'],
      [4, '2027-02-15'],
      [5, '2027-03-15'],
    ]);
    expect(fresh.reduce((s, i) => s + i.principalCents, 0)).toBe(80_000);
    expect(fresh[0]!.interestCents).toBe(800); // 1 % of 80,000 for the first month
    expect(changed).toMatchObject({ aprBp: 1200, installmentCount: 3, paidCents: 40_000 });
    const audit = app.db.prepare(`SELECT details FROM audit_log WHERE action = 'paymentPlans.change'`).get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ reason: 'Patient asked for smaller payments', before: { terms: { apr_bp: 0 } } });

    const before = moneyCounts(app);
    expect(
      await err(app, 'paymentPlans.change', { paymentPlanId: plan.id, installmentCount: 2, firstDueDate: '2026-10-01', reason: 'x' }),
    ).toMatchObject({ code: 'validation_error', field: 'firstDueDate' });
    expect(
      await err(app, 'paymentPlans.change', { paymentPlanId: plan.id, installmentCount: 0, firstDueDate: '2027-01-15', reason: 'x' }),
    ).toMatchObject({ field: 'installmentCount' });
    expect(moneyCounts(app)).toEqual(before);
  });

  it('lists overdue patients longest overdue first, with their last contact', async () => {
    await ok(app, 'paymentPlans.create', { ...terms, patientId: FX.patient, firstDueDate: '2026-11-01' });
    await ok(app, 'paymentPlans.create', { ...terms, patientId: PX.patient2, firstDueDate: '2026-09-10' });
    app.db.exec(`
      INSERT INTO recall_campaigns (id, clinic_id, name, updated_at) VALUES ('01900000-0000-7000-8000-000000009001', '${FX.clinic}', 'Money', 'x');
      INSERT INTO recall_contacts (id, clinic_id, campaign_id, patient_id, updated_at)
        VALUES ('01900000-0000-7000-8000-000000009002', '${FX.clinic}', '01900000-0000-7000-8000-000000009001', '${PX.patient2}', 'x');
      INSERT INTO recall_attempts (id, clinic_id, contact_id, attempted_at, outcome, updated_at)
        VALUES ('01900000-0000-7000-8000-000000009003', '${FX.clinic}', '01900000-0000-7000-8000-000000009002', '2026-11-20T09:00:00.000Z', 'no_answer', 'x');
    `);
    const list = await ok(app, 'money.overdueList', {});
    expect(list.map((r) => [r.name, r.daysOverdue, r.overdueCents, r.lastContactAt])).toEqual([
      ['Mateo Ruiz', 74, 90_000, '2026-11-20T09:00:00.000Z'],
      ['Lucía García', 22, 30_000, null],
    ]);
  });
});
