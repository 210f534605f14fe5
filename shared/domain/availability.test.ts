import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BusyInterval,
  type DoctorWeek,
  type FindFreeInput,
  type FreeSlot,
  checkBookable,
  checkOverlaps,
  dayAvailability,
  findFreeSlots,
  inTimeOfDay,
} from './availability.ts';
import { addDaysIso, dayBounds, instantToLocalMinute, isoWeekday, localMinuteToInstant } from './clinic-time.ts';

const TZ = 'Europe/Madrid';
const at = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return localMinuteToInstant(date, h * 60 + m, TZ);
};
const MONDAY = '2026-11-23';

const doctorA: DoctorWeek = {
  id: 'A',
  hours: [
    { weekday: 1, startMinute: 9 * 60, endMinute: 14 * 60, roomId: 'R1' },
    { weekday: 1, startMinute: 15 * 60, endMinute: 19 * 60, roomId: 'R1' },
  ],
  breaks: [{ weekday: 1, startMinute: 11 * 60, endMinute: 11 * 60 + 30 }],
};
const doctorB: DoctorWeek = {
  id: 'B',
  hours: [{ weekday: 1, startMinute: 10 * 60, endMinute: 12 * 60, roomId: 'R2' }],
  breaks: [],
};

const base = (over: Partial<FindFreeInput> = {}): FindFreeInput => ({
  timeZone: TZ,
  slotMinutes: 15,
  fromDate: MONDAY,
  toDate: MONDAY,
  durationMinutes: 30,
  doctors: [doctorA],
  vacations: [],
  blocked: [],
  busy: [],
  now: '2026-01-01T00:00:00.000Z',
  ...over,
});

const busy = (id: string, doctorId: string, start: string, end: string, roomId: string | null = 'R1', patientId = 'P1'): BusyInterval => ({
  appointmentId: id,
  doctorId,
  roomId,
  patientId,
  startsAt: start,
  endsAt: end,
});

