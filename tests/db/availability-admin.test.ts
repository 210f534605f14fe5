import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AvailabilitySettings, DoctorScheduleView } from '../../shared/domain/availability-admin-types.ts';
import type { FindFreeResult } from '../../shared/domain/booking-types.ts';
import { BX, type BookingTestApp, bookingApp, madrid } from './booking-fixtures.ts';
import { FX, count } from './fixtures.ts';

const MON = '2026-11-23';
const LATER_MON = '2026-12-14';
const TUE = '2026-11-24';
const WED = '2026-11-25';

function asRole(t: BookingTestApp, role: 'admin' | 'manager' | 'receptionist') {
  t.app.db.prepare('UPDATE staff SET role = ? WHERE id = ?').run(role, FX.staff);
}

/** Everything an editor could change, to prove a refused edit changed nothing. */
const snapshot = (t: BookingTestApp) =>
  ['doctor_working_hours', 'doctor_breaks', 'doctor_vacations', 'clinic_blocked_periods', 'rooms', 'appointment_types', 'doctor_appointment_types', 'audit_log', 'outbox'].map(
    (table) => count(t.app.db, table),
  );

const weekOf = (s: DoctorScheduleView) => ({
  hours: s.hours.map(({ id, weekday, startMinute, endMinute, roomId }) => ({ id, weekday, startMinute, endMinute, roomId })),
  breaks: s.breaks.map(({ id, weekday, startMinute, endMinute, label }) => ({ id, weekday, startMinute, endMinute, label })),
});

