import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UndoResult } from '../../shared/domain/booking-types.ts';
import type { AppointmentDetail } from '../../shared/domain/types.ts';
import { BOOKING_DAY, BX, type BookingTestApp, bookInput, bookingApp, madrid } from './booking-fixtures.ts';
import { FX } from './fixtures.ts';

const MON = BOOKING_DAY;

describe('booking', () => {
  let t: BookingTestApp;
  beforeEach(() => (t = bookingApp()));
  afterEach(() => t.app.close());

  const book = bookInput;

  describe('appointments.book', () => {
    it('books with the type’s duration and the working room, audited and queued for sync', async () => {
      const before = t.writes();
      const a = await t.call<AppointmentDetail>('appointments.book', book({ notes: 'First visit', idempotencyKey: 'desk-1-req-0001' }));
      expect(a).toMatchObject({
        doctorId: FX.doctorA,
        roomId: FX.room,
        roomName: 'Room 1',
        patientId: BX.patient2,
        patientName: 'José Pérez Núñez',
        startsAt: madrid(MON, '12:00'),
        endsAt: madrid(MON, '12:30'),
        status: 'scheduled',
        notes: 'First visit',
      });
      expect(t.writes()).toEqual([before[0]! + 1, before[1], before[2]! + 1, before[3]! + 2]);
      expect(t.app.db.prepare(`SELECT action, row_id FROM audit_log`).all()).toEqual([{ action: 'appointments.book', row_id: a.id }]);
      // A retried request with the same key answers the same booking and writes nothing.
      const again = await t.call<AppointmentDetail>('appointments.book', book({ idempotencyKey: 'desk-1-req-0001' }));
      expect(again.id).toBe(a.id);
      expect(t.writes()).toEqual([before[0]! + 1, before[1], before[2]! + 1, before[3]! + 2]);
    });

    it('uses the doctor’s own duration and accepts any ISO offset', async () => {
      const a = await t.call<AppointmentDetail>('appointments.book', book({ doctorId: FX.doctorB, startsAt: '2026-11-23T12:00:00+01:00' }));
      expect([a.startsAt, a.endsAt, a.roomId]).toEqual([madrid(MON, '12:00'), madrid(MON, '12:45'), BX.room2]);
    });

    it.each([
      ['an end before the start', { endsAt: madrid(MON, '11:00') }, { code: 'validation_error', field: 'endsAt' }],
      ['an unknown doctor', { doctorId: BX.missing }, { code: 'not_found', field: 'doctorId' }],
      ['an unknown patient', { patientId: BX.missing }, { code: 'not_found', field: 'patientId' }],
      ['an unknown room', { roomId: BX.missing }, { code: 'not_found', field: 'roomId' }],
      ['a time already past', { startsAt: madrid(MON, '09:00') }, { code: 'validation_error', field: 'startsAt' }],
      ['a slot in a vacation', { startsAt: madrid('2026-11-30', '10:00') }, { code: 'conflict', message: expect.stringMatching(/is away .*Congress/) }],
      ['a time outside working hours', { startsAt: madrid(MON, '14:00') }, { code: 'conflict', message: expect.stringMatching(/does not work then/) }],
      ['a break', { startsAt: madrid(MON, '12:45') }, { code: 'conflict', message: expect.stringMatching(/has a break 13:00–13:30/) }],
      ['a clinic closure', { startsAt: madrid('2026-12-07', '09:00') }, { code: 'conflict', message: expect.stringMatching(/clinic is closed .*Inspection/) }],
      ['a flagged patient', { patientId: BX.blockedPatient }, { code: 'conflict', message: expect.stringMatching(/Unpaid balance/) }],
    ])('refuses %s with a clear error and changes nothing', async (_what, over, expected) => {
      const before = t.writes();
      expect(await t.error('appointments.book', book(over))).toMatchObject(expected);
      expect(t.writes()).toEqual(before);
    });

    it('books a flagged patient once confirmed', async () => {
      const a = await t.call<AppointmentDetail>('appointments.book', book({ patientId: BX.blockedPatient, confirmBlocked: true }));
      expect(a.status).toBe('scheduled');
    });

    it('refuses overlaps for the doctor, the room and the patient, naming who and listing the ids', async () => {
      const first = await t.call<AppointmentDetail>('appointments.book', book());
      const before = t.writes();
      const doctor = await t.error('appointments.book', book({ patientId: FX.patient, startsAt: madrid(MON, '12:15') }));
      expect(doctor).toMatchObject({
        code: 'overlap',
        message: expect.stringMatching(/Dr\. Ana Alonso already sees José Pérez Núñez at 12:00–12:30/),
        details: { appointmentIds: [first.id], conflicts: [{ kind: 'doctor', appointmentId: first.id }] },
      });
      const room = await t.error('appointments.book', book({ patientId: FX.patient, doctorId: FX.doctorB, roomId: FX.room }));
      expect(room).toMatchObject({ code: 'overlap', message: expect.stringMatching(/Room 1 is taken by José Pérez Núñez \(Dr\. Ana Alonso\)/) });
      const patient = await t.error('appointments.book', book({ doctorId: FX.doctorB, startsAt: madrid(MON, '11:45') }));
      expect(patient).toMatchObject({ code: 'overlap', details: { conflicts: [{ kind: 'patient', appointmentId: first.id }] } });
      expect(t.writes()).toEqual(before);
      // Back to back is fine.
      await t.call('appointments.book', book({ patientId: FX.patient, startsAt: madrid(MON, '12:30') }));
    });

    it('frees the time when the blocking appointment is cancelled', async () => {
      const first = await t.call<AppointmentDetail>('appointments.book', book());
      await t.call('appointments.cancel', { id: first.id, reason: 'Patient called' });
      await t.call('appointments.book', book({ patientId: FX.patient }));
    });
  });

  describe('appointments.reschedule', () => {
    it('moves an appointment, overlapping only its own old time, keeping its length', async () => {
      const a = await t.call<AppointmentDetail>('appointments.book', book());
      const moved = await t.call<AppointmentDetail>('appointments.reschedule', { id: a.id, startsAt: madrid(MON, '12:15') });
      expect([moved.startsAt, moved.endsAt]).toEqual([madrid(MON, '12:15'), madrid(MON, '12:45')]);
      const other = await t.call<AppointmentDetail>('appointments.reschedule', { id: a.id, startsAt: madrid(MON, '11:00'), doctorId: FX.doctorB });
      expect([other.doctorId, other.roomId]).toEqual([FX.doctorB, BX.room2]);
    });

    it('refuses a taken time, a vacation, and moving an appointment the patient arrived for', async () => {
      const a = await t.call<AppointmentDetail>('appointments.book', book());
      const b = await t.call<AppointmentDetail>('appointments.book', book({ patientId: FX.patient, startsAt: madrid(MON, '12:30') }));
      const before = t.writes();
      expect(await t.error('appointments.reschedule', { id: a.id, startsAt: madrid(MON, '12:15') })).toMatchObject({
        code: 'overlap',
        details: { appointmentIds: [b.id] },
      });
      expect(await t.error('appointments.reschedule', { id: a.id, startsAt: madrid('2026-11-30', '09:00') })).toMatchObject({ code: 'conflict' });
      expect(await t.error('appointments.reschedule', { id: a.id, startsAt: madrid(MON, '12:15'), endsAt: madrid(MON, '12:00') })).toMatchObject({
        code: 'validation_error',
        field: 'endsAt',
      });
      expect(t.writes()).toEqual(before);
      t.clock.now = new Date(Date.parse(b.startsAt) - 10 * 60_000); // check-in opens shortly before the start
      await t.call('appointments.setStatus', { id: b.id, status: 'arrived' });
      expect(await t.error('appointments.reschedule', { id: b.id, startsAt: madrid(MON, '15:00') })).toMatchObject({ code: 'invalid_transition' });
    });
  });

  describe('appointments.cancel', () => {
    it('keeps who, when and why, and refuses a second cancellation or an empty reason', async () => {
      expect(await t.error('appointments.cancel', { id: FX.apptOtherDay, reason: ' ' })).toMatchObject({ code: 'validation_error', field: 'reason' });
      const c = await t.call<AppointmentDetail>('appointments.cancel', { id: FX.apptOtherDay, reason: 'Travelling' });
      expect(c).toMatchObject({ status: 'cancelled', cancelReason: 'Travelling', cancelledAt: '2026-11-23T10:00:00.000Z' });
      expect(t.app.db.prepare('SELECT cancelled_by FROM appointments WHERE id = ?').get(FX.apptOtherDay)).toEqual({ cancelled_by: FX.staff });
      expect(await t.error('appointments.cancel', { id: FX.apptOtherDay, reason: 'again' })).toMatchObject({ code: 'invalid_transition' });
    });
  });

  describe('appointments.undo', () => {
    const undo = (preview = false) => t.call<UndoResult>('appointments.undo', { preview });
    const row = (id: string) => t.app.db.prepare('SELECT status, starts_at, deleted_at, cancel_reason FROM appointments WHERE id = ?').get(id);

    it('removes a booking the server never saw; a preview changes nothing; undo is one level', async () => {
      expect(await t.error('appointments.undo', {})).toMatchObject({ code: 'not_found' });
      const a = await t.call<AppointmentDetail>('appointments.book', book());
      const before = t.writes();
      expect(await undo(true)).toMatchObject({ action: 'appointments.book', preview: true, description: expect.stringMatching(/José Pérez Núñez/) });
      expect(t.writes()).toEqual(before);
      expect(await undo()).toMatchObject({ action: 'appointments.book', preview: false, appointment: null });
      expect(row(a.id)).toMatchObject({ deleted_at: '2026-11-23T10:00:00.000Z' });
      expect(await t.error('appointments.undo', {})).toMatchObject({ code: 'conflict', message: expect.stringMatching(/already undone/) });
      await t.call('appointments.book', book({ patientId: FX.patient }));
    });

    it('cancels instead when the booking has already synced', async () => {
      const a = await t.call<AppointmentDetail>('appointments.book', book());
      t.app.db.prepare('UPDATE appointments SET version = 3 WHERE id = ?').run(a.id);
      await undo();
      expect(row(a.id)).toMatchObject({ status: 'cancelled', deleted_at: null, cancel_reason: 'Undone at the desk' });
    });

    it('moves a rescheduled appointment back, unless its old time was taken meanwhile', async () => {
      const a = await t.call<AppointmentDetail>('appointments.book', book());
      await t.call('appointments.reschedule', { id: a.id, startsAt: madrid(MON, '15:00') });
      expect(await undo()).toMatchObject({ action: 'appointments.reschedule', appointment: { startsAt: madrid(MON, '12:00') } });

      await t.call('appointments.reschedule', { id: a.id, startsAt: madrid(MON, '15:00') });
      t.app.db
        .prepare(
          `INSERT INTO appointments (id, clinic_id, doctor_id, room_id, patient_id, starts_at, ends_at, updated_at)
           VALUES ('01900000-0000-7000-8000-00000000b0ee', ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z')`,
        )
        .run(FX.clinic, FX.doctorA, FX.room, FX.patient, madrid(MON, '12:00'), madrid(MON, '12:30'));
      const before = t.writes();
      expect(await t.error('appointments.undo', {})).toMatchObject({ code: 'overlap' });
      expect(t.writes()).toEqual(before);
    });

    it('restores the status before a cancellation or a no-show, and refuses after 15 minutes', async () => {
      await t.call('appointments.cancel', { id: FX.apptOtherDay, reason: 'Oops' });
      expect(await undo()).toMatchObject({ action: 'appointments.cancelled', appointment: { status: 'scheduled', cancelReason: null } });
      // FX.appt started at 09:00Z, an hour before the clock: a no-show is allowed.
      await t.call('appointments.setStatus', { id: FX.appt, status: 'no_show' });
      t.clock.now = new Date('2026-11-23T10:16:00.000Z');
      expect(await t.error('appointments.undo', {})).toMatchObject({ code: 'conflict', message: expect.stringMatching(/more than 15 minutes/) });
      expect(row(FX.appt)).toMatchObject({ status: 'no_show' });
    });

    it('removes a patient created by mistake while they have no appointments', async () => {
      const p = await t.call<{ id: string }>('patients.create', { firstName: 'Typo', lastName: 'Person' });
      expect(await undo()).toMatchObject({ action: 'patients.create', patientId: p.id });
      expect(await t.error('patients.get', { id: p.id })).toMatchObject({ code: 'not_found' });
    });
  });
});
