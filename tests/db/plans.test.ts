import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClinicApp } from '../../electron/app.ts';
import { FX } from './fixtures.ts';
import { PX, err, moneyCounts, ok, planApp, threeSteps } from './plans-fixtures.ts';

describe('treatmentPlans', () => {
  let app: ClinicApp;
  beforeEach(() => {
    app = planApp();
  });
  afterEach(() => app.close());

  it('creates a proposed plan with ordered steps, audited and queued for sync', async () => {
    const plan = await ok(app, 'treatmentPlans.create', threeSteps);
    expect(plan).toMatchObject({
      patientId: FX.patient,
      title: 'Upper right molar',
      status: 'proposed',
      allowedNext: ['accepted', 'cancelled'],
      currency: 'EUR',
      progress: { stepsDone: 0, stepsTotal: 3, costDoneCents: 0, costTotalCents: 120_000 },
    });
    expect(plan.steps.map((s) => [s.position, s.procedure, s.doctorId, s.status])).toEqual([
      [1, 'Root canal', FX.doctorA, 'planned'],
      [2, 'Post and core', FX.doctorA, 'planned'],
      [3, 'Crown', FX.doctorB, 'planned'],
    ]);
    expect(app.db.prepare(`SELECT action FROM audit_log`).all()).toEqual([{ action: 'treatmentPlans.create' }]);
    // 1 plan + 3 steps + the audit row.
    expect(moneyCounts(app).outbox).toBe(5);
    const list = await ok(app, 'treatmentPlans.listForPatient', { patientId: FX.patient });
    expect(list.map((p) => p.id)).toEqual([plan.id]);
  });

  it('refuses bad input naming the field and writes nothing', async () => {
    const before = moneyCounts(app);
    expect(await err(app, 'treatmentPlans.create', { ...threeSteps, steps: [] })).toMatchObject({
      code: 'validation_error',
      field: 'steps',
    });
    const negative = { ...threeSteps, steps: [{ ...threeSteps.steps[0], estimatedCostCents: -1 }] };
    expect(await err(app, 'treatmentPlans.create', negative)).toMatchObject({
      code: 'validation_error',
      field: 'steps.0.estimatedCostCents',
    });
    const ghostDoctor = { ...threeSteps, steps: [{ ...threeSteps.steps[0], doctorId: '01900000-0000-7000-8000-0000000000dd' }] };
    expect(await err(app, 'treatmentPlans.create', ghostDoctor)).toMatchObject({ code: 'not_found', field: 'steps.0.doctorId' });
    expect(await err(app, 'treatmentPlans.create', { ...threeSteps, patientId: PX.apptLater })).toMatchObject({
      code: 'not_found',
      field: 'patientId',
    });
    expect(moneyCounts(app)).toEqual(before);
  });

  it('moves proposed → accepted (who and when) → in_progress → completed and refuses impossible moves', async () => {
    const { id } = await ok(app, 'treatmentPlans.create', threeSteps);
    const before = moneyCounts(app);
    expect(await err(app, 'treatmentPlans.setStatus', { id, status: 'completed' })).toMatchObject({
      code: 'invalid_transition',
      field: 'status',
      message: 'A treatment plan that is proposed cannot become completed. Allowed: accepted, cancelled.',
    });
    expect(moneyCounts(app)).toEqual(before);
    const accepted = await ok(app, 'treatmentPlans.setStatus', { id, status: 'accepted' });
    expect(accepted).toMatchObject({
      status: 'accepted',
      acceptedAt: '2026-11-23T10:00:00.000Z',
      acceptedBy: FX.staff,
      acceptedByName: 'Rosa Desk',
    });
    await ok(app, 'treatmentPlans.setStatus', { id, status: 'in_progress' });
    const done = await ok(app, 'treatmentPlans.setStatus', { id, status: 'completed' });
    expect(done.allowedNext).toEqual([]);
    expect(await err(app, 'treatmentPlans.setStatus', { id, status: 'cancelled' })).toMatchObject({ code: 'invalid_transition' });
    expect(app.db.prepare(`SELECT action FROM audit_log ORDER BY at, id`).all().map((r) => (r as { action: string }).action)).toEqual([
      'treatmentPlans.create',
      'treatmentPlans.accepted',
      'treatmentPlans.in_progress',
      'treatmentPlans.completed',
    ]);
  });

  it('edits and cancels a step; cancelled steps leave the progress', async () => {
    const plan = await ok(app, 'treatmentPlans.create', threeSteps);
    const crown = plan.steps[2]!;
    const edited = await ok(app, 'treatmentPlans.updateStep', { stepId: crown.id, estimatedCostCents: 65_000, tooth: null });
    expect(edited.steps[2]).toMatchObject({ estimatedCostCents: 65_000, tooth: null });
    const cancelled = await ok(app, 'treatmentPlans.updateStep', { stepId: crown.id, status: 'cancelled' });
    expect(cancelled.progress).toEqual({ stepsDone: 0, stepsTotal: 2, costDoneCents: 0, costTotalCents: 60_000 });
    expect(await err(app, 'treatmentPlans.updateStep', { stepId: crown.id, expectedMinutes: 2 })).toMatchObject({
      field: 'expectedMinutes',
    });
  });

  it('books a step by linking an appointment, and completing the appointment marks the step done', async () => {
    const plan = await ok(app, 'treatmentPlans.create', threeSteps);
    await ok(app, 'treatmentPlans.setStatus', { id: plan.id, status: 'accepted' });
    const step = plan.steps[0]!;
    const linked = await ok(app, 'treatmentPlans.linkAppointment', { stepId: step.id, appointmentId: FX.appt });
    expect(linked.steps[0]).toMatchObject({
      status: 'scheduled',
      appointmentId: FX.appt,
      appointmentStartsAt: '2026-11-23T09:00:00.000Z',
    });
    expect(await err(app, 'treatmentPlans.linkAppointment', { stepId: plan.steps[1]!.id, appointmentId: FX.appt })).toMatchObject({
      code: 'conflict',
      field: 'appointmentId',
    });
    expect(
      await err(app, 'treatmentPlans.linkAppointment', { stepId: plan.steps[1]!.id, appointmentId: PX.apptOtherPatient }),
    ).toMatchObject({ code: 'validation_error', field: 'appointmentId' });

    await ok(app, 'appointments.setStatus', { id: FX.appt, status: 'arrived' });
    await ok(app, 'appointments.setStatus', { id: FX.appt, status: 'completed' });
    const after = await ok(app, 'treatmentPlans.get', { id: plan.id });
    expect(after.steps[0]!.status).toBe('done');
    expect(after.status).toBe('in_progress');
    expect(after.progress).toEqual({ stepsDone: 1, stepsTotal: 3, costDoneCents: 40_000, costTotalCents: 120_000 });
    // The step change rides in the appointment's own audited transaction.
    const audit = app.db.prepare(`SELECT details FROM audit_log WHERE action = 'appointments.completed'`).get() as { details: string };
    expect(JSON.parse(audit.details).rows.map((r: { table: string }) => r.table)).toEqual([
      'appointments',
      'treatment_steps',
      'treatment_plans',
    ]);
    expect(await err(app, 'treatmentPlans.updateStep', { stepId: step.id, procedure: 'x' })).toMatchObject({ code: 'conflict' });
  });

  it('frees a booked step again when its appointment is cancelled', async () => {
    const plan = await ok(app, 'treatmentPlans.create', threeSteps);
    await ok(app, 'treatmentPlans.linkAppointment', { stepId: plan.steps[1]!.id, appointmentId: PX.apptLater });
    await ok(app, 'appointments.setStatus', { id: PX.apptLater, status: 'cancelled', reason: 'Patient travelling' });
    const after = await ok(app, 'treatmentPlans.get', { id: plan.id });
    expect(after.steps[1]).toMatchObject({ status: 'planned', appointmentId: null });
  });

  it('keeps the existing appointment flow unchanged for appointments not linked to any step', async () => {
    const res = await ok(app, 'appointments.setStatus', { id: FX.apptOtherDay, status: 'confirmed' });
    expect(res.status).toBe('confirmed');
  });
});
