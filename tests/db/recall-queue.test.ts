import { beforeEach, describe, expect, it } from 'vitest';
import type { WriteDb } from '../../electron/db/database.ts';
import { FX, freshDb, seedFixture } from './fixtures.ts';
import { type Desk, addPatient, addVisit, desk } from './recall-fixtures.ts';

describe('recalls work queue', () => {
  let db: WriteDb;
  let a: Desk;
  let b: Desk;
  let campaignId: string;
  let patients: string[];
  const clock = { now: new Date('2026-11-23T10:00:00.000Z') };

  beforeEach(async () => {
    clock.now = new Date('2026-11-23T10:00:00.000Z');
    db = freshDb();
    seedFixture(db);
    a = desk(db, 'desk-a', clock);
    b = desk(db, 'desk-b', clock);
    patients = ['Uno', 'Dos', 'Tres'].map((first, i) => {
      const id = addPatient(db, { first, last: 'Q' });
      addVisit(db, id, { at: `2026-05-0${i + 1}T09:00:00.000Z` });
      return id;
    });
    const type = await a.call('recalls.types.create', { name: 'Cleaning', intervalMonths: 6, basis: 'appointment_types', appointmentTypeIds: [FX.type] });
    const c = await a.call('recalls.campaigns.create', {
      name: 'Q',
      recallTypeId: type.id,
      criteria: {},
      maxAttempts: 2,
      attemptSpacingHours: 24,
    });
    campaignId = c.id;
    await a.call('recalls.campaigns.activate', { campaignId });
  });

  const claims = () => db.prepare(`SELECT patient_id, claimed_by FROM recall_contacts WHERE claimed_by IS NOT NULL`).all();

  it('never hands the same contact to two desks at once, and tells what the caller needs', async () => {
    const first = await a.call('recalls.queue.next', { campaignId });
    const second = await b.call('recalls.queue.next', { campaignId });
    expect(first.contact?.patientId).toBe(patients[0]); // earliest due first
    expect(second.contact?.patientId).toBe(patients[1]);
    expect(first.contact).toMatchObject({
      name: 'Uno Q',
      phone: '+34 600 000 000',
      preferredChannel: 'phone',
      lastVisit: '2026-05-01',
      dueDate: '2026-11-01',
      dueReason: 'Cleaning due 2026-11-01',
      attempts: 0,
      maxAttempts: 2,
      history: [],
      claimedUntil: '2026-11-23T10:05:00.000Z',
    });
    expect(second).toMatchObject({ readyCount: 1, waitingCount: 1, nextReadyAt: '2026-11-23T10:05:00.000Z' });
    // Asking again (a reload) keeps this desk's own claim instead of taking a new person.
    expect((await a.call('recalls.queue.next', { campaignId })).contact?.patientId).toBe(patients[0]);
    expect(claims()).toHaveLength(2);
    // The claim is a synced change like any other.
    expect(db.prepare(`SELECT count(*) n FROM outbox WHERE table_name = 'recall_contacts' AND changes LIKE '%claimed_by%'`).get()).toEqual({ n: 3 });
  });

  it('lets another desk take a claim once it has expired', async () => {
    await a.call('recalls.queue.next', { campaignId });
    const third = await b.call('recalls.queue.next', { campaignId });
    expect(third.contact?.patientId).toBe(patients[1]);
    clock.now = new Date('2026-11-23T10:05:00.000Z');
    const taken = await b.call('recalls.queue.next', { campaignId, skip: [third.contact!.contactId] });
    expect(taken.contact?.patientId).toBe(patients[0]);
  });

  it('skips on request and releases a claim only for the desk that holds it', async () => {
    const first = await a.call('recalls.queue.next', { campaignId });
    expect(await b.call('recalls.queue.release', { contactId: first.contact!.contactId })).toEqual({ released: false });
    const skipped = await a.call('recalls.queue.next', { campaignId, skip: [first.contact!.contactId] });
    expect(skipped.contact?.patientId).toBe(patients[1]);
    expect(await a.call('recalls.queue.release', { contactId: first.contact!.contactId })).toEqual({ released: true });
    expect((await b.call('recalls.queue.next', { campaignId })).contact?.patientId).toBe(patients[0]);
  });

  it('spaces attempts and closes the contact at the maximum', async () => {
    const { contact } = await a.call('recalls.queue.next', { campaignId });
    const after1 = await a.call('recalls.attempts.log', { contactId: contact!.contactId, outcome: 'no_answer', notes: 'rang out' });
    expect(after1).toMatchObject({ status: 'open', attempts: 1, nextAttemptAfter: '2026-11-24T10:00:00.000Z', claimedUntil: null, notes: 'rang out' });
    expect(after1.history).toEqual([expect.objectContaining({ outcome: 'no_answer', notes: 'rang out', attemptedByName: 'Rosa Desk' })]);
    // Waiting for the spacing: the other two come first, then nobody until tomorrow 10:00.
    await a.call('recalls.queue.next', { campaignId });
    await b.call('recalls.queue.next', { campaignId });
    const none = await desk(db, 'desk-c', clock).call('recalls.queue.next', { campaignId });
    expect(none).toMatchObject({ contact: null, readyCount: 0, waitingCount: 3, nextReadyAt: '2026-11-23T10:05:00.000Z' });
    clock.now = new Date('2026-11-24T10:00:00.000Z');
    const again = await a.call('recalls.queue.next', { campaignId, skip: patientsContacts(db, [patients[1]!, patients[2]!]) });
    expect(again.contact?.contactId).toBe(contact!.contactId);
    const done = await a.call('recalls.attempts.log', { contactId: contact!.contactId, outcome: 'left_message' });
    expect(done).toMatchObject({ status: 'done', outcome: 'left_message', attempts: 2, nextAttemptAfter: null });
  });

  it('schedules a call-back for its day and refuses one in the past', async () => {
    const { contact } = await a.call('recalls.queue.next', { campaignId });
    const past = await a.invoke('recalls.attempts.log', { contactId: contact!.contactId, outcome: 'call_back', callbackOn: '2026-11-22' });
    expect(past).toMatchObject({ ok: false, error: { field: 'callbackOn' } });
    const missing = await a.invoke('recalls.attempts.log', { contactId: contact!.contactId, outcome: 'call_back' });
    expect(missing).toMatchObject({ ok: false, error: { field: 'callbackOn' } });
    const cb = await a.call('recalls.attempts.log', { contactId: contact!.contactId, outcome: 'call_back', callbackOn: '2026-11-26' });
    expect(cb).toMatchObject({ status: 'open', outcome: 'call_back', nextAttemptAfter: '2026-11-25T23:00:00.000Z' });
  });

  it('marks the patient opted out, and links a booked appointment of that patient only', async () => {
    const first = (await a.call('recalls.queue.next', { campaignId })).contact!;
    await a.call('recalls.attempts.log', { contactId: first.contactId, outcome: 'opted_out' });
    expect(db.prepare(`SELECT opt_out FROM patients WHERE id = ?`).get(first.patientId)).toEqual({ opt_out: 1 });
    expect(db.prepare(`SELECT count(*) n FROM outbox WHERE table_name = 'patients'`).get()).toEqual({ n: 1 });

    const second = (await a.call('recalls.queue.next', { campaignId })).contact!;
    const otherPatientsVisit = addVisit(db, patients[2]!, { at: '2026-12-01T09:00:00.000Z', status: 'scheduled' });
    const wrong = await a.invoke('recalls.attempts.log', { contactId: second.contactId, outcome: 'booked', appointmentId: otherPatientsVisit });
    expect(wrong).toMatchObject({ ok: false, error: { field: 'appointmentId' } });
    const appt = addVisit(db, second.patientId, { at: '2026-12-01T10:00:00.000Z', status: 'scheduled' });
    const booked = await a.call('recalls.attempts.log', { contactId: second.contactId, outcome: 'booked', appointmentId: appt });
    expect(booked).toMatchObject({ status: 'done', outcome: 'booked', bookedAppointmentId: appt });
  });

  it('keeps both calls when two partitioned desks called the same person; a final outcome wins', async () => {
    const { contact } = await a.call('recalls.queue.next', { campaignId });
    // Desk B never saw A's claim (offline): it logs a call on the same contact after A's booking.
    const appt = addVisit(db, contact!.patientId, { at: '2026-12-01T10:00:00.000Z', status: 'scheduled' });
    await a.call('recalls.attempts.log', { contactId: contact!.contactId, outcome: 'booked', appointmentId: appt });
    clock.now = new Date('2026-11-23T10:01:00.000Z');
    const merged = await b.call('recalls.attempts.log', { contactId: contact!.contactId, outcome: 'no_answer' });
    expect(merged).toMatchObject({ status: 'done', outcome: 'booked', attempts: 2, bookedAppointmentId: appt });
    expect(merged.history.map((h) => h.outcome)).toEqual(['booked', 'no_answer']);
  });

  it('re-resolves a contact from attempts pulled from another desk before handing it out', async () => {
    const [first, second] = patientsContacts(db, patients);
    // Another desk's calls arrive by sync while this contact's own row lost the race (a conflict
    // kept the other desk's older state): the attempts say done, the row still says open.
    const pulled = (contactId: string, outcome: string, at: string) =>
      db
        .prepare(
          `INSERT INTO recall_attempts (id, clinic_id, contact_id, attempted_at, outcome, version, updated_at)
           VALUES (?, ?, ?, ?, ?, 3, ?)`,
        )
        .run(`0190000${outcome.length}-0000-7000-8000-${contactId.slice(-12)}`, FX.clinic, contactId, at, outcome, at);
    pulled(first!, 'declined', '2026-11-23T08:00:00.000Z');
    pulled(second!, 'no_answer', '2026-11-23T09:00:00.000Z');
    const next = await a.call('recalls.queue.next', { campaignId });
    // Uno declined (done) and Dos waits out the 24-hour spacing: Tres is the one to call.
    expect(next.contact?.patientId).toBe(patients[2]);
    const rows = db.prepare(`SELECT id, status, outcome, attempts, next_attempt_after FROM recall_contacts WHERE id IN (?, ?) ORDER BY id`).all(first, second);
    expect(rows).toEqual(
      [
        { id: first, status: 'done', outcome: 'declined', attempts: 1, next_attempt_after: null },
        { id: second, status: 'open', outcome: 'no_answer', attempts: 1, next_attempt_after: '2026-11-24T09:00:00.000Z' },
      ].sort((x, y) => x.id!.localeCompare(y.id!)),
    );
    // The corrections are ordinary synced changes, so the other desks converge too.
    const queued = db.prepare(`SELECT row_id FROM outbox WHERE table_name = 'recall_contacts' AND changes LIKE '%"status"%' ORDER BY seq`).all();
    expect(queued.map((r) => (r as { row_id: string }).row_id)).toEqual(expect.arrayContaining([first, second]));
  });

  it('has no call list for a campaign that is not active', async () => {
    await a.call('recalls.campaigns.close', { campaignId });
    const res = await a.invoke('recalls.queue.next', { campaignId });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_transition', message: expect.stringMatching(/closed/) } });
  });
});

function patientsContacts(db: WriteDb, patientIds: string[]): string[] {
  return patientIds.map((p) => (db.prepare(`SELECT id FROM recall_contacts WHERE patient_id = ?`).get(p) as { id: string }).id);
}
