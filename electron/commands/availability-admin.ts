import { type DoctorWeek, checkBookable } from '../../shared/domain/availability.ts';
import type { AvailabilitySettings, DoctorScheduleView, OrphanAppointment } from '../../shared/domain/availability-admin-types.ts';
import type { CommandParsedInput } from '../../shared/commands.ts';
import type { ReadDb } from '../db/database.ts';
import { getDoctorInfo, getRoomInfo } from '../db/repos/availability.ts';
import { getStatusLeadMinutes } from '../db/repos/clinics.ts';
import {
  findDurationOverrideId,
  getBlockedRow,
  getDoctorSchedule,
  getVacationDoctor,
  listActiveAppointmentsBetween,
  listBlockedViews,
  listDoctorViews,
  listDurationOverrideViews,
  listRoomViews,
  listTypeViews,
  type OrphanCandidate,
} from '../db/repos/availability-admin.ts';
import { requireClinic } from './availability.ts';
import { CommandError, notFound } from './command-error.ts';
import type { CommandContext, HandlerSlice } from './context.ts';

const DAY_MS = 86_400_000;
/** How far ahead a change to the weekly hours is checked against booked appointments. */
const ORPHAN_HORIZON_DAYS = 366;
const RECENT_DAYS = 30;

const canEdit = (ctx: CommandContext) => ctx.staff?.role === 'admin' || ctx.staff?.role === 'manager';

function requireEditor(ctx: CommandContext): void {
  if (!canEdit(ctx)) {
    throw new CommandError('forbidden', 'Only an admin or a manager can change availability, rooms and appointment types.').because('role_refused');
  }
}

const recent = (ctx: CommandContext) => new Date(ctx.now().getTime() - RECENT_DAYS * DAY_MS).toISOString();

export function settings(ctx: CommandContext): AvailabilitySettings {
  const clinic = requireClinic(ctx.db, ctx.clinicId);
  return {
    canEdit: canEdit(ctx),
    timeZone: clinic.timeZone,
    slotMinutes: clinic.slotMinutes,
    statusLeadMinutes: getStatusLeadMinutes(ctx.db, ctx.clinicId),
    doctors: listDoctorViews(ctx.db, ctx.clinicId),
    rooms: listRoomViews(ctx.db, ctx.clinicId),
    appointmentTypes: listTypeViews(ctx.db, ctx.clinicId),
    durationOverrides: listDurationOverrideViews(ctx.db, ctx.clinicId),
    blocked: listBlockedViews(ctx.db, ctx.clinicId, recent(ctx)),
  };
}

function requireDoctor(db: ReadDb, clinicId: string, doctorId: string): void {
  if (!getDoctorInfo(db, clinicId, doctorId)) throw notFound('The doctor', 'doctorId');
}

const schedule = (ctx: CommandContext, doctorId: string): DoctorScheduleView =>
  getDoctorSchedule(ctx.db, ctx.clinicId, doctorId, recent(ctx));

/** Refuses with the stranded appointments unless the caller confirmed after seeing them. */
function guardOrphans(found: OrphanCandidate[], confirmed: boolean | undefined, what: string): void {
  if (found.length === 0 || confirmed) return;
  const appointments: OrphanAppointment[] = found.map(({ id, startsAt, endsAt, patientName, doctorName }) => ({
    id,
    startsAt,
    endsAt,
    patientName,
    doctorName,
  }));
  throw new CommandError(
    'conflict',
    `${what} would leave ${found.length} booked appointment(s) outside the available time. Save anyway?`,
    undefined,
    { reason: 'orphans', appointments },
  ).because('orphans', { count: found.length });
}

type SaveWeek = CommandParsedInput<'availability.saveWeek'>;

function toWeek(doctorId: string, input: Pick<SaveWeek, 'hours' | 'breaks'>, validity: Map<string, { validFrom: string | null; validTo: string | null }>): DoctorWeek {
  return {
    id: doctorId,
    hours: input.hours.map((h) => ({
      weekday: h.weekday,
      startMinute: h.startMinute,
      endMinute: h.endMinute,
      roomId: h.roomId ?? null,
      validFrom: (h.id && validity.get(h.id)?.validFrom) ?? null,
      validTo: (h.id && validity.get(h.id)?.validTo) ?? null,
    })),
    breaks: input.breaks.map((b) => ({ weekday: b.weekday, startMinute: b.startMinute, endMinute: b.endMinute })),
  };
}

