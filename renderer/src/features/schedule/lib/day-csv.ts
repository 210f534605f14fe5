import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { DayAppointment, DaySchedule } from '../../../../../shared/domain/types.ts';

/** What the sheet reads of a day. */
export type SheetSource = Pick<DaySchedule, 'date' | 'clinic' | 'doctors' | 'appointments'>;

/**
 * One CSV field: quoted when it holds a separator, quote or line break; a leading = + - @ (or tab /
 * CR) gets a ' so spreadsheets show it as text instead of running it as a formula.
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(',');
}

export const CSV_HEADER = ['date', 'start', 'end', 'doctor', 'room', 'patient', 'type', 'status', 'notes'] as const;

/** The appointments of the day (one doctor, or all when doctorId is null) in time order. */
export function sheetAppointments(schedule: SheetSource, doctorId: string | null): DayAppointment[] {
  return schedule.appointments
    .filter((a) => doctorId === null || a.doctorId === doctorId)
    .sort((x, y) => x.startsAt.localeCompare(y.startsAt) || x.doctorId.localeCompare(y.doctorId));
}

export function roomNamesOf(schedule: SheetSource): Map<string, string> {
  const rooms = new Map<string, string>();
  for (const d of schedule.doctors) for (const h of d.hours) if (h.roomId && h.roomName) rooms.set(h.roomId, h.roomName);
  return rooms;
}

/** The day as CSV (RFC 4180 with CRLF, UTF-8 BOM so spreadsheet apps read accents right). */
export function dayCsv(schedule: SheetSource, doctorId: string | null): string {
  const tz = schedule.clinic.timeZone;
  const hhmm = (instant: string) => format(new TZDate(Date.parse(instant), tz), 'HH:mm');
  const doctors = new Map(schedule.doctors.map((d) => [d.id, d.displayName]));
  const rooms = roomNamesOf(schedule);
  const lines = [csvLine(CSV_HEADER)];
  for (const a of sheetAppointments(schedule, doctorId)) {
    lines.push(
      csvLine([
        schedule.date,
        hhmm(a.startsAt),
        hhmm(a.endsAt),
        doctors.get(a.doctorId) ?? '',
        a.roomId ? (rooms.get(a.roomId) ?? '') : '',
        a.patientName,
        a.typeName ?? '',
        a.status,
        a.notes ?? '',
      ]),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
