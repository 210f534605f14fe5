import {
  type DoctorWeek,
  type FreeSlot,
  dayAvailability,
  datesBetween,
  findFreeSlots,
} from '../../shared/domain/availability.ts';
import type { AvailableSlot } from '../../shared/domain/booking-types.ts';
import { type IsoDate, addDaysIso, dayBounds, todayIn } from '../../shared/domain/clinic-time.ts';
import type { ClinicSummary } from '../../shared/domain/types.ts';
import type { ReadDb } from '../db/database.ts';
import {
  durationOverrides,
  getAppointmentType,
  getDoctorInfo,
  listBlocked,
  listBusyForDoctor,
  listBusyOverlapping,
  listDoctorBusyOverlapping,
  listDoctorWeeks,
  listVacations,
  roomNames,
} from '../db/repos/availability.ts';
import { getClinic } from '../db/repos/clinics.ts';
import { listActiveDoctors } from '../db/repos/doctors.ts';
import { CommandError, notFound } from './command-error.ts';
import type { HandlerSlice } from './context.ts';

const DEFAULT_DAYS = 28;
const MAX_DAYS = 92;
const DEFAULT_LIMIT = 10;

export function requireClinic(db: ReadDb, clinicId: string): ClinicSummary {
  const clinic = getClinic(db, clinicId);
  if (!clinic) throw new CommandError('not_found', 'The clinic of this desk was not found.').because('no_clinic');
  return clinic;
}

/** Searched day by day at first (the answer is usually today or tomorrow), then a week at a time. */
function* chunks(from: IsoDate, to: IsoDate): Generator<[IsoDate, IsoDate]> {
  let start = from;
  let size = 1;
  while (start <= to) {
    const end = addDaysIso(start, size - 1) < to ? addDaysIso(start, size - 1) : to;
    yield [start, end];
    start = addDaysIso(end, 1);
    size = Math.min(7, size * 2);
  }
}

export const availabilityHandlers: HandlerSlice<'availability.findFree' | 'availability.week'> = {
  /**
   * The first free slots for an appointment type, by one doctor or any doctor, in time order.
   * Each doctor's own duration for the type (doctor_appointment_types) applies; with a patient,
   * the patient's other appointments block too. Never offers a slot that has already started.
   */
  'availability.findFree': (input, ctx) => {
    const clinic = requireClinic(ctx.db, ctx.clinicId);
    const tz = clinic.timeZone;
    const type = getAppointmentType(ctx.db, ctx.clinicId, input.appointmentTypeId);
    if (!type || !type.active) throw notFound('The appointment type', 'appointmentTypeId');
    let doctors: { id: string; name: string }[];
    if (input.doctorId) {
      const doctor = getDoctorInfo(ctx.db, ctx.clinicId, input.doctorId);
      if (!doctor || !doctor.active) throw notFound('The doctor', 'doctorId');
      doctors = [{ id: doctor.id, name: doctor.displayName }];
    } else {
      doctors = listActiveDoctors(ctx.db, ctx.clinicId).map((d) => ({ id: d.id, name: d.display_name }));
    }
    const now = ctx.now();
    const today = todayIn(tz, now);
    const fromDate = input.fromDate < today ? today : input.fromDate;
    const lastAllowed = addDaysIso(input.fromDate, MAX_DAYS);
    if (input.toDate && input.toDate > lastAllowed) {
      throw new CommandError('validation_error', `toDate: search at most ${MAX_DAYS} days at a time`, 'toDate').because('search_too_long', { max: MAX_DAYS });
    }
    const toDate = input.toDate ?? addDaysIso(input.fromDate, DEFAULT_DAYS - 1);
    const limit = input.limit ?? DEFAULT_LIMIT;
    const overrides = durationOverrides(ctx.db, ctx.clinicId, type.id);
    const weeks: DoctorWeek[] = listDoctorWeeks(
      ctx.db,
      ctx.clinicId,
      doctors.map((d) => d.id),
    ).map((w) => ({ ...w, durationMinutes: overrides.get(w.id) ?? type.durationMinutes }));

    const single =
      weeks.length === 1
        ? {
            doctorId: weeks[0]!.id,
            roomIds: [...new Set(weeks[0]!.hours.flatMap((h) => (h.roomId ? [h.roomId] : [])))],
            patientId: input.patientId ?? null,
          }
        : null;
    const found: FreeSlot[] = [];
    let searchedThrough = toDate;
    for (const [a, b] of fromDate <= toDate ? chunks(fromDate, toDate) : []) {
      const start = dayBounds(a, tz).start;
      const end = dayBounds(b, tz).end;
      // A slot also needs its room free (rooms are shared), so other doctors' bookings count.
      const busy = (
        single
          ? listBusyForDoctor(ctx.db, ctx.clinicId, start, end, single)
          : listBusyOverlapping(ctx.db, ctx.clinicId, start, end)
      ).filter(
        (x) => x.appointmentId !== input.excludeAppointmentId,
      );
      found.push(
        ...findFreeSlots({
          timeZone: tz,
          slotMinutes: clinic.slotMinutes,
          fromDate: a,
          toDate: b,
          durationMinutes: type.durationMinutes,
          doctors: weeks,
          vacations: listVacations(ctx.db, ctx.clinicId, start, end),
          blocked: listBlocked(ctx.db, ctx.clinicId, start, end),
          busy,
          patientId: input.patientId ?? null,
          timeOfDay: input.timeOfDay,
          limit: limit - found.length,
          now: now.toISOString(),
        }),
      );
      if (found.length >= limit) {
        searchedThrough = b;
        break;
      }
    }
    const names = new Map(doctors.map((d) => [d.id, d.name]));
    const rooms = roomNames(ctx.db, ctx.clinicId);
    const slots: AvailableSlot[] = found.map((s) => ({
      ...s,
      doctorName: names.get(s.doctorId) ?? '',
      roomName: s.roomId ? (rooms.get(s.roomId) ?? null) : null,
      durationMinutes: Math.round((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 60_000),
    }));
    return { appointmentTypeId: type.id, slots, searchedThrough };
  },

  /** Seven days from weekStart: working, free and busy time of one doctor (the week grid). */
  'availability.week': ({ doctorId, weekStart }, ctx) => {
    const clinic = requireClinic(ctx.db, ctx.clinicId);
    const tz = clinic.timeZone;
    const doctor = getDoctorInfo(ctx.db, ctx.clinicId, doctorId);
    if (!doctor) throw notFound('The doctor', 'doctorId');
    const dates = [...datesBetween(weekStart, addDaysIso(weekStart, 6))];
    const start = dayBounds(weekStart, tz).start;
    const end = dayBounds(dates.at(-1)!, tz).end;
    const [week] = listDoctorWeeks(ctx.db, ctx.clinicId, [doctorId]);
    return {
      doctorId,
      doctorName: doctor.displayName,
      weekStart,
      timeZone: tz,
      slotMinutes: clinic.slotMinutes,
      days: dayAvailability({
        timeZone: tz,
        doctor: week!,
        dates,
        vacations: listVacations(ctx.db, ctx.clinicId, start, end),
        blocked: listBlocked(ctx.db, ctx.clinicId, start, end),
        busy: listDoctorBusyOverlapping(ctx.db, doctorId, start, end),
      }),
    };
  },
};
