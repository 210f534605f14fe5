import { dayClock, isoWeekday, todayIn } from '../../shared/domain/clinic-time.ts';
import type { DayDoctor, DaySchedule } from '../../shared/domain/types.ts';
import { listStartingBetween } from '../db/repos/appointments.ts';
import { getClinic } from '../db/repos/clinics.ts';
import {
  listBlockedOverlapping,
  listBreaksOn,
  listVacationsOverlapping,
  listWorkingHoursOn,
} from '../db/repos/doctor-schedule.ts';
import { listActiveDoctors } from '../db/repos/doctors.ts';
import { listOverduePatientIds } from '../db/repos/installments.ts';
import { CommandError } from './command-error.ts';
import type { HandlerSlice } from './context.ts';

export const scheduleHandlers: HandlerSlice<'schedule.day'> = {
  /**
   * One local day for the whole clinic: the doctors who work it (or have appointments on it,
   * so nothing booked is ever hidden), their hours, breaks and vacations, clinic closures and
   * every appointment starting that day.
   */
  'schedule.day': ({ date }, ctx) => {
    const clinic = getClinic(ctx.db, ctx.clinicId);
    if (!clinic) throw new CommandError('not_found', 'The clinic of this desk was not found.').because('no_clinic');
    const tz = clinic.timeZone;
    // Working hours and breaks are wall-clock minutes; dayClock converts them with one zone
    // lookup for the whole day (~0.2 ms of a 50-doctor day) unless the clocks change that day.
    const day = dayClock(date, tz);
    const weekday = isoWeekday(date);
    const at = day.at;

    const byDoctor = new Map<string, DayDoctor>();
    const doctors = listActiveDoctors(ctx.db, ctx.clinicId);
    const entry = (id: string) => byDoctor.get(id);
    for (const d of doctors) {
      byDoctor.set(d.id, {
        id: d.id,
        displayName: d.display_name,
        specialty: d.specialty,
        color: d.color,
        hours: [],
        breaks: [],
        vacations: [],
      });
    }
    for (const h of listWorkingHoursOn(ctx.db, ctx.clinicId, weekday, date)) {
      entry(h.doctor_id)?.hours.push({
        startsAt: at(h.start_minute),
        endsAt: at(h.end_minute),
        roomId: h.room_id,
        roomName: h.room_name,
      });
    }
    for (const b of listBreaksOn(ctx.db, ctx.clinicId, weekday)) {
      entry(b.doctor_id)?.breaks.push({ startsAt: at(b.start_minute), endsAt: at(b.end_minute), label: b.label });
    }
    for (const v of listVacationsOverlapping(ctx.db, ctx.clinicId, day.start, day.end)) {
      if (v.doctor_id) entry(v.doctor_id)?.vacations.push({ startsAt: v.starts_at, endsAt: v.ends_at, reason: v.reason });
    }
    const appointments = listStartingBetween(ctx.db, ctx.clinicId, day.start, day.end);
    const booked = new Set(appointments.map((a) => a.doctorId));

    return {
      date,
      clinic,
      day: { startsAt: day.start, endsAt: day.end },
      doctors: [...byDoctor.values()].filter((d) => d.hours.length > 0 || booked.has(d.id)),
      blocked: listBlockedOverlapping(ctx.db, ctx.clinicId, day.start, day.end).map((b) => ({
        startsAt: b.starts_at,
        endsAt: b.ends_at,
        reason: b.reason,
      })),
      appointments,
      overduePatientIds: listOverduePatientIds(
        ctx.db,
        ctx.clinicId,
        appointments.map((a) => a.patientId),
        todayIn(tz, ctx.now()),
      ),
    } satisfies DaySchedule;
  },
};
