import { type IsoDate, addDaysIso, isoWeekday, localMinuteToInstant } from '../../shared/domain/clinic-time.ts';
import type { ClinicPlan } from './clinic-plan.ts';
import { APPOINTMENT_NOTES, CANCEL_REASONS } from './names.ts';
import type { Rng } from './random.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const REBOOK_CANCELLED = 0.6;

export interface AppointmentWalk {
  plan: ClinicPlan;
  firstDay: IsoDate;
  lastDay: IsoDate;
  nowMs: number;
  /** The app's first use: no booking is older than this. */
  setupMs: number;
  /** Chance of placing an appointment at a free grid position on a given day (0..1). */
  placeChance: (day: IsoDate) => number;
  /** How many patients are registered by an instant (patients are indexed by registration). */
  patientsBy: (ms: number) => number;
  patientIds: (index: number) => string;
}

export type AppointmentRow = Record<string, string | number | null>;

/** Calls fn for every local day of [first, last] with a DST-safe local-minute → UTC-ms function. */
function forEachDay(
  first: IsoDate,
  last: IsoDate,
  timeZone: string,
  fn: (day: IsoDate, toMs: (minute: number) => number) => void,
): void {
  let day = first;
  let midnight = Date.parse(localMinuteToInstant(day, 0, timeZone));
  while (day <= last) {
    const next = addDaysIso(day, 1);
    const nextMidnight = Date.parse(localMinuteToInstant(next, 0, timeZone));
    const base = midnight;
    const d = day;
    // A 24-hour day has one offset all day; a DST day asks the time-zone rules minute by minute.
    const toMs =
      nextMidnight - midnight === DAY
        ? (m: number) => base + m * MINUTE
        : (m: number) => Date.parse(localMinuteToInstant(d, m, timeZone));
    fn(day, toMs);
    day = next;
    midnight = nextMidnight;
  }
}

/** Weighted type picker built once: cumulative weights for a binary-free linear scan. */
function typePicker(rng: Rng, types: ClinicPlan['types']) {
  const total = types.reduce((s, t) => s + t.weight, 0);
  return () => {
    let x = rng.next() * total;
    for (const t of types) if ((x -= t.weight) < 0) return t;
    return types[types.length - 1]!;
  };
}

/**
 * Walks every working doctor's slot grid day by day and places appointments by chance. A doctor
 * never overlaps (the walk moves past each placed appointment), a room never overlaps (each
 * working range has its own room, assigned so ranges sharing a room never overlap) and a patient
 * is never booked twice at once (per-day check). Closed days, vacations and breaks are skipped.
 */
