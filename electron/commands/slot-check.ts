import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { type SlotProblem, checkBookable } from '../../shared/domain/availability.ts';
import type { Instant } from '../../shared/domain/clinic-time.ts';
import type { ReadDb } from '../db/database.ts';
import { getAppointmentDetailRow } from '../db/repos/appointments.ts';
import {
  getDoctorInfo,
  getRoomInfo,
  listBlocked,
  listBusyOverlapping,
  listDoctorWeeks,
  listVacations,
} from '../db/repos/availability.ts';
import type { ReasonCode } from '../../shared/i18n/reasons-en.ts';
import type { ReasonParams } from '../../shared/result.ts';
import { CommandError, notFound } from './command-error.ts';

export interface SlotRequest {
  clinicId: string;
  timeZone: string;
  doctorId: string;
  /** undefined = the room of the doctor's working range at that time (else `fallbackRoomId`). */
  roomId: string | null | undefined;
  fallbackRoomId?: string | null;
  patientId: string;
  startsAt: Instant;
  endsAt: Instant;
  excludeAppointmentId?: string;
  /** Only overlaps matter (restoring a cancelled appointment to the time it already had). */
  overlapsOnly?: boolean;
}

/** 'Mon 2026-11-23 10:00' in the clinic's time zone, for messages. */
export function localLabel(instant: Instant, timeZone: string): string {
  return format(new TZDate(Date.parse(instant), timeZone), 'EEE yyyy-MM-dd HH:mm');
}

const hhmm = (instant: Instant, timeZone: string) => format(new TZDate(Date.parse(instant), timeZone), 'HH:mm');

/**
 * Checks that the doctor (and room) exist and that the time is bookable: inside working hours,
 * outside breaks, vacations and closures, and free for the doctor, the room and the patient.
 * Throws a CommandError that names who or what is in the way; returns the room to book.
 */
export function checkSlot(db: ReadDb, req: SlotRequest): { roomId: string | null; doctorName: string } {
  const tz = req.timeZone;
  const doctor = getDoctorInfo(db, req.clinicId, req.doctorId);
  if (!doctor || !doctor.active) throw notFound('The doctor', 'doctorId');
  if (req.roomId) {
    const room = getRoomInfo(db, req.clinicId, req.roomId);
    if (!room || !room.active) throw notFound('The room', 'roomId');
  }
  const [week] = listDoctorWeeks(db, req.clinicId, [req.doctorId]);
  const vacations = listVacations(db, req.clinicId, req.startsAt, req.endsAt);
  const blocked = listBlocked(db, req.clinicId, req.startsAt, req.endsAt);
  const busy = listBusyOverlapping(db, req.clinicId, req.startsAt, req.endsAt);
  const probe = checkBookable({
    timeZone: tz,
    doctor: week!,
    candidate: { ...req, roomId: req.roomId ?? null },
    vacations,
    blocked,
    busy,
  });
  const roomId = req.roomId === undefined ? (probe.workingRoomId ?? req.fallbackRoomId ?? null) : req.roomId;
  // With the room now known, check again (the working range's room may be taken).
  const { problems } = checkBookable({
    timeZone: tz,
    doctor: week!,
    candidate: { ...req, roomId },
    vacations,
    blocked,
    busy,
  });
  const name = doctor.displayName;
  const when = `${localLabel(req.startsAt, tz)}–${hhmm(req.endsAt, tz)}`;
  const unavailable = req.overlapsOnly ? [] : problems.filter((p) => !('appointmentId' in p));
  if (unavailable.length > 0) {
    const sentences = unavailable.map((p) => describeProblem(p, name, tz, vacations, blocked));
    const first = unavailable[0]!;
    throw new CommandError('conflict', `${when} cannot be booked: ${sentences.join(' ')}`, 'startsAt', {
      reason: 'unavailable',
      problems: unavailable,
    }).because(...problemReason(first, name, req, vacations, blocked));
  }
  const conflicts = problems.filter((p) => 'appointmentId' in p);
  if (conflicts.length > 0) {
    const sentences = conflicts.map((c) => {
      const row = getAppointmentDetailRow(db, req.clinicId, c.appointmentId);
      const other = row ? `${row.first_name} ${row.last_name}` : 'another patient';
      const span = `${hhmm(c.startsAt, tz)}–${hhmm(c.endsAt, tz)}`;
      if (c.kind === 'doctor') return `${name} already sees ${other} at ${span}.`;
      if (c.kind === 'room') return `${row?.room_name ?? 'The room'} is taken by ${other} (${row?.doctor_name ?? 'another doctor'}) at ${span}.`;
      return `The patient already has an appointment with ${row?.doctor_name ?? 'another doctor'} at ${span}.`;
    });
    const c = conflicts[0]!;
    const row = getAppointmentDetailRow(db, req.clinicId, c.appointmentId);
    // Facts, not words: the renderer says "<doctor> already sees <patient> at <start>–<end>".
    const params = {
      kind: c.kind,
      doctor: (c.kind === 'doctor' ? name : row?.doctor_name) ?? '',
      patient: row ? `${row.first_name} ${row.last_name}` : '',
      room: row?.room_name ?? '',
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      appointmentId: c.appointmentId,
    };
    throw new CommandError('overlap', `${when} overlaps: ${sentences.join(' ')}`, 'startsAt', {
      conflicts,
      appointmentIds: [...new Set(conflicts.map((x) => x.appointmentId))],
    }).because(c.kind === 'doctor' ? 'overlap_doctor' : c.kind === 'room' ? 'overlap_room' : 'overlap_patient', params);
  }
  return { roomId, doctorName: name };
}

