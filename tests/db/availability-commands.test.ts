import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FindFreeResult, WeekAvailability } from '../../shared/domain/booking-types.ts';
import { BX, type BookingTestApp, bookingApp, madrid } from './booking-fixtures.ts';
import { FX } from './fixtures.ts';

const MON = '2026-11-23';

describe('availability.findFree', () => {
  let t: BookingTestApp;
  beforeEach(() => (t = bookingApp()));
  afterEach(() => t.app.close());

  const find = (input: Record<string, unknown>) =>
    t.call<FindFreeResult>('availability.findFree', { appointmentTypeId: FX.type, fromDate: MON, ...input });

  it('offers the doctor’s next grid slots from now on, with room and duration', async () => {
    const res = await find({ doctorId: FX.doctorA, limit: 3 });
    expect(res.slots).toEqual([
      { doctorId: FX.doctorA, doctorName: 'Dr. Ana Alonso', roomId: FX.room, roomName: 'Room 1', startsAt: madrid(MON, '11:00'), endsAt: madrid(MON, '11:30'), durationMinutes: 30 },
      expect.objectContaining({ startsAt: madrid(MON, '11:15') }),
      expect.objectContaining({ startsAt: madrid(MON, '11:30') }),
    ]);
    expect(res.searchedThrough).toBe(MON);
  });

  it('merges any doctor by time and uses each doctor’s own duration for the type', async () => {
    const res = await find({ limit: 4 });
    expect(res.slots.map((s) => [s.doctorName, s.startsAt, s.durationMinutes])).toEqual([
      ['Dr. Ana Alonso', madrid(MON, '11:00'), 30],
      ['Dr. Ben Brown', madrid(MON, '11:00'), 45],
      ['Dr. Ana Alonso', madrid(MON, '11:15'), 30],
      ['Dr. Ben Brown', madrid(MON, '11:15'), 45],
    ]);
  });

  it('skips busy time, the patient’s other bookings and the time-of-day outside the preference', async () => {
    await t.call('appointments.book', { patientId: BX.patient2, doctorId: FX.doctorB, appointmentTypeId: FX.type, startsAt: madrid(MON, '11:00') });
    const forPatient = await find({ doctorId: FX.doctorA, patientId: BX.patient2, limit: 1 });
    expect(forPatient.slots[0]!.startsAt).toBe(madrid(MON, '11:45'));
    const afternoon = await find({ doctorId: FX.doctorA, timeOfDay: 'afternoon', limit: 1 });
    expect(afternoon.slots[0]!.startsAt).toBe(madrid(MON, '15:00'));
  });

  it('treats the doctor’s room as taken when another doctor books it', async () => {
    await t.call('appointments.book', { patientId: BX.patient2, doctorId: FX.doctorB, appointmentTypeId: FX.type, startsAt: madrid(MON, '11:00'), roomId: FX.room });
    const res = await find({ doctorId: FX.doctorA, limit: 1 });
    expect(res.slots[0]!.startsAt).toBe(madrid(MON, '11:45'));
  });

  it('finds nothing on a vacation day and continues to the next working day', async () => {
    const res = await find({ doctorId: FX.doctorA, fromDate: '2026-11-30', limit: 1 });
    expect(res.slots[0]!.startsAt).toBe(madrid('2026-12-06', '09:00'));
  });

  it('answers clear errors for an unknown doctor or type and a reversed range', async () => {
    expect(await t.error('availability.findFree', { appointmentTypeId: FX.type, fromDate: MON, doctorId: BX.missing })).toMatchObject({
      code: 'not_found',
      field: 'doctorId',
    });
    expect(await t.error('availability.findFree', { appointmentTypeId: BX.missing, fromDate: MON })).toMatchObject({
      code: 'not_found',
      field: 'appointmentTypeId',
    });
    expect(await t.error('availability.findFree', { appointmentTypeId: FX.type, fromDate: MON, toDate: '2026-11-01' })).toMatchObject({
      code: 'validation_error',
      field: 'toDate',
    });
  });
});

describe('availability.week', () => {
  it('gives seven days of working, free and busy time for one doctor', async () => {
    const t = bookingApp();
    const week = await t.call<WeekAvailability>('availability.week', { doctorId: FX.doctorA, weekStart: MON });
    t.app.close();
    expect(week.days.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    const monday = week.days[0]!;
    expect(monday.appointments.map((a) => a.appointmentId)).toEqual([FX.appt]);
    expect(monday.free.map((f) => [f.startsAt, f.endsAt])).toEqual([
      [madrid(MON, '09:00'), madrid(MON, '10:00')],
      [madrid(MON, '10:30'), madrid(MON, '13:00')],
      [madrid(MON, '13:30'), madrid(MON, '14:00')],
      [madrid(MON, '15:00'), madrid(MON, '19:00')],
    ]);
    expect(week.days[1]!.working).toEqual([]);
    expect(week.days[6]!.working).toHaveLength(1);
  });
});
