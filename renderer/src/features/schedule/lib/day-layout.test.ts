import { describe, expect, it } from 'vitest';
import { dayBounds, localMinuteToInstant, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { DayAppointment, DaySchedule } from '../../../../../shared/domain/types.ts';
import { axisSpan, DEFAULT_AXIS, gaps, minuteOnDay, placeAppointments } from './day-layout.ts';

const TZ = 'Europe/Madrid';
const SPRING_FORWARD: IsoDate = '2026-03-29'; // 02:00 → 03:00, a 23-hour day

function scheduleOf(date: IsoDate, hours: [number, number][], appointments: DayAppointment[] = []): DaySchedule {
  const bounds = dayBounds(date, TZ);
  const at = (m: number) => localMinuteToInstant(date, m, TZ);
  return {
    date,
    clinic: { id: 'c', name: 'C', timeZone: TZ, slotMinutes: 15, currency: 'EUR' },
    day: { startsAt: bounds.start, endsAt: bounds.end },
    doctors: [
      {
        id: 'd',
        displayName: 'Dr. D',
        specialty: null,
        color: '#000',
        hours: hours.map(([s, e]) => ({ startsAt: at(s), endsAt: at(e), roomId: null, roomName: null })),
        breaks: [],
        vacations: [],
      },
    ],
    blocked: [],
    appointments,
    overduePatientIds: [],
  };
}

function appointment(id: string, date: IsoDate, start: number, end: number, status: DayAppointment['status']): DayAppointment {
  return {
    id,
    doctorId: 'd',
    roomId: null,
    patientId: 'p',
    patientName: 'P',
    typeId: null,
    typeName: null,
    typeColor: null,
    status,
    notes: null,
    startsAt: localMinuteToInstant(date, start, TZ),
    endsAt: localMinuteToInstant(date, end, TZ),
  };
}

describe('day-layout', () => {
  it('places times on the wall clock of a daylight-saving day', () => {
    const s = scheduleOf(SPRING_FORWARD, [[8 * 60, 14 * 60]]);
    expect(minuteOnDay(localMinuteToInstant(SPRING_FORWARD, 9 * 60 + 30, TZ), s)).toBe(570);
    expect(axisSpan(s)).toEqual({ start: 480, end: 840 });
  });

  it('reads the next midnight as the end of the day, not minute 0', () => {
    const s = scheduleOf('2026-06-01', [[20 * 60, 24 * 60]]);
    expect(minuteOnDay(s.day.endsAt, s)).toBe(1440);
    expect(axisSpan(s)).toEqual({ start: 1200, end: 1440 });
  });

  it('falls back to 08:00–20:00 when nobody works', () => {
    const s = scheduleOf('2026-06-01', []);
    s.doctors = [];
    expect(axisSpan(s)).toEqual(DEFAULT_AXIS);
  });

  it('finds the hours a doctor is not working', () => {
    expect(gaps({ start: 480, end: 1200 }, [{ start: 540, end: 840 }, { start: 900, end: 1140 }])).toEqual([
      { start: 480, end: 540 },
      { start: 840, end: 900 },
      { start: 1140, end: 1200 },
    ]);
  });

  it('gives a live visit the wider lane beside a cancelled one', () => {
    const date = '2026-06-01';
    const s = scheduleOf(date, [[480, 840]]);
    const placed = placeAppointments(
      [appointment('x', date, 540, 570, 'cancelled'), appointment('y', date, 540, 570, 'confirmed'), appointment('z', date, 600, 630, 'scheduled')],
      s,
    );
    const byId = Object.fromEntries(placed.map((p) => [p.appointment.id, p]));
    expect(byId.y).toMatchObject({ left: 0, width: 2 / 3 });
    expect(byId.x).toMatchObject({ left: 2 / 3, width: 1 / 3 });
    expect(byId.z).toMatchObject({ left: 0, width: 1 });
  });
});