describe('availability editors', () => {
  let t: BookingTestApp;
  beforeEach(() => {
    t = bookingApp();
    asRole(t, 'manager');
  });
  afterEach(() => t.app.close());

  const book = (hhmm: string, date = MON, doctorId: string = FX.doctorA) =>
    t.call<{ id: string }>('appointments.book', { patientId: BX.patient2, doctorId, appointmentTypeId: FX.type, startsAt: madrid(date, hhmm) });

  it('reads rooms, types, doctors and the editing right for everyone', async () => {
    asRole(t, 'receptionist');
    const s = await t.call<AvailabilitySettings>('availability.settings', {});
    expect(s.canEdit).toBe(false);
    expect(s.rooms.map((r) => r.name)).toEqual(['Room 1', 'Room 2']);
    expect(s.appointmentTypes).toEqual([expect.objectContaining({ id: FX.type, name: 'Cleaning', durationMinutes: 30 })]);
    expect(s.durationOverrides).toEqual([expect.objectContaining({ doctorId: FX.doctorB, durationMinutes: 45 })]);
    const sched = await t.call<DoctorScheduleView>('availability.doctorSchedule', { doctorId: FX.doctorA });
    expect(sched.hours.map((h) => [h.weekday, h.startMinute, h.endMinute])).toEqual([[1, 540, 840], [1, 900, 1140], [7, 540, 780]]);
  });

  it('refuses every write to a receptionist and changes nothing', async () => {
    asRole(t, 'receptionist');
    const before = snapshot(t);
    expect(await t.error('availability.saveRoom', { name: 'Room 9' })).toMatchObject({ code: 'forbidden' });
    expect(await t.error('availability.addBlocked', { startsAt: madrid(TUE, '09:00'), endsAt: madrid(TUE, '10:00') })).toMatchObject({ code: 'forbidden' });
    expect(snapshot(t)).toEqual(before);
  });

  it('replaces the weekly hours with several ranges per day and rooms, and find-free follows', async () => {
    const sched = await t.call<DoctorScheduleView>('availability.doctorSchedule', { doctorId: FX.doctorA });
    const { hours, breaks } = weekOf(sched);
    const saved = await t.call<DoctorScheduleView>('availability.saveWeek', {
      doctorId: FX.doctorA,
      hours: [...hours, { weekday: 3, startMinute: 600, endMinute: 660, roomId: BX.room2 }, { weekday: 3, startMinute: 720, endMinute: 780, roomId: null }],
      breaks,
    });
    expect(saved.hours.filter((h) => h.weekday === 3).map((h) => [h.startMinute, h.endMinute, h.roomId])).toEqual([[600, 660, BX.room2], [720, 780, null]]);
    const free = await t.call<FindFreeResult>('availability.findFree', { doctorId: FX.doctorA, appointmentTypeId: FX.type, fromDate: WED, toDate: WED, limit: 1 });
    expect(free.slots[0]).toMatchObject({ startsAt: madrid(WED, '10:00'), roomId: BX.room2 });
  });

  it('names the field when an end is before its start, and changes nothing', async () => {
    const before = snapshot(t);
    const err = await t.error('availability.saveWeek', { doctorId: FX.doctorA, hours: [{ weekday: 1, startMinute: 600, endMinute: 540 }], breaks: [] });
    expect(err).toMatchObject({ code: 'validation_error', field: 'hours.0.endMinute' });
    const vac = await t.error('availability.addVacation', { doctorId: FX.doctorA, startsAt: madrid(TUE, '12:00'), endsAt: madrid(TUE, '09:00') });
    expect(vac).toMatchObject({ code: 'validation_error', field: 'endsAt' });
    const overlap = await t.error('availability.saveWeek', {
      doctorId: FX.doctorA,
      hours: [{ weekday: 3, startMinute: 540, endMinute: 720 }, { weekday: 3, startMinute: 700, endMinute: 800 }],
      breaks: [],
    });
    expect(overlap).toMatchObject({ code: 'validation_error', field: 'hours.1.startMinute' });
    expect(await t.error('availability.saveType', { name: 'Long', durationMinutes: 3, color: '#112233' })).toMatchObject({ field: 'durationMinutes' });
    expect(snapshot(t)).toEqual(before);
  });

  it('answers not_found for an unknown doctor or room and changes nothing', async () => {
    const before = snapshot(t);
    expect(await t.error('availability.saveWeek', { doctorId: BX.missing, hours: [], breaks: [] })).toMatchObject({ code: 'not_found', field: 'doctorId' });
    expect(await t.error('availability.addVacation', { doctorId: BX.missing, startsAt: madrid(TUE, '09:00'), endsAt: madrid(TUE, '10:00') })).toMatchObject({
      code: 'not_found',
      field: 'doctorId',
    });
    expect(
      await t.error('availability.saveWeek', { doctorId: FX.doctorA, hours: [{ weekday: 1, startMinute: 540, endMinute: 600, roomId: BX.missing }], breaks: [] }),
    ).toMatchObject({ code: 'not_found', field: 'hours.0.roomId' });
    expect(snapshot(t)).toEqual(before);
  });

  it('lists the appointments shorter hours would strand and saves only when confirmed', async () => {
    const a = await book('16:00', LATER_MON);
    await book('10:00', LATER_MON); // still inside the new hours
    const { hours, breaks } = weekOf(await t.call<DoctorScheduleView>('availability.doctorSchedule', { doctorId: FX.doctorA }));
    const shorter = { doctorId: FX.doctorA, hours: hours.filter((h) => h.startMinute !== 900), breaks };
    const before = snapshot(t);
    const err = await t.error('availability.saveWeek', shorter);
    expect(err).toMatchObject({ code: 'conflict', details: { reason: 'orphans' } });
    expect((err.details!.appointments as { id: string }[]).map((x) => x.id)).toEqual([a.id]);
    expect(snapshot(t)).toEqual(before);
    const saved = await t.call<DoctorScheduleView>('availability.saveWeek', { ...shorter, confirmOrphans: true });
    expect(saved.hours.some((h) => h.startMinute === 900)).toBe(false);
  });

  it('warns about bookings inside a new absence or closure, then blocks booking there', async () => {
    const a = await book('12:00', MON, FX.doctorB);
    const vac = { doctorId: FX.doctorB, startsAt: madrid(MON, '09:00'), endsAt: madrid(MON, '14:00'), reason: 'Course' };
    const err = await t.error('availability.addVacation', vac);
    expect(err.details).toMatchObject({ reason: 'orphans', appointments: [expect.objectContaining({ id: a.id, patientName: 'José Pérez Núñez' })] });
    await t.call('availability.addVacation', { ...vac, confirmOrphans: true });
    const refused = await t.error('appointments.book', { patientId: FX.patient, doctorId: FX.doctorB, appointmentTypeId: FX.type, startsAt: madrid(MON, '12:00') });
    expect(refused).toMatchObject({ code: 'conflict', details: { reason: 'unavailable' } });

    const settings = await t.call<AvailabilitySettings>('availability.addBlocked', { startsAt: madrid(WED, '00:00'), endsAt: madrid('2026-11-26', '00:00'), reason: 'Holiday' });
    expect(settings.blocked.map((b) => b.reason)).toContain('Holiday');
    const removed = await t.call<AvailabilitySettings>('availability.removeBlocked', { id: settings.blocked.find((b) => b.reason === 'Holiday')!.id });
    expect(removed.blocked.map((b) => b.reason)).not.toContain('Holiday');
  });

  it('saves rooms and types, refuses duplicate names, and overrides a doctor’s duration', async () => {
    let s = await t.call<AvailabilitySettings>('availability.saveRoom', { name: 'Room 3' });
    expect(s.rooms.map((r) => r.name)).toContain('Room 3');
    expect(await t.error('availability.saveRoom', { name: 'room 1' })).toMatchObject({ code: 'validation_error', field: 'name' });
    s = await t.call<AvailabilitySettings>('availability.saveType', { name: 'Check-up', durationMinutes: 20, color: '#AA5500' });
    const checkup = s.appointmentTypes.find((x) => x.name === 'Check-up')!;
    expect(checkup).toMatchObject({ durationMinutes: 20, color: '#aa5500', active: true });
    s = await t.call<AvailabilitySettings>('availability.setDuration', { doctorId: FX.doctorA, appointmentTypeId: checkup.id, durationMinutes: 40 });
    expect(s.durationOverrides).toContainEqual(expect.objectContaining({ doctorId: FX.doctorA, appointmentTypeId: checkup.id, durationMinutes: 40 }));
    const free = await t.call<FindFreeResult>('availability.findFree', { doctorId: FX.doctorA, appointmentTypeId: checkup.id, fromDate: MON, limit: 1 });
    expect(free.slots[0]!.durationMinutes).toBe(40);
    s = await t.call<AvailabilitySettings>('availability.setDuration', { doctorId: FX.doctorA, appointmentTypeId: checkup.id, durationMinutes: null });
    expect(s.durationOverrides.some((o) => o.appointmentTypeId === checkup.id)).toBe(false);
  });

  it('lists the bookings of a room before closing it', async () => {
    const a = await book('12:00');
    const err = await t.error('availability.saveRoom', { id: FX.room, name: 'Room 1', active: false });
    expect((err.details!.appointments as { id: string }[]).map((x) => x.id)).toContain(a.id);
    const s = await t.call<AvailabilitySettings>('availability.saveRoom', { id: FX.room, name: 'Room 1', active: false, confirmOrphans: true });
    expect(s.rooms.find((r) => r.id === FX.room)!.active).toBe(false);
  });
});
