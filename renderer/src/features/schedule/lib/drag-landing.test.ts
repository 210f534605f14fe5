import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayBounds, localMinuteToInstant, type IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import type { DayAppointment, DaySchedule } from '../../../../../shared/domain/types.ts';
import { dropConflict, landingFor } from './drag-landing.ts';
import { scrollWithin } from './edge-scroll.ts';

const GRID = { start: 8 * 60, end: 20 * 60 };

describe('landingFor', () => {
  it('snaps to the slot under the pointer inside the grid, unchanged', () => {
    expect(landingFor(10 * 60 + 8, 30, 15, GRID)).toEqual({ minute: 10 * 60 + 15, pointerMinute: 10 * 60 + 15, fitted: false });
    expect(landingFor(10 * 60 + 7.4, 30, 15, GRID).minute).toBe(10 * 60);
  });

  it('keeps the whole visit inside the grid: a drop past the end lands so it ends at the last minute', () => {
    // The old clamp only kept the start at or before 23:45: 23:45–00:05 for a 20-minute visit.
    expect(landingFor(23 * 60 + 45, 20, 15, { start: 0, end: 24 * 60 })).toEqual({ minute: 23 * 60 + 30, pointerMinute: 23 * 60 + 45, fitted: true });
    expect(landingFor(22 * 60 + 30, 30, 15, GRID)).toEqual({ minute: 19 * 60 + 30, pointerMinute: 22 * 60 + 30, fitted: true });
    expect(landingFor(19 * 60 + 30, 30, 15, GRID).fitted).toBe(false);
    expect(landingFor(19 * 60 + 45, 30, 15, GRID)).toMatchObject({ minute: 19 * 60 + 30, fitted: true });
  });

  it('keeps the start at or after the grid start', () => {
    expect(landingFor(6 * 60, 30, 15, GRID)).toEqual({ minute: 8 * 60, pointerMinute: 6 * 60, fitted: true });
  });

  it('always lands on a slot inside the grid, and says when it is not the slot under the pointer', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -600, max: 2400, noNaN: true }),
        fc.integer({ min: 1, max: 240 }),
        fc.constantFrom(5, 10, 15, 20, 30, 60),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 5, max: 24 }),
        (raw, duration, slot, startHour, hours) => {
          const grid = { start: startHour * 60, end: Math.min(24 * 60, (startHour + hours) * 60) };
          fc.pre(grid.end - grid.start >= duration);
          const l = landingFor(raw, duration, slot, grid);
          expect(l.minute % slot).toBe(0);
          expect(l.minute).toBeGreaterThanOrEqual(grid.start);
          expect(l.minute + duration).toBeLessThanOrEqual(grid.end);
          expect(l.fitted).toBe(l.minute !== l.pointerMinute);
          expect(Math.abs(l.pointerMinute - raw)).toBeLessThanOrEqual(slot / 2);
        },
      ),
    );
  });
});

describe('scrollWithin', () => {
  it('scrolls up to the grid end and no further, and never before its start', () => {
    expect(scrollWithin(20, 100, 500)).toBe(20);
    expect(scrollWithin(20, 490, 500)).toBe(10);
    expect(scrollWithin(20, 500, 500)).toBe(0);
    expect(scrollWithin(-20, 10, 500)).toBe(-10);
    expect(scrollWithin(20, 0, -5)).toBe(0);
  });
});

const TZ = 'Europe/Madrid';
const DATE: IsoDate = '2026-12-09';
const at = (m: number) => localMinuteToInstant(DATE, m, TZ);

function visit(id: string, doctorId: string, patientId: string, start: number, end: number, status: DayAppointment['status'] = 'scheduled'): DayAppointment {
  return { id, doctorId, roomId: null, patientId, patientName: `Patient ${id}`, typeId: null, typeName: null, typeColor: null, status, notes: null, startsAt: at(start), endsAt: at(end) };
}

function day(): DaySchedule {
  const bounds = dayBounds(DATE, TZ);
  const doctor = (id: string) => ({
    id,
    displayName: `Dr. ${id}`,
    specialty: null,
    color: '#000',
    hours: [
      { startsAt: at(9 * 60), endsAt: at(14 * 60), roomId: null, roomName: null },
      { startsAt: at(15 * 60), endsAt: at(19 * 60), roomId: null, roomName: null },
    ],
    breaks: [{ startsAt: at(11 * 60), endsAt: at(11 * 60 + 30), label: null }],
    vacations: id === 'b' ? [{ startsAt: at(16 * 60), endsAt: at(24 * 60), reason: null }] : [],
  });
  return {
    date: DATE,
    clinic: { id: 'c', name: 'C', timeZone: TZ, slotMinutes: 15, currency: 'EUR' },
    day: { startsAt: bounds.start, endsAt: bounds.end },
    doctors: [doctor('a'), doctor('b')],
    blocked: [{ startsAt: at(18 * 60), endsAt: at(19 * 60), reason: 'Training' }],
    appointments: [
      visit('moved', 'a', 'p1', 9 * 60, 9 * 60 + 30),
      visit('other', 'a', 'p2', 10 * 60, 10 * 60 + 30),
      visit('gone', 'a', 'p3', 12 * 60, 12 * 60 + 30, 'cancelled'),
      visit('samePatient', 'b', 'p1', 13 * 60, 13 * 60 + 30),
    ],
    overduePatientIds: [],
  };
}

describe('dropConflict', () => {
  const s = day();
  const span = (start: number, end: number) => ({ start, end });
  it('finds nothing in a free working time, nor at its own old place', () => {
    expect(dropConflict(s, 'moved', 'a', span(9 * 60 + 15, 9 * 60 + 45))).toBeNull();
    expect(dropConflict(s, 'moved', 'a', span(10 * 60 + 30, 11 * 60))).toBeNull();
  });

  it("names the doctor's other live visit it overlaps, and the patient's visit with another doctor", () => {
    expect(dropConflict(s, 'moved', 'a', span(10 * 60 + 15, 10 * 60 + 45))).toEqual({ kind: 'overlap', patientName: 'Patient other' });
    expect(dropConflict(s, 'moved', 'a', span(13 * 60, 13 * 60 + 30))).toEqual({ kind: 'overlap', patientName: 'Patient samePatient' });
    // A cancelled visit frees its time.
    expect(dropConflict(s, 'moved', 'a', span(12 * 60, 12 * 60 + 30))).toBeNull();
  });

  it('says outside hours, break, absence and closure', () => {
    expect(dropConflict(s, 'moved', 'a', span(13 * 60 + 45, 14 * 60 + 15))).toEqual({ kind: 'offHours' });
    expect(dropConflict(s, 'moved', 'a', span(19 * 60 + 30, 20 * 60))).toEqual({ kind: 'offHours' });
    expect(dropConflict(s, 'moved', 'a', span(11 * 60 + 15, 11 * 60 + 45))).toEqual({ kind: 'break' });
    expect(dropConflict(s, 'moved', 'b', span(16 * 60, 16 * 60 + 30))).toEqual({ kind: 'vacation' });
    expect(dropConflict(s, 'moved', 'a', span(18 * 60 + 15, 18 * 60 + 45))).toEqual({ kind: 'blocked' });
  });
});