type Span = { startsAt: Instant; endsAt: Instant; reason: string | null };

/** The first reason a time cannot be booked, with its facts (names, ISO instants, the note typed for it). */
function problemReason(p: SlotProblem, doctor: string, req: SlotRequest, vacations: Span[], blocked: Span[]): [ReasonCode, ReasonParams] {
  const base = { doctor, startsAt: req.startsAt, endsAt: req.endsAt };
  if (!('startsAt' in p)) return ['slot_outside_hours', base];
  const span = { doctor, startsAt: p.startsAt, endsAt: p.endsAt };
  switch (p.kind) {
    case 'break':
      return ['slot_break', span];
    case 'vacation': {
      const note = vacations.find((v) => v.startsAt === p.startsAt)?.reason;
      return note ? ['slot_vacation_note', { ...span, note }] : ['slot_vacation', span];
    }
    case 'blocked': {
      const note = blocked.find((b) => b.startsAt === p.startsAt)?.reason;
      return note ? ['slot_closed_note', { ...span, note }] : ['slot_closed', span];
    }
    default:
      return ['slot_outside_hours', base];
  }
}

function describeProblem(
  p: SlotProblem,
  doctorName: string,
  tz: string,
  vacations: { startsAt: Instant; endsAt: Instant; reason: string | null }[],
  blocked: { startsAt: Instant; endsAt: Instant; reason: string | null }[],
): string {
  switch (p.kind) {
    case 'outside_hours':
      return `${doctorName} does not work then.`;
    case 'break':
      return `${doctorName} has a break ${hhmm(p.startsAt, tz)}–${hhmm(p.endsAt, tz)}.`;
    case 'vacation': {
      const reason = vacations.find((v) => v.startsAt === p.startsAt)?.reason;
      return `${doctorName} is away ${localLabel(p.startsAt, tz)} – ${localLabel(p.endsAt, tz)}${reason ? ` (${reason})` : ''}.`;
    }
    case 'blocked': {
      const reason = blocked.find((b) => b.startsAt === p.startsAt)?.reason;
      return `The clinic is closed ${localLabel(p.startsAt, tz)} – ${localLabel(p.endsAt, tz)}${reason ? ` (${reason})` : ''}.`;
    }
    default:
      return '';
  }
}
