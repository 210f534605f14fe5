import { type IsoDate, addDaysIso, isoWeekday, localMinuteToInstant } from '../../shared/domain/clinic-time.ts';
import type { ClinicPlan } from './clinic-plan.ts';
import { APPOINTMENT_NOTES, CANCEL_REASONS } from './names.ts';
import { type Rng, createReseedableRng, makeIdFactory } from './random.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const REBOOK_CANCELLED = 0.6;
/** Cancelled well ahead (known whenever the clinic is generated; the slot is often rebooked). */
const EARLY_CANCEL = 0.06;

export interface AppointmentWalk {
  plan: ClinicPlan;
  firstDay: IsoDate;
  lastDay: IsoDate;
  /** The instant statuses follow (past → completed / no-show, under way → arrived...). */
  nowMs: number;
  /** Start of the clinic day of `nowMs`: bookings are made before it, so the hour never moves a row. */
  todayStartMs: number;
  /** The app's first use: no booking is older than this. */
  setupMs: number;
  /** Chance of placing an appointment at a free grid position (0..1), the same every day. */
  placeChance: number;
  /** Share of a day's placements already booked by today (1 for past days, less far ahead). */
  keepShare: (day: IsoDate) => number;
  /** How many patients are registered by an instant (patients are indexed by registration). */
  patientsBy: (ms: number) => number;
  patientIds: (index: number) => string;
}

export type AppointmentRow = Record<string, string | number | null>;

/**
 * The random streams of one clinic day, by purpose: 'place' (slots, types, lead times: never
 * consumed by a branch that depends on the clock), 'patients' and 'ids'.
 */
export type DayStreams = (day: IsoDate, purpose: 'place' | 'patients' | 'ids') => Rng;

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

/**
 * Walks every working doctor's slot grid day by day and places appointments by chance. A doctor
 * never overlaps (the walk moves past each placed appointment), a room never overlaps (each
 * working range has its own room, assigned so ranges sharing a room never overlap) and a patient
 * is never booked twice at once (per-day check). Closed days, vacations and breaks are skipped.
 *
 * Every day draws from its own streams (DayStreams), so a day's appointments depend on the seed
 * and that day only; each appointment's outcome comes from its own stream seeded by the placement
 * stream, so a status that depends on the instant never shifts another draw.
 */