/** Appointments that fit the old week but not the new one (outside hours or in a break). */
function weekOrphans(ctx: CommandContext, tz: string, before: DoctorWeek, after: DoctorWeek): OrphanCandidate[] {
  const now = ctx.now();
  const list = listActiveAppointmentsBetween(
    ctx.db,
    ctx.clinicId,
    now.toISOString(),
    new Date(now.getTime() + ORPHAN_HORIZON_DAYS * DAY_MS).toISOString(),
    { doctorId: before.id },
  );
  const misfit = (week: DoctorWeek, a: OrphanCandidate) =>
    checkBookable({ timeZone: tz, doctor: week, candidate: a, vacations: [], blocked: [], busy: [] }).problems.some(
      (p) => p.kind === 'outside_hours' || p.kind === 'break',
    );
  return list.filter((a) => misfit(after, a) && !misfit(before, a));
}

export const availabilityAdminHandlers: HandlerSlice<
  | 'availability.settings'
  | 'availability.doctorSchedule'
  | 'availability.saveWeek'
  | 'availability.addVacation'
  | 'availability.removeVacation'
  | 'availability.addBlocked'
  | 'availability.removeBlocked'
  | 'availability.saveRoom'
  | 'availability.saveType'
  | 'availability.setDuration'
> = {
  'availability.settings': (_input, ctx) => settings(ctx),

  'availability.doctorSchedule': ({ doctorId }, ctx) => {
    requireDoctor(ctx.db, ctx.clinicId, doctorId);
    return schedule(ctx, doctorId);
  },

  /**
   * Replaces the doctor's weekly hours and breaks: rows sent with an id are updated, rows without
   * one inserted, stored rows not sent removed. Appointments the new week would strand are listed
   * ('conflict', details.appointments) until resent with confirmOrphans.
   */
  'availability.saveWeek': (input, ctx) => {
    requireEditor(ctx);
    const tz = requireClinic(ctx.db, ctx.clinicId).timeZone;
    requireDoctor(ctx.db, ctx.clinicId, input.doctorId);
    const current = schedule(ctx, input.doctorId);
    const hourIds = new Set(current.hours.map((h) => h.id));
    const breakIds = new Set(current.breaks.map((b) => b.id));
    input.hours.forEach((h, i) => {
      if (h.id && !hourIds.has(h.id)) throw notFound('The working-hours row', `hours.${i}.id`);
      if (h.roomId) {
        const room = getRoomInfo(ctx.db, ctx.clinicId, h.roomId);
        if (!room || !room.active) throw notFound('The room', `hours.${i}.roomId`);
      }
    });
    input.breaks.forEach((b, i) => {
      if (b.id && !breakIds.has(b.id)) throw notFound('The break', `breaks.${i}.id`);
    });
    const validity = new Map(current.hours.map((h) => [h.id, { validFrom: h.validFrom, validTo: h.validTo }]));
    const before = toWeek(input.doctorId, { hours: current.hours, breaks: current.breaks }, validity);
    const after = toWeek(input.doctorId, input, validity);
    guardOrphans(weekOrphans(ctx, tz, before, after), input.confirmOrphans, 'The new weekly hours');

    ctx.write('availability.saveWeek', (w) => {
      const keepHours = new Set(input.hours.flatMap((h) => (h.id ? [h.id] : [])));
      const keepBreaks = new Set(input.breaks.flatMap((b) => (b.id ? [b.id] : [])));
      for (const h of current.hours) if (!keepHours.has(h.id)) w.softDelete('doctor_working_hours', h.id);
      for (const b of current.breaks) if (!keepBreaks.has(b.id)) w.softDelete('doctor_breaks', b.id);
      for (const h of input.hours) {
        const row = { weekday: h.weekday, start_minute: h.startMinute, end_minute: h.endMinute, room_id: h.roomId ?? null };
        const old = current.hours.find((c) => c.id === h.id);
        if (!old) w.insert('doctor_working_hours', { doctor_id: input.doctorId, ...row });
        else if (old.weekday !== h.weekday || old.startMinute !== h.startMinute || old.endMinute !== h.endMinute || old.roomId !== row.room_id) {
          w.update('doctor_working_hours', old.id, row);
        }
      }
      for (const b of input.breaks) {
        const row = { weekday: b.weekday, start_minute: b.startMinute, end_minute: b.endMinute, label: b.label ?? null };
        const old = current.breaks.find((c) => c.id === b.id);
        if (!old) w.insert('doctor_breaks', { doctor_id: input.doctorId, ...row });
        else if (old.weekday !== b.weekday || old.startMinute !== b.startMinute || old.endMinute !== b.endMinute || old.label !== row.label) {
          w.update('doctor_breaks', old.id, row);
        }
      }
      w.note({ doctorId: input.doctorId, confirmedOrphans: input.confirmOrphans ?? false });
    });
    return schedule(ctx, input.doctorId);
  },

  'availability.addVacation': (input, ctx) => {
    requireEditor(ctx);
    requireDoctor(ctx.db, ctx.clinicId, input.doctorId);
    const found = listActiveAppointmentsBetween(ctx.db, ctx.clinicId, input.startsAt, input.endsAt, { doctorId: input.doctorId });
    guardOrphans(found, input.confirmOrphans, 'This absence');
    ctx.write('availability.addVacation', (w) => {
      w.insert('doctor_vacations', { doctor_id: input.doctorId, starts_at: input.startsAt, ends_at: input.endsAt, reason: input.reason ?? null });
    });
    return schedule(ctx, input.doctorId);
  },

  'availability.removeVacation': ({ id }, ctx) => {
    requireEditor(ctx);
    const doctorId = getVacationDoctor(ctx.db, ctx.clinicId, id);
    if (!doctorId) throw notFound('The absence', 'id');
    ctx.write('availability.removeVacation', (w) => w.softDelete('doctor_vacations', id));
    return schedule(ctx, doctorId);
  },

  'availability.addBlocked': (input, ctx) => {
    requireEditor(ctx);
    const found = listActiveAppointmentsBetween(ctx.db, ctx.clinicId, input.startsAt, input.endsAt);
    guardOrphans(found, input.confirmOrphans, 'This closure');
    ctx.write('availability.addBlocked', (w) => {
      w.insert('clinic_blocked_periods', { starts_at: input.startsAt, ends_at: input.endsAt, reason: input.reason ?? null });
    });
    return settings(ctx);
  },

  'availability.removeBlocked': ({ id }, ctx) => {
    requireEditor(ctx);
    if (!getBlockedRow(ctx.db, ctx.clinicId, id)) throw notFound('The closure', 'id');
    ctx.write('availability.removeBlocked', (w) => w.softDelete('clinic_blocked_periods', id));
    return settings(ctx);
  },

  /** Creates or renames a room; deactivating one with future bookings lists them first. */
  'availability.saveRoom': (input, ctx) => {
    requireEditor(ctx);
    const existing = input.id ? getRoomInfo(ctx.db, ctx.clinicId, input.id) : null;
    if (input.id && !existing) throw notFound('The room', 'id');
    const taken = listRoomViews(ctx.db, ctx.clinicId).find(
      (r) => r.id !== input.id && r.name.toLowerCase() === input.name.toLowerCase(),
    );
    if (taken) throw new CommandError('validation_error', 'name: another room already has this name', 'name').because('name_taken');
    if (existing && existing.active && input.active === false) {
      const now = ctx.now().toISOString();
      const far = new Date(ctx.now().getTime() + ORPHAN_HORIZON_DAYS * DAY_MS).toISOString();
      guardOrphans(listActiveAppointmentsBetween(ctx.db, ctx.clinicId, now, far, { roomId: existing.id }), input.confirmOrphans, 'Closing this room');
    }
    ctx.write('availability.saveRoom', (w) => {
      const row = { name: input.name, ...(input.active === undefined ? {} : { active: input.active }) };
      if (existing) w.update('rooms', existing.id, row);
      else w.insert('rooms', { active: true, ...row });
    });
    return settings(ctx);
  },

  'availability.saveType': (input, ctx) => {
    requireEditor(ctx);
    const types = listTypeViews(ctx.db, ctx.clinicId);
    if (input.id && !types.some((t) => t.id === input.id)) throw notFound('The appointment type', 'id');
    if (types.some((t) => t.id !== input.id && t.name.toLowerCase() === input.name.toLowerCase())) {
      throw new CommandError('validation_error', 'name: another appointment type already has this name', 'name').because('name_taken');
    }
    ctx.write('availability.saveType', (w) => {
      const row = {
        name: input.name,
        duration_minutes: input.durationMinutes,
        color: input.color.toLowerCase(),
        ...(input.active === undefined ? {} : { active: input.active }),
      };
      if (input.id) w.update('appointment_types', input.id, row);
      else w.insert('appointment_types', { active: true, ...row });
    });
    return settings(ctx);
  },

  /** A doctor's own duration for a type; null removes it. Existing bookings keep their length. */
  'availability.setDuration': ({ doctorId, appointmentTypeId, durationMinutes }, ctx) => {
    requireEditor(ctx);
    requireDoctor(ctx.db, ctx.clinicId, doctorId);
    if (!listTypeViews(ctx.db, ctx.clinicId).some((t) => t.id === appointmentTypeId)) {
      throw notFound('The appointment type', 'appointmentTypeId');
    }
    const id = findDurationOverrideId(ctx.db, ctx.clinicId, doctorId, appointmentTypeId);
    if (id || durationMinutes !== null) {
      ctx.write('availability.setDuration', (w) => {
        if (id && durationMinutes === null) w.softDelete('doctor_appointment_types', id);
        else if (id) w.update('doctor_appointment_types', id, { duration_minutes: durationMinutes });
        else w.insert('doctor_appointment_types', { doctor_id: doctorId, appointment_type_id: appointmentTypeId, duration_minutes: durationMinutes });
      });
    }
    return settings(ctx);
  },
};