describe('findFreeSlots', () => {
  it('returns grid slots inside working hours, in time order, skipping breaks and busy time', () => {
    const slots = findFreeSlots(
      base({ busy: [busy('x', 'A', at(MONDAY, '09:00'), at(MONDAY, '09:30'))], limit: 6 }),
    );
    expect(slots.map((s) => s.startsAt)).toEqual(
      ['09:30', '09:45', '10:00', '10:15', '10:30', '11:30'].map((t) => at(MONDAY, t)),
    );
    expect(slots[0]).toEqual({ doctorId: 'A', roomId: 'R1', startsAt: at(MONDAY, '09:30'), endsAt: at(MONDAY, '10:00') });
  });

  it('never offers a slot in the past', () => {
    const slots = findFreeSlots(base({ now: at(MONDAY, '12:05'), limit: 2 }));
    expect(slots.map((s) => s.startsAt)).toEqual([at(MONDAY, '12:15'), at(MONDAY, '12:30')]);
  });

  it('merges any-doctor results by time, honours a per-doctor duration and the room of the other doctor', () => {
    const slots = findFreeSlots(
      base({
        doctors: [doctorA, { ...doctorB, durationMinutes: 60 }],
        busy: [busy('r2', 'A', at(MONDAY, '09:00'), at(MONDAY, '10:15'), 'R2')],
        now: at(MONDAY, '09:50'),
        limit: 4,
      }),
    );
    expect(slots.map((s) => [s.doctorId, s.startsAt.slice(11, 16), s.endsAt.slice(11, 16)])).toEqual([
      ['A', '09:15', '09:45'], // A at 10:15 local = 09:15Z, busy until 10:15 local ends at 09:15Z
      ['B', '09:15', '10:15'],
      ['A', '09:30', '10:00'],
      ['B', '09:30', '10:30'],
    ]);
  });

  it('filters by time of day and blocks vacations, closures and the patient’s other appointments', () => {
    const afternoon = findFreeSlots(base({ timeOfDay: 'afternoon', limit: 1 }));
    expect(afternoon[0]!.startsAt).toBe(at(MONDAY, '15:00'));
    const slots = findFreeSlots(
      base({
        fromDate: MONDAY,
        toDate: addDaysIso(MONDAY, 7),
        vacations: [{ doctorId: 'A', startsAt: at(MONDAY, '00:00'), endsAt: at(MONDAY, '16:00') }],
        blocked: [{ startsAt: at(MONDAY, '16:00'), endsAt: at(MONDAY, '17:00') }],
        busy: [busy('p', 'B', at(MONDAY, '17:00'), at(MONDAY, '18:00'), 'R9', 'P7')],
        patientId: 'P7',
        limit: 3,
      }),
    );
    expect(slots.map((s) => s.startsAt)).toEqual([at(MONDAY, '18:00'), at(MONDAY, '18:15'), at(MONDAY, '18:30')]);
  });

  it('keeps 09:00 local across both daylight-saving changes in Madrid', () => {
    const sunday = (date: string) =>
      findFreeSlots(
        base({
          fromDate: date,
          toDate: date,
          doctors: [{ id: 'A', hours: [{ weekday: 7, startMinute: 540, endMinute: 600, roomId: null }], breaks: [] }],
          limit: 10,
        }),
      ).map((s) => s.startsAt);
    expect(sunday('2026-03-29')).toEqual(['2026-03-29T07:00:00.000Z', '2026-03-29T07:15:00.000Z', '2026-03-29T07:30:00.000Z']);
    expect(sunday('2026-10-25')).toEqual(['2026-10-25T08:00:00.000Z', '2026-10-25T08:15:00.000Z', '2026-10-25T08:30:00.000Z']);
  });

  it('offers both occurrences of the repeated autumn hour and skips the missing spring hour', () => {
    const night = (date: string) =>
      findFreeSlots(
        base({
          fromDate: date,
          toDate: date,
          slotMinutes: 30,
          doctors: [{ id: 'A', hours: [{ weekday: 7, startMinute: 60, endMinute: 240, roomId: null }], breaks: [] }],
          limit: 20,
        }),
      ).map((s) => instantToLocalMinute(s.startsAt, TZ) / 60);
    expect(night('2026-10-25')).toEqual([1, 1.5, 2, 2.5, 2, 2.5, 3, 3.5]);
    expect(night('2026-03-29')).toEqual([1, 1.5, 3, 3.5]);
  });

  it('finds the first grid point after the spring jump when the working range starts off the grid', () => {
    // Hours 01:35-02:15 on the spring-forward night run 00:35Z-01:15Z (02:15 falls in the gap and
    // means 03:15); 03:00 local is on the 45-minute grid and bookable. Found by the oracle property.
    const slots = findFreeSlots(
      base({
        fromDate: '2026-03-29',
        toDate: '2026-03-29',
        slotMinutes: 45,
        durationMinutes: 15,
        doctors: [{ id: 'B', hours: [{ weekday: 7, startMinute: 95, endMinute: 135, roomId: 'R1' }], breaks: [] }],
        now: '2026-03-28T23:00:00.000Z',
      }),
    );
    expect(slots).toEqual([{ doctorId: 'B', roomId: 'R1', startsAt: '2026-03-29T01:00:00.000Z', endsAt: '2026-03-29T01:15:00.000Z' }]);
  });
});

describe('checkOverlaps and checkBookable', () => {
  const existing = [
    busy('d', 'A', at(MONDAY, '10:00'), at(MONDAY, '10:30'), 'R1', 'P1'),
    busy('r', 'B', at(MONDAY, '10:00'), at(MONDAY, '10:30'), 'R2', 'P2'),
    busy('p', 'B', at(MONDAY, '12:00'), at(MONDAY, '12:30'), 'R3', 'P3'),
  ];

  it('names the doctor, room and patient conflicts and never conflicts an appointment with itself', () => {
    const c = { doctorId: 'A', roomId: 'R2', patientId: 'P3', startsAt: at(MONDAY, '10:15'), endsAt: at(MONDAY, '12:15') };
    expect(checkOverlaps(c, existing).map((x) => [x.kind, x.appointmentId])).toEqual([
      ['doctor', 'd'],
      ['room', 'r'],
      ['patient', 'p'],
    ]);
    expect(checkOverlaps({ ...c, excludeAppointmentId: 'd', endsAt: at(MONDAY, '10:30') }, existing).map((x) => x.kind)).toEqual(['room']);
    expect(checkOverlaps({ ...c, startsAt: at(MONDAY, '10:30'), endsAt: at(MONDAY, '11:00') }, existing)).toEqual([]);
  });

  it('reports outside hours, a break, a vacation and a closure, and gives the working room', () => {
    const check = (start: string, end: string) =>
      checkBookable({
        timeZone: TZ,
        doctor: doctorA,
        candidate: { doctorId: 'A', roomId: null, patientId: 'P9', startsAt: at(MONDAY, start), endsAt: at(MONDAY, end) },
        vacations: [{ doctorId: 'A', startsAt: at(MONDAY, '16:00'), endsAt: at(MONDAY, '17:00') }],
        blocked: [{ startsAt: at(MONDAY, '18:00'), endsAt: at(MONDAY, '20:00') }],
        busy: [],
      });
    expect(check('09:00', '09:30')).toEqual({ problems: [], workingRoomId: 'R1' });
    expect(check('13:45', '14:15').problems).toEqual([{ kind: 'outside_hours' }]);
    expect(check('11:15', '11:45').problems.map((p) => p.kind)).toEqual(['break']);
    expect(check('16:30', '17:00').problems.map((p) => p.kind)).toEqual(['vacation']);
    expect(check('18:30', '19:00').problems.map((p) => p.kind)).toEqual(['blocked']);
  });
});