export function* generateAppointments(walk: AppointmentWalk, streams: DayStreams): Generator<AppointmentRow> {
  const { plan, nowMs } = walk;
  const slot = plan.slotMinutes;
  const totalWeight = plan.types.reduce((s, t) => s + t.weight, 0);
  const rows: AppointmentRow[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  const outcomeRng = createReseedableRng();

  const place = (o: Rng, idAt: (ms: number) => string, a: Placement) => {
    const { start, end, booked } = a;
    const between = (x: number, y: number) => x + Math.floor(o.next() * Math.max(0, y - x));
    const staff = () => plan.staffIds[o.chance(0.7) ? plan.staffIds.length - 1 : o.int(0, plan.staffIds.length - 1)]!;
    const row: AppointmentRow = {
      id: idAt(booked), clinic_id: plan.clinicId, doctor_id: a.doctorId, room_id: a.roomId, patient_id: a.patientId,
      appointment_type_id: a.typeId, starts_at: iso(start), ends_at: iso(end), status: 'scheduled',
      notes: o.chance(0.05) ? o.pick(APPOINTMENT_NOTES) : null,
      cancelled_at: null, cancelled_by: null, cancel_reason: null, idempotency_key: null,
      reminder_sent_at: null, confirmed_at: null, arrived_at: null, completed_at: null,
      created_by: staff(), version: 0, updated_at: iso(booked), deleted_at: null,
    };
    let updated = booked;
    const set = (col: string, ms: number) => {
      row[col] = iso(ms);
      if (ms > updated) updated = ms;
    };
    const cancel = (from: number, until: number) => {
      row.status = 'cancelled';
      set('cancelled_at', between(from, until));
      row.cancelled_by = staff();
      row.cancel_reason = o.pick(CANCEL_REASONS);
    };
    const confirm = (p: number) => {
      if (start - DAY > booked && start - DAY <= nowMs) set('reminder_sent_at', start - DAY);
      if (o.chance(p)) set('confirmed_at', between(booked, Math.min(start, nowMs)));
    };
    if (a.earlyCancel) {
      cancel(booked, Math.min(start, walk.todayStartMs));
    } else if (end <= nowMs) {
      const outcome = o.weighted<string>([['completed', 84], ['no_show', 5], ['cancelled', 5]]);
      if (outcome === 'cancelled') cancel(Math.max(booked, start - 2 * DAY), start);
      else {
        confirm(0.7);
        row.status = outcome;
        if (outcome === 'completed') {
          set('arrived_at', Math.max(booked, start - o.int(0, 15) * MINUTE));
          set('completed_at', Math.min(nowMs, end + o.int(0, 10) * MINUTE));
        } else set('updated_at', Math.min(nowMs, end + 30 * MINUTE));
      }
    } else if (start <= nowMs) {
      confirm(0.8);
      set('arrived_at', Math.max(booked, start - o.int(0, 10) * MINUTE));
      row.status = o.chance(0.8) ? 'in_progress' : 'arrived';
    } else if (start - nowMs < 30 * MINUTE) {
      confirm(0.8);
      row.status = o.weighted<string>([['arrived', 40], ['confirmed', 50], ['scheduled', 10]]);
      if (row.status === 'arrived') set('arrived_at', Math.max(booked, nowMs - o.int(0, 10) * MINUTE));
      else if (row.status === 'confirmed' && !row.confirmed_at) set('confirmed_at', between(booked, nowMs));
    } else {
      confirm(start - nowMs < 3 * DAY ? 0.7 : 0.3);
      row.status = row.confirmed_at ? 'confirmed' : 'scheduled';
    }
    row.updated_at = iso(updated);
    rows.push(row);
  };

  let patientBusy = new Map<number, number[]>();
  const patientFree = (p: number, from: number, to: number) => {
    const busy = patientBusy.get(p);
    if (!busy) return true;
    for (let i = 0; i < busy.length; i += 2) if (from < busy[i + 1]! && busy[i]! < to) return false;
    return true;
  };
  /** A free patient from the pool: a few random tries, then the next free one (no more draws). */
  const pickPatient = (prng: Rng, pool: number, start: number, end: number) => {
    let p = 0;
    for (let tries = 0; tries < 4; tries++) {
      p = Math.floor(prng.next() * pool);
      if (patientFree(p, start, end)) return p;
    }
    for (let k = 1; k < pool; k++) if (patientFree((p + k) % pool, start, end)) return (p + k) % pool;
    return -1;
  };

  const days: [IsoDate, (m: number) => number][] = [];
  forEachDay(walk.firstDay, walk.lastDay, plan.timeZone, (day, toMs) => days.push([day, toMs]));
  for (const [day, toMs] of days) {
    if (plan.closedDays.has(day)) continue;
    const weekday = isoWeekday(day);
    const rng = streams(day, 'place');
    const prng = streams(day, 'patients');
    const idAt = makeIdFactory(streams(day, 'ids'));
    const keep = walk.keepShare(day);
    const chance = walk.placeChance;
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
          let x = rng.next() * totalWeight;
          let type = plan.types[plan.types.length - 1]!;
          for (const t of plan.types) if ((x -= t.weight) < 0) {
            type = t;
            break;
          }
          if (m + type.minutes > seg.end) {
            m += slot;
            continue;
          }
          // Drawn for every placement, whatever the clock says: the next placement never moves.
          const lead = HOUR + Math.floor(rng.next() * 30 * DAY);
          const outcomeSeed = Math.floor(rng.next() * 4294967296);
          const earlyCancel = rng.chance(EARLY_CANCEL);
          const rebook = earlyCancel && rng.chance(REBOOK_CANCELLED);
          const booked = rng.next() < keep;
          const start = toMs(m);
          const end = toMs(m + type.minutes);
          if (booked) {
            const bookedAt = Math.max(walk.setupMs + HOUR, Math.min(start - lead, walk.todayStartMs - MINUTE));
            const patient = pickPatient(prng, walk.patientsBy(bookedAt), start, end);
            if (patient >= 0) {
              if (!earlyCancel) {
                const busy = patientBusy.get(patient);
                if (busy) busy.push(start, end);
                else patientBusy.set(patient, [start, end]);
              }
              outcomeRng.reseed(outcomeSeed);
              place(outcomeRng, idAt, {
                doctorId: doctor.id, roomId, patientId: walk.patientIds(patient), typeId: type.id,
                start, end, booked: bookedAt, earlyCancel,
              });
            }
          }
          // A visit cancelled early frees its slot: often someone else was booked into it.
          if (rebook) continue;
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

interface Placement {
  doctorId: string;
  roomId: string;
  patientId: string;
  typeId: string;
  start: number;
  end: number;
  booked: number;
  earlyCancel: boolean;
}
