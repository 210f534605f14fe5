/** Appointment status flow: scheduled → confirmed → arrived → in_progress → completed, plus
 * cancelled and no_show. Terminal statuses never change again. */
export const APPOINTMENT_STATUSES = [
  'scheduled',
  'confirmed',
  'arrived',
  'in_progress',
  'completed',
  'cancelled',
  'no_show',
] as const;

export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

const NEXT: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  scheduled: ['confirmed', 'arrived', 'cancelled', 'no_show'],
  confirmed: ['arrived', 'cancelled', 'no_show', 'scheduled'],
  arrived: ['in_progress', 'completed', 'cancelled'],
  in_progress: ['completed'],
  completed: [],
  cancelled: [],
  no_show: [],
};

export function allowedTransitions(from: AppointmentStatus): readonly AppointmentStatus[] {
  return NEXT[from];
}

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return NEXT[from].includes(to);
}

/** Active appointments occupy their doctor, room and patient; the others free the slot. */
export function isActiveStatus(status: AppointmentStatus): boolean {
  return status !== 'cancelled' && status !== 'no_show';
}

/** How long before its start a visit may be checked in, started or completed, by default. */
export const DEFAULT_STATUS_LEAD_MINUTES = 60;
/** The clinic setting's bounds (clinics.status_lead_minutes). */
export const STATUS_LEAD_MINUTES_MAX = 720;

/** Statuses that say the patient is (or was) here: reachable only from shortly before the start. */
const ON_THE_DAY: ReadonlySet<AppointmentStatus> = new Set(['arrived', 'in_progress', 'completed']);

/**
 * Why the clock forbids a status now, as a reason code with its data (the renderer words it):
 *   status_too_early  arrived / in progress / completed before `leadMinutes` ahead of the start;
 *   no_show_too_early a no-show before the visit has started.
 * `earliestAt` is the first instant the change is allowed (ISO, UTC).
 */
export interface StatusTimingRefusal {
  code: 'status_too_early' | 'no_show_too_early';
  params: { status: AppointmentStatus; earliestAt: string; startsAt: string; leadMinutes: number };
}

/** The first instant `to` may be set on a visit starting at `startsAt`, or null if the clock does not matter. */
export function earliestStatusAt(to: AppointmentStatus, startsAt: string, leadMinutes: number): Date | null {
  const start = Date.parse(startsAt);
  if (Number.isNaN(start)) throw new RangeError(`not an instant: ${startsAt}`);
  if (ON_THE_DAY.has(to)) return new Date(start - Math.max(0, leadMinutes) * 60_000);
  if (to === 'no_show') return new Date(start);
  return null;
}

/**
 * The clock rule for a status change: null when `to` is allowed at `now`, else the refusal.
 * Allowed from `earliestAt` on (inclusive); scheduled, confirmed and cancelled are never timed.
 */
export function statusTimingRefusal(
  to: AppointmentStatus,
  startsAt: string,
  now: Date,
  leadMinutes: number = DEFAULT_STATUS_LEAD_MINUTES,
): StatusTimingRefusal | null {
  const earliest = earliestStatusAt(to, startsAt, leadMinutes);
  if (!earliest || now.getTime() >= earliest.getTime()) return null;
  return {
    code: to === 'no_show' ? 'no_show_too_early' : 'status_too_early',
    params: { status: to, earliestAt: earliest.toISOString(), startsAt: new Date(Date.parse(startsAt)).toISOString(), leadMinutes },
  };
}