describe('dayAvailability', () => {
  it('subtracts breaks and appointments from working time', () => {
    const [day] = dayAvailability({
      timeZone: TZ,
      doctor: doctorA,
      dates: [MONDAY],
      vacations: [],
      blocked: [],
      busy: [busy('d', 'A', at(MONDAY, '10:00'), at(MONDAY, '10:30'))],
    });
    expect(day!.free.map((f) => [f.startsAt, f.endsAt])).toEqual([
      [at(MONDAY, '09:00'), at(MONDAY, '10:00')],
      [at(MONDAY, '10:30'), at(MONDAY, '11:00')],
      [at(MONDAY, '11:30'), at(MONDAY, '14:00')],
      [at(MONDAY, '15:00'), at(MONDAY, '19:00')],
    ]);
    expect(day!.appointments.map((a) => a.appointmentId)).toEqual(['d']);
  });
});

// ---- Property tests against a brute-force oracle on a small exhaustive grid ----

const DATES = ['2026-03-28', '2026-03-29', '2026-10-25', '2026-11-23'] as const;
const ROOMS = ['R1', 'R2'];
const PATIENTS = ['P1', 'P2'];
const MIN = 60_000;

const rangeArb = fc
  .tuple(fc.integer({ min: 0, max: 287 }), fc.integer({ min: 1, max: 60 }))
  .map(([a, len]) => ({ startMinute: a * 5, endMinute: Math.min(1440, a * 5 + len * 5) }));

const doctorArb = (id: string, weekdays: number[]) =>
  fc.record({
    hours: fc.array(
      fc.tuple(fc.constantFrom(...weekdays), rangeArb, fc.constantFrom<string | null>('R1', 'R2', null)).map(([weekday, r, roomId]) => ({
        weekday,
        ...r,
        roomId,
      })),
      { maxLength: 4 },
    ),
    breaks: fc.array(fc.tuple(fc.constantFrom(...weekdays), rangeArb).map(([weekday, r]) => ({ weekday, ...r })), { maxLength: 2 }),
    durationMinutes: fc.option(fc.constantFrom(10, 20, 45), { nil: undefined }),
  }).map((d): DoctorWeek => ({ id, ...d }));