export function* generateAppointments(walk: AppointmentWalk, rng: Rng, idAt: (ms: number) => string): Generator<AppointmentRow> {
  const { plan, nowMs } = walk;
  const slot = plan.slotMinutes;
  const pickType = typePicker(rng, plan.types);
  const rows: AppointmentRow[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  const between = (a: number, b: number) => a + Math.floor(rng.next() * Math.max(0, b - a));
  const staff = () => plan.staffIds[rng.chance(0.7) ? plan.staffIds.length - 1 : rng.int(0, plan.staffIds.length - 1)]!;

  const bookingTime = (start: number) => {
    const lead = HOUR + Math.floor(rng.next() * 30 * DAY);
    return Math.max(walk.setupMs + HOUR, Math.min(start - lead, nowMs - MINUTE));
  };
  const place = (doctorId: string, roomId: string, patientId: string, typeId: string, start: number, end: number, booked: number) => {
    const row: AppointmentRow = {
      id: idAt(booked), clinic_id: plan.clinicId, doctor_id: doctorId, room_id: roomId, patient_id: patientId,
      appointment_type_id: typeId, starts_at: iso(start), ends_at: iso(end), status: 'scheduled',
      notes: rng.chance(0.05) ? rng.pick(APPOINTMENT_NOTES) : null,
      cancelled_at: null, cancelled_by: null, cancel_reason: null, idempotency_key: null,
      reminder_sent_at: null, confirmed_at: null, arrived_at: null, completed_at: null,
      created_by: staff(), version: 0, updated_at: iso(booked), deleted_at: null,
    };
    let updated = booked;
    const set = (col: string, ms: number) => {
      row[col] = iso(ms);
      if (ms > updated) updated = ms;
    };
    const cancel = (until: number) => {
      row.status = 'cancelled';
      set('cancelled_at', between(booked, until));
      row.cancelled_by = staff();
      row.cancel_reason = rng.pick(CANCEL_REASONS);
    };
    const confirm = (p: number) => {
      if (start - DAY > booked && start - DAY <= nowMs) set('reminder_sent_at', start - DAY);
      if (rng.chance(p)) set('confirmed_at', between(booked, Math.min(start, nowMs)));
    };
    if (end <= nowMs) {
      const outcome = rng.weighted<string>([['completed', 84], ['no_show', 5], ['cancelled', 11]]);
      if (outcome === 'cancelled') cancel(start);
      else {
        confirm(0.7);
        row.status = outcome;
        if (outcome === 'completed') {
          set('arrived_at', Math.max(booked, start - rng.int(0, 15) * MINUTE));
          set('completed_at', Math.min(nowMs, end + rng.int(0, 10) * MINUTE));
        } else set('updated_at', Math.min(nowMs, end + 30 * MINUTE));
      }
    } else if (start <= nowMs) {
      confirm(0.8);
      set('arrived_at', Math.max(booked, start - rng.int(0, 10) * MINUTE));
      row.status = rng.chance(0.8) ? 'in_progress' : 'arrived';
    } else if (start - nowMs < 30 * MINUTE) {
      confirm(0.8);
      row.status = rng.weighted<string>([['arrived', 40], ['confirmed', 50], ['scheduled', 10]]);
      if (row.status === 'arrived') set('arrived_at', Math.max(booked, nowMs - rng.int(0, 10) * MINUTE));
      else if (row.status === 'confirmed' && !row.confirmed_at) set('confirmed_at', between(booked, nowMs));
    } else if (rng.chance(0.06)) {
      cancel(nowMs);
    } else {
      confirm(start - nowMs < 3 * DAY ? 0.7 : 0.3);
      row.status = row.confirmed_at ? 'confirmed' : 'scheduled';
    }
    row.updated_at = iso(updated);
    rows.push(row);
    return row.status;
  };

  let patientBusy = new Map<number, number[]>();
  const patientFree = (p: number, from: number, to: number) => {
    const busy = patientBusy.get(p);
    if (!busy) return true;
    for (let i = 0; i < busy.length; i += 2) if (from < busy[i + 1]! && busy[i]! < to) return false;
    return true;
  };

  const days: [IsoDate, (m: number) => number][] = [];
  forEachDay(walk.firstDay, walk.lastDay, plan.timeZone, (day, toMs) => days.push([day, toMs]));
  for (const [day, toMs] of days) {
    if (plan.closedDays.has(day)) continue;
    const weekday = isoWeekday(day);
    const chance = walk.placeChance(day);
    patientBusy = new Map();
    for (const doctor of plan.doctors) {
      if (doctor.vacationDays.has(day)) continue;
      for (const seg of doctor.segments[weekday] ?? []) {
        const range = doctor.hours[weekday]!.find((r) => r.start <= seg.start && seg.start < r.end)!;
        const roomId = plan.roomIds[range.room]!;
        let m = Math.ceil(seg.start / slot) * slot;
        while (m < seg.end) {
          if (rng.next() >= chance) {
            m += slot;
            continue;
          }
          const type = pickType();
          if (m + type.minutes > seg.end) {
            m += slot;
            continue;
          }
          const start = toMs(m);
          const end = toMs(m + type.minutes);
          const booked = bookingTime(start);
          const pool = walk.patientsBy(booked);
          let patient = -1;
          for (let tries = 0; tries < 4 && patient < 0; tries++) {
            const p = rng.int(0, pool - 1);
            if (patientFree(p, start, end)) patient = p;
          }
          if (patient < 0) {
            m += slot;
            continue;
          }
          const busy = patientBusy.get(patient);
          if (busy) busy.push(start, end);
          else patientBusy.set(patient, [start, end]);
          const status = place(doctor.id, roomId, walk.patientIds(patient), type.id, start, end, booked);
          // A cancelled visit frees its slot: often someone else was booked into it.
          if (status === 'cancelled' && rng.chance(REBOOK_CANCELLED)) continue;
          m += Math.ceil(type.minutes / slot) * slot;
        }
      }
    }
    // Hand out the day in start order: the clinic/start index then grows append-only.
    rows.sort((a, b) => (a.starts_at! < b.starts_at! ? -1 : a.starts_at! > b.starts_at! ? 1 : 0));
    yield* rows;
    rows.length = 0;
  }
}
