import {
  type Instant,
  type IsoDate,
  addDaysIso,
  instantToLocalDate,
  instantToLocalMinute,
  isoWeekday,
  localMinuteToInstant,
} from './clinic-time.ts';
import { type Span, mergeSpans, overlapsMerged, subtractSpans } from './intervals.ts';

/** A weekly working range in local minutes from midnight, in one room, valid between two dates. */
export interface WeeklyHours {
  weekday: number;
  startMinute: number;
  endMinute: number;
  roomId: string | null;
  validFrom?: IsoDate | null;
  validTo?: IsoDate | null;
}

export interface WeeklyBreak {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export interface DoctorWeek {
  id: string;
  hours: WeeklyHours[];
  breaks: WeeklyBreak[];
  /** This doctor's duration for the requested type (per-doctor override), else the input's. */
  durationMinutes?: number;
}

export interface Period {
  startsAt: Instant;
  endsAt: Instant;
}

export interface Vacation extends Period {
  doctorId: string;
}

/** An active appointment: it occupies its doctor, its room and its patient. */
export interface BusyInterval extends Period {
  appointmentId: string;
  doctorId: string;
  roomId: string | null;
  patientId: string;
}

/** 'morning' starts before 14:00 local, 'afternoon' at or after; or a local minute range [from, to). */
export type TimeOfDay = 'any' | 'morning' | 'afternoon' | { fromMinute: number; toMinute: number };

export const AFTERNOON_STARTS_MINUTE = 14 * 60;

export interface FreeSlot {
  doctorId: string;
  roomId: string | null;
  startsAt: Instant;
  endsAt: Instant;
}

export interface FindFreeInput {
  timeZone: string;
  slotMinutes: number;
  fromDate: IsoDate;
  /** Inclusive. */
  toDate: IsoDate;
  durationMinutes: number;
  /** In preference order: ties at the same start are broken by this order. */
  doctors: DoctorWeek[];
  vacations: Vacation[];
  blocked: Period[];
  busy: BusyInterval[];
  patientId?: string | null;
  timeOfDay?: TimeOfDay;
  limit?: number;
  now: Instant;
}

const MINUTE = 60_000;
const ms = (instant: Instant) => Date.parse(instant);
const iso = (t: number) => new Date(t).toISOString();

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function* datesBetween(from: IsoDate, to: IsoDate): Generator<IsoDate> {
  for (let d = from; d <= to; d = addDaysIso(d, 1)) yield d;
}

/** Local (date, minute) → epoch ms, cached per date: one DST probe per date instead of per call. */
export type LocalClock = (date: IsoDate, minute: number) => number;

export function localClock(timeZone: string): LocalClock {
  const starts = new Map<IsoDate, number | null>();
  return (date, minute) => {
    let start = starts.get(date);
    if (start === undefined) {
      const s = ms(localMinuteToInstant(date, 0, timeZone));
      const e = ms(localMinuteToInstant(addDaysIso(date, 1), 0, timeZone));
      // A plain 24-hour day keeps one UTC offset; DST days take the exact (slower) path.
      start = e - s === 1440 * MINUTE ? s : null;
      starts.set(date, start);
    }
    return start !== null ? start + minute * MINUTE : ms(localMinuteToInstant(date, minute, timeZone));
  };
}

function validOn(h: WeeklyHours, date: IsoDate): boolean {
  return (!h.validFrom || h.validFrom <= date) && (!h.validTo || h.validTo >= date);
}

/** The doctor's working ranges on one local date as real instants (DST-aware), with their room. */
export function workingSpansOn(
  doctor: DoctorWeek,
  date: IsoDate,
  timeZone: string,
  at: LocalClock = localClock(timeZone),
): (Span & { roomId: string | null })[] {
  const weekday = isoWeekday(date);
  return doctor.hours
    .filter((h) => h.weekday === weekday && validOn(h, date))
    .sort((a, b) => a.startMinute - b.startMinute)
    .map((h) => ({
      start: at(date, h.startMinute),
      end: at(date, h.endMinute),
      roomId: h.roomId,
    }));
}

export function breakSpansOn(doctor: DoctorWeek, date: IsoDate, timeZone: string, at: LocalClock = localClock(timeZone)): Span[] {
  const weekday = isoWeekday(date);
  return doctor.breaks
    .filter((b) => b.weekday === weekday)
    .map((b) => ({
      start: at(date, b.startMinute),
      end: at(date, b.endMinute),
    }));
}

const span = (p: Period): Span => ({ start: ms(p.startsAt), end: ms(p.endsAt) });

function groupMerged<K>(items: BusyInterval[], key: (b: BusyInterval) => K | null): Map<K, Span[]> {
  const out = new Map<K, Span[]>();
  for (const b of items) {
    const k = key(b);
    if (k === null) continue;
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(span(b));
  }
  for (const [k, list] of out) out.set(k, mergeSpans(list));
  return out;
}

const DAY_MINUTES = 1440;
const utcMinute = (t: number) => Math.floor(t / MINUTE) % DAY_MINUTES;

/** Local minute of day for instants within a span: arithmetic when its UTC offset is constant. */
function localMinuteFn(range: Span, tz: string): (t: number) => number {
  const offset = (t: number) => (instantToLocalMinute(iso(t), tz) - utcMinute(t) + DAY_MINUTES) % DAY_MINUTES;
  const startOffset = offset(range.start);
  if (offset(range.end - MINUTE) !== startOffset) return (t) => instantToLocalMinute(iso(t), tz);
  return (t) => (utcMinute(t) + startOffset) % DAY_MINUTES;
}

export function inTimeOfDay(localMinute: number, pref: TimeOfDay | undefined): boolean {
  if (!pref || pref === 'any') return true;
  if (pref === 'morning') return localMinute < AFTERNOON_STARTS_MINUTE;
  if (pref === 'afternoon') return localMinute >= AFTERNOON_STARTS_MINUTE;
  return localMinute >= pref.fromMinute && localMinute < pref.toMinute;
}

/**
 * The first `limit` free slots in time order. A slot start is an instant whose local wall-clock
 * minute is on the clinic grid (multiples of slotMinutes from local midnight; both occurrences of a
 * repeated autumn hour count), not before `now`, whose [start, start + duration) lies inside one
 * working range and overlaps no break, vacation, blocked period or active appointment of the
 * doctor, the range's room or the patient.
 */
export function findFreeSlots(input: FindFreeInput): FreeSlot[] {
  const limit = input.limit ?? 10;
  const { timeZone: tz, slotMinutes: slot } = input;
  const now = ms(input.now);
  const clinicWide = input.blocked.map(span);
  const byRoom = groupMerged(input.busy, (b) => b.roomId);
  const patientBusy = input.patientId
    ? mergeSpans(input.busy.filter((b) => b.patientId === input.patientId).map(span))
    : [];
  const byDoctor = groupMerged(input.busy, (b) => b.doctorId);
  const at = localClock(tz);
  const dates = [...datesBetween(input.fromDate, input.toDate)];
  const weekdays = new Map(dates.map((d) => [d, isoWeekday(d)]));
  const doctorBlockers = new Map<string, Span[]>();
  for (const d of input.doctors) {
    const spans = [...clinicWide, ...(byDoctor.get(d.id) ?? [])];
    for (const v of input.vacations) if (v.doctorId === d.id) spans.push(span(v));
    for (const date of dates) spans.push(...breakSpansOn(d, date, tz, at));
    doctorBlockers.set(d.id, mergeSpans(spans));
  }
  // Real-time step that visits every wall-clock grid point even across a DST jump (60 or 30 min).
  const stepMinutes = gcd(slot, 30);
  const step = stepMinutes * MINUTE;
  const out: FreeSlot[] = [];
  for (const date of dates) {
    const weekday = weekdays.get(date);
    const day: (FreeSlot & { order: number; t: number })[] = [];
    input.doctors.forEach((doctor, order) => {
      const duration = (doctor.durationMinutes ?? input.durationMinutes) * MINUTE;
      const blockers = doctorBlockers.get(doctor.id) ?? [];
      const seen = new Set<number>();
      if (!doctor.hours.some((h) => h.weekday === weekday)) return;
      for (const range of workingSpansOn(doctor, date, tz, at)) {
        const room = range.roomId ? (byRoom.get(range.roomId) ?? []) : [];
        const localOf = localMinuteFn(range, tz);
        const firstLocal = localOf(range.start);
        // Aligned to the step, not the slot: a DST jump between the range start and the first
        // grid point would move that point by the jump.
        const first = range.start + ((stepMinutes - (firstLocal % stepMinutes)) % stepMinutes) * MINUTE;
        for (let t = first; t + duration <= range.end; t += step) {
          if (t < now || seen.has(t)) continue;
          const local = localOf(t);
          if (local % slot !== 0 || !inTimeOfDay(local, input.timeOfDay)) continue;
          const end = t + duration;
          if (overlapsMerged(blockers, t, end) || overlapsMerged(room, t, end) || overlapsMerged(patientBusy, t, end)) {
            continue;
          }
          seen.add(t);
          day.push({ doctorId: doctor.id, roomId: range.roomId, startsAt: iso(t), endsAt: iso(end), order, t });
        }
      }
    });
    day.sort((a, b) => a.t - b.t || a.order - b.order);
    for (const s of day) out.push({ doctorId: s.doctorId, roomId: s.roomId, startsAt: s.startsAt, endsAt: s.endsAt });
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}

export interface Candidate extends Period {
  doctorId: string;
  roomId: string | null;
  patientId: string;
  /** The appointment being moved: it never conflicts with itself. */
  excludeAppointmentId?: string | null;
}

export interface Conflict extends Period {
  kind: 'doctor' | 'room' | 'patient';
  appointmentId: string;
}

const overlaps = (a: Period, b: Period) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** Active appointments that share the candidate's doctor, room or patient and overlap it in time. */
export function checkOverlaps(candidate: Candidate, busy: BusyInterval[]): Conflict[] {
  const s = ms(candidate.startsAt);
  const e = ms(candidate.endsAt);
  const out: Conflict[] = [];
  for (const b of busy) {
    if (b.appointmentId === candidate.excludeAppointmentId) continue;
    if (!(ms(b.startsAt) < e && s < ms(b.endsAt))) continue;
    const base = { appointmentId: b.appointmentId, startsAt: b.startsAt, endsAt: b.endsAt };
    if (b.doctorId === candidate.doctorId) out.push({ kind: 'doctor', ...base });
    else if (candidate.roomId && b.roomId === candidate.roomId) out.push({ kind: 'room', ...base });
    else if (b.patientId === candidate.patientId) out.push({ kind: 'patient', ...base });
  }
  return out;
}

export type SlotProblem =
  | { kind: 'outside_hours' }
  | ({ kind: 'break' | 'vacation' | 'blocked' } & Period)
  | Conflict;

export interface BookableInput {
  timeZone: string;
  doctor: DoctorWeek;
  candidate: Candidate;
  vacations: Vacation[];
  blocked: Period[];
  busy: BusyInterval[];
}

/**
 * Every reason the candidate cannot be booked (empty = bookable), and the room of the working
 * range it falls in (the default room for the booking).
 */
export function checkBookable(input: BookableInput): { problems: SlotProblem[]; workingRoomId: string | null } {
  const { candidate: c, doctor, timeZone: tz } = input;
  const s = ms(c.startsAt);
  const e = ms(c.endsAt);
  const date = instantToLocalDate(c.startsAt, tz);
  const problems: SlotProblem[] = [];
  const range = workingSpansOn(doctor, date, tz).find((r) => r.start <= s && e <= r.end);
  if (!range) problems.push({ kind: 'outside_hours' });
  for (const b of breakSpansOn(doctor, date, tz)) {
    if (b.start < e && s < b.end) problems.push({ kind: 'break', startsAt: iso(b.start), endsAt: iso(b.end) });
  }
  for (const v of input.vacations) {
    if (v.doctorId === doctor.id && overlaps(v, c)) problems.push({ kind: 'vacation', startsAt: v.startsAt, endsAt: v.endsAt });
  }
  for (const p of input.blocked) {
    if (overlaps(p, c)) problems.push({ kind: 'blocked', startsAt: p.startsAt, endsAt: p.endsAt });
  }
  problems.push(...checkOverlaps(c, input.busy));
  return { problems, workingRoomId: range?.roomId ?? null };
}

export interface DayAvailability {
  date: IsoDate;
  working: (Period & { roomId: string | null })[];
  /** Working time not taken by breaks, vacations, closures or the doctor's appointments. */
  free: Period[];
  breaks: Period[];
  vacations: Period[];
  blocked: Period[];
  appointments: BusyInterval[];
}

/** Free and busy time of one doctor, day by day (a week grid), independent of the slot grid. */
export function dayAvailability(input: {
  timeZone: string;
  doctor: DoctorWeek;
  dates: IsoDate[];
  vacations: Vacation[];
  blocked: Period[];
  busy: BusyInterval[];
}): DayAvailability[] {
  const { doctor, timeZone: tz } = input;
  return input.dates.map((date) => {
    const working = workingSpansOn(doctor, date, tz);
    const first = working[0]?.start ?? 0;
    const last = working.at(-1)?.end ?? 0;
    const within = (p: Period) => ms(p.startsAt) < last && ms(p.endsAt) > first;
    const breaks = breakSpansOn(doctor, date, tz);
    const vacations = input.vacations.filter((v) => v.doctorId === doctor.id && within(v));
    const blocked = input.blocked.filter(within);
    const appointments = input.busy.filter((b) => b.doctorId === doctor.id && instantToLocalDate(b.startsAt, tz) === date);
    const taken = mergeSpans([...breaks, ...vacations.map(span), ...blocked.map(span), ...appointments.map(span)]);
    const free = subtractSpans(mergeSpans(working), taken);
    const toPeriod = (x: Span): Period => ({ startsAt: iso(x.start), endsAt: iso(x.end) });
    return {
      date,
      working: working.map((w) => ({ ...toPeriod(w), roomId: w.roomId })),
      free: free.map(toPeriod),
      breaks: breaks.map(toPeriod),
      vacations: vacations.map((v) => ({ startsAt: v.startsAt, endsAt: v.endsAt })),
      blocked: blocked.map((p) => ({ startsAt: p.startsAt, endsAt: p.endsAt })),
      appointments,
    };
  });
}