const scenarioArb = fc.constantFrom(...DATES).chain((date) => {
  const dayStart = Date.parse(dayBounds(date, TZ).start);
  const weekdays = [isoWeekday(date)];
  const instant = fc.integer({ min: -24, max: 24 * 12 }).map((q) => new Date(dayStart + q * 5 * MIN).toISOString());
  const period = fc.tuple(instant, fc.integer({ min: 1, max: 48 })).map(([s, len]) => ({
    startsAt: s,
    endsAt: new Date(Date.parse(s) + len * 5 * MIN).toISOString(),
  }));
  return fc.record({
    date: fc.constant(date),
    slotMinutes: fc.constantFrom(10, 15, 20, 30, 45),
    durationMinutes: fc.constantFrom(15, 30, 60),
    doctors: fc.tuple(doctorArb('A', weekdays), doctorArb('B', weekdays)),
    vacations: fc.array(fc.tuple(period, fc.constantFrom('A', 'B')).map(([p, doctorId]) => ({ ...p, doctorId })), { maxLength: 2 }),
    blocked: fc.array(period, { maxLength: 1 }),
    busy: fc.array(
      fc
        .tuple(period, fc.constantFrom('A', 'B', 'C'), fc.constantFrom<string | null>(...ROOMS, null), fc.constantFrom(...PATIENTS))
        .map(([p, doctorId, roomId, patientId]) => ({ ...p, doctorId, roomId, patientId })),
      { maxLength: 6 },
    ).map((list) => list.map((b, i) => ({ ...b, appointmentId: `b${i}` }))),
    patientId: fc.option(fc.constantFrom(...PATIENTS), { nil: null }),
    now: instant,
    timeOfDay: fc.constantFrom<FindFreeInput['timeOfDay']>('any', 'morning', 'afternoon', { fromMinute: 120, toMinute: 600 }),
  });
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function inputOf(s: Scenario): FindFreeInput {
  return {
    timeZone: TZ,
    slotMinutes: s.slotMinutes,
    fromDate: s.date,
    toDate: s.date,
    durationMinutes: s.durationMinutes,
    doctors: [...s.doctors],
    vacations: s.vacations,
    blocked: s.blocked,
    busy: s.busy,
    patientId: s.patientId,
    timeOfDay: s.timeOfDay,
    limit: 10_000,
    now: s.now,
  };
}

const hit = (a: number, b: number, p: { startsAt: string; endsAt: string }) => a < Date.parse(p.endsAt) && Date.parse(p.startsAt) < b;

/** Every minute of the day, checked naively against every rule. */
function oracle(input: FindFreeInput): FreeSlot[] {
  const date = input.fromDate;
  const { start, end } = dayBounds(date, TZ);
  const out: (FreeSlot & { t: number; order: number })[] = [];
  input.doctors.forEach((d, order) => {
    const dur = (d.durationMinutes ?? input.durationMinutes) * MIN;
    const ranges = d.hours
      .filter((h) => h.weekday === isoWeekday(date))
      .sort((a, b) => a.startMinute - b.startMinute)
      .map((h) => ({ s: Date.parse(localMinuteToInstant(date, h.startMinute, TZ)), e: Date.parse(localMinuteToInstant(date, h.endMinute, TZ)), roomId: h.roomId }));
    const breaks = d.breaks
      .filter((b) => b.weekday === isoWeekday(date))
      .map((b) => ({ startsAt: localMinuteToInstant(date, b.startMinute, TZ), endsAt: localMinuteToInstant(date, b.endMinute, TZ) }));
    for (let t = Date.parse(start); t < Date.parse(end); t += MIN) {
      const local = instantToLocalMinute(new Date(t).toISOString(), TZ);
      if (local % input.slotMinutes !== 0 || t < Date.parse(input.now) || !inTimeOfDay(local, input.timeOfDay)) continue;
      const e = t + dur;
      const personal =
        breaks.some((b) => hit(t, e, b)) ||
        input.vacations.some((v) => v.doctorId === d.id && hit(t, e, v)) ||
        input.blocked.some((b) => hit(t, e, b)) ||
        input.busy.some((b) => hit(t, e, b) && (b.doctorId === d.id || (input.patientId && b.patientId === input.patientId)));
      if (personal) continue;
      const range = ranges.find((r) => r.s <= t && e <= r.e && !input.busy.some((b) => r.roomId && b.roomId === r.roomId && hit(t, e, b)));
      if (!range) continue;
      out.push({ doctorId: d.id, roomId: range.roomId, startsAt: new Date(t).toISOString(), endsAt: new Date(e).toISOString(), t, order });
    }
  });
  return out.sort((a, b) => a.t - b.t || a.order - b.order).map(({ doctorId, roomId, startsAt, endsAt }) => ({ doctorId, roomId, startsAt, endsAt }));
}

describe('findFreeSlots properties', () => {
  it('equals a brute-force oracle on small grids, DST days included (nothing free is missed)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const input = inputOf(s);
        expect(findFreeSlots(input)).toEqual(oracle(input));
      }),
      { numRuns: 120 },
    );
  });

  it('never returns a slot that overlaps busy time or leaves working hours, and respects the limit', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 5 }), (s, limit) => {
        const input = { ...inputOf(s), limit };
        const slots = findFreeSlots(input);
        expect(slots.length).toBeLessThanOrEqual(limit);
        for (const slot of slots) {
          const doctor = input.doctors.find((d) => d.id === slot.doctorId)!;
          const candidate = { ...slot, patientId: input.patientId ?? 'nobody' };
          const { problems } = checkBookable({ timeZone: TZ, doctor, candidate, vacations: input.vacations, blocked: input.blocked, busy: input.busy });
          expect(problems).toEqual([]);
          expect(Date.parse(slot.startsAt)).toBeGreaterThanOrEqual(Date.parse(input.now));
        }
      }),
      { numRuns: 200 },
    );
  });
});
