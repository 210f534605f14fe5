import { beforeEach, describe, expect, it } from 'vitest';
import type { WriteDb } from '../../electron/db/database.ts';
import type { RecallType } from '../../shared/domain/recall-types.ts';
import { FX, count, freshDb, seedFixture } from './fixtures.ts';
import { type Desk, addCompletedPlan, addPatient, addStaff, addVisit, desk } from './recall-fixtures.ts';

describe('recalls commands', () => {
  let db: WriteDb;
  let a: Desk;
  const clock = { now: new Date('2026-11-23T10:00:00.000Z') };
  let cleaning: RecallType;

  beforeEach(async () => {
    db = freshDb();
    seedFixture(db);
    a = desk(db, 'desk-a', clock);
    cleaning = await a.call('recalls.types.create', {
      name: 'Cleaning',
      intervalMonths: 6,
      basis: 'appointment_types',
      appointmentTypeIds: [FX.type],
    });
  });

  describe('recalls.types', () => {
    it('creates, lists and updates recall types through the outbox', async () => {
      expect(cleaning).toMatchObject({ name: 'Cleaning', intervalMonths: 6, appointmentTypeIds: [FX.type], active: true });
      const updated = await a.call('recalls.types.update', { id: cleaning.id, intervalMonths: 12, active: false });
      expect(updated).toMatchObject({ intervalMonths: 12, active: false });
      expect((await a.call('recalls.types.list', {})).map((t) => t.id)).toEqual([cleaning.id]);
      expect(db.prepare(`SELECT count(*) n FROM outbox WHERE table_name = 'recall_types'`).get()).toEqual({ n: 2 });
    });

    it('refuses unknown appointment types, naming the field', async () => {
      const res = await a.invoke('recalls.types.create', {
        name: 'X',
        intervalMonths: 6,
        basis: 'appointment_types',
        appointmentTypeIds: ['01900000-0000-7000-8000-0000000000ff'],
      });
      expect(res).toMatchObject({ ok: false, error: { code: 'validation_error', field: 'appointmentTypeIds' } });
    });
  });

  describe('recalls.dueForPatient', () => {
    it('gives a due date per active recall type, and says when there is no qualifying visit', async () => {
      const check = await a.call('recalls.types.create', { name: 'Check-up', intervalMonths: 12, basis: 'treatment_plan' });
      const p = addPatient(db);
      addVisit(db, p, { at: '2026-05-31T09:00:00.000Z' }); // cleaning 31 May → due 30 Nov
      const due = await a.call('recalls.dueForPatient', { patientId: p });
      expect(due).toEqual([
        expect.objectContaining({ recallTypeId: check.id, dueDate: null, state: 'no_qualifying_visit' }),
        expect.objectContaining({ recallTypeId: cleaning.id, basisDate: '2026-05-31', dueDate: '2026-11-30', daysUntil: 7, state: 'due_soon' }),
      ]);
      addCompletedPlan(db, p, '2025-10-01T10:00:00.000Z');
      const withPlan = await a.call('recalls.dueForPatient', { patientId: p });
      expect(withPlan[0]).toMatchObject({ dueDate: '2026-10-01', state: 'overdue', daysUntil: -53 });
    });
  });

  describe('recalls.preview and campaigns', () => {
    let due: string;
    beforeEach(() => {
      due = addPatient(db, { first: 'Due', last: 'Soon', channel: 'whatsapp' });
      addVisit(db, due, { at: '2026-05-20T09:00:00.000Z' }); // due 20 Nov
      const later = addPatient(db, { first: 'Not', last: 'Yet' });
      addVisit(db, later, { at: '2026-09-01T09:00:00.000Z' });
      const opted = addPatient(db, { first: 'Opted', last: 'Out', optOut: true });
      addVisit(db, opted, { at: '2026-05-20T09:00:00.000Z' });
      const blocked = addPatient(db, { first: 'Blocked', last: 'One', blocked: true });
      addVisit(db, blocked, { at: '2026-05-20T09:00:00.000Z' });
      addPatient(db, { first: 'Never', last: 'Came' });
    });

    const window = { due: { kind: 'window', from: '2026-11-01', to: '2026-11-30' } };

    it('counts and samples the matching patients with their preferred channel, never opted-out or blocked ones', async () => {
      const preview = await a.call('recalls.preview', { recallTypeId: cleaning.id, criteria: window });
      expect(preview.count).toBe(1);
      expect(preview.sample).toEqual([
        {
          patientId: due,
          name: 'Due Soon',
          phone: '+34 600 000 000',
          email: null,
          preferredChannel: 'whatsapp',
          lastVisit: '2026-05-20',
          dueDate: '2026-11-20',
          dueReason: 'Cleaning due 2026-11-20',
        },
      ]);
      const all = await a.call('recalls.preview', { criteria: {} });
      expect(all.count).toBe(4); // the fixture patient, Due, Not yet, Never came
      expect(all.sample.map((r) => r.name)).toEqual(['Never Came', 'Lucía García', 'Due Soon', 'Not Yet'].sort((x, y) => x.split(' ')[1]!.localeCompare(y.split(' ')[1]!)));
      const live = await a.call('recalls.preview', { recallTypeId: cleaning.id, criteria: window, sample: false });
      expect(live).toEqual({ count: 1, sample: [] });
    });

    it('refuses due-date criteria without a recall type', async () => {
      const res = await a.invoke('recalls.preview', { criteria: window });
      expect(res).toMatchObject({ ok: false, error: { code: 'validation_error', field: 'recallTypeId' } });
    });

    it('moves draft → active (snapshotting contacts) → closed and refuses other transitions clearly', async () => {
      const draft = await a.call('recalls.campaigns.create', {
        name: 'November cleanings',
        recallTypeId: cleaning.id,
        criteria: window,
        maxAttempts: 2,
        attemptSpacingHours: 4,
      });
      expect(draft).toMatchObject({ status: 'draft', counts: { total: 0 }, criteria: window });
      const closeDraft = await a.invoke('recalls.campaigns.close', { campaignId: draft.id });
      expect(closeDraft).toMatchObject({ ok: false, error: { code: 'invalid_transition', message: expect.stringMatching(/draft campaign cannot be closed/) } });
      const active = await a.call('recalls.campaigns.activate', { campaignId: draft.id });
      expect(active).toMatchObject({ status: 'active', activatedAt: clock.now.toISOString(), counts: { total: 1, open: 1 } });
      expect(db.prepare(`SELECT patient_id, due_date, due_reason FROM recall_contacts`).all()).toEqual([
        { patient_id: due, due_date: '2026-11-20', due_reason: 'Cleaning due 2026-11-20' },
      ]);
      const again = await a.invoke('recalls.campaigns.activate', { campaignId: draft.id });
      expect(again).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
      expect(await a.call('recalls.campaigns.close', { campaignId: draft.id })).toMatchObject({ status: 'closed' });
      expect((await a.call('recalls.campaigns.list', {})).map((c) => c.status)).toEqual(['closed']);
    });

    it('refuses to activate a campaign nobody matches', async () => {
      const c = await a.call('recalls.campaigns.create', { name: 'Empty', criteria: { ageMin: 120 } });
      const res = await a.invoke('recalls.campaigns.activate', { campaignId: c.id });
      expect(res).toMatchObject({ ok: false, error: { code: 'validation_error', field: 'criteria' } });
      expect(count(db, 'recall_contacts')).toBe(0);
    });
  });

  describe('recalls.results and exportCsv', () => {
    it('computes contacted, reached and booked shares, kept appointments, per staff and per day', async () => {
      const patients = ['=Evil', 'Two', 'Three', 'Four'].map((first) => {
        const id = addPatient(db, { first, last: 'Res, "Q"' });
        addVisit(db, id, { at: '2026-05-20T09:00:00.000Z' });
        return id;
      });
      const c = await a.call('recalls.campaigns.create', {
        name: 'Results test',
        recallTypeId: cleaning.id,
        criteria: { due: { kind: 'overdue', days: 0 } },
        maxAttempts: 3,
        attemptSpacingHours: 0,
      });
      await a.call('recalls.campaigns.activate', { campaignId: c.id });
      const contacts = db.prepare(`SELECT id, patient_id FROM recall_contacts`).all() as { id: string; patient_id: string }[];
      const of = (p: string) => contacts.find((k) => k.patient_id === p)!.id;
      const bea = desk(db, 'desk-b', clock, addStaff(db, 'Bea'));
      const kept = addVisit(db, patients[0]!, { at: '2026-11-30T09:00:00.000Z', status: 'scheduled' });
      const noShow = addVisit(db, patients[1]!, { at: '2026-11-30T10:00:00.000Z', status: 'scheduled' });
      await a.call('recalls.attempts.log', { contactId: of(patients[0]!), outcome: 'booked', appointmentId: kept, notes: '=1+1' });
      clock.now = new Date('2026-11-24T10:00:00.000Z');
      await bea.call('recalls.attempts.log', { contactId: of(patients[1]!), outcome: 'no_answer' });
      await bea.call('recalls.attempts.log', { contactId: of(patients[1]!), outcome: 'booked', appointmentId: noShow });
      await bea.call('recalls.attempts.log', { contactId: of(patients[2]!), outcome: 'left_message' });
      db.prepare(`UPDATE appointments SET status = 'completed' WHERE id = ?`).run(kept);
      db.prepare(`UPDATE appointments SET status = 'no_show' WHERE id = ?`).run(noShow);

      const r = await a.call('recalls.results', { campaignId: c.id });
      expect(r).toMatchObject({
        total: 4,
        contacted: { count: 3, percent: 75 },
        reached: { count: 2, percent: 50 },
        booked: { count: 2, percent: 50 },
        appointments: { kept: 1, noShow: 1, cancelled: 0, upcoming: 0 },
        outcomes: { booked: 2, no_answer: 1, left_message: 1, declined: 0 },
      });
      expect(r.byStaff).toEqual([
        { staffId: expect.any(String), name: 'Bea', attempts: 3, reached: 1, booked: 1 },
        { staffId: FX.staff, name: 'Rosa Desk', attempts: 1, reached: 1, booked: 1 },
      ]);
      expect(r.byDay).toEqual([
        { date: '2026-11-23', attempts: 1, reached: 1, booked: 1 },
        { date: '2026-11-24', attempts: 3, reached: 1, booked: 1 },
      ]);

      const { csv, fileName } = await a.call('recalls.exportCsv', { campaignId: c.id });
      expect(fileName).toBe('recall-results-test-2026-11-24.csv');
      const lines = csv.split('\r\n');
      expect(lines[0]).toBe(
        'Patient,Phone,Email,Preferred channel,Due date,Due reason,Status,Outcome,Attempts,Last attempt,Booked appointment,Appointment status,Notes',
      );
      expect(lines).toContain(
        `"'=Evil Res, ""Q""",'+34 600 000 000,,phone,2026-11-20,Cleaning due 2026-11-20,done,booked,1,2026-11-23 11:00,2026-11-30 10:00,completed,'=1+1`,
      );
      expect(lines).toHaveLength(6); // header, 4 contacts, trailing empty after the last CRLF
    });
  });

  describe('recalls.templates.render', () => {
    it('fills the template for the contact in the chosen language', async () => {
      db.prepare(`UPDATE clinics SET phone = '+34 910 000 000' WHERE id = ?`).run(FX.clinic);
      const p = addPatient(db, { first: 'Lucía', last: 'Sol' });
      addVisit(db, p, { at: '2026-05-20T09:00:00.000Z' });
      const c = await a.call('recalls.campaigns.create', { name: 'T', recallTypeId: cleaning.id, criteria: {} });
      await a.call('recalls.campaigns.activate', { campaignId: c.id });
      const contactId = (db.prepare(`SELECT id FROM recall_contacts WHERE patient_id = ?`).get(p) as { id: string }).id;
      const es = await a.call('recalls.templates.render', { contactId, channel: 'sms', language: 'es' });
      expect(es.text).toBe(
        'Hola Lucía, le escribimos de Fixture Clinic. Su revisión (Cleaning) estaba prevista para el 20 de noviembre de 2026. Llámenos al +34 910 000 000 para reservar cita.',
      );
      const email = await a.call('recalls.templates.render', { contactId, channel: 'email', language: 'en' });
      expect(email.subject).toBe('Time for your next visit at Fixture Clinic');
      expect(email.text).toMatch(/^Dear Lucía Sol,\n\nYour Cleaning was due on 20 November 2026\./);
    });
  });
});
