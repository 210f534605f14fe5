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
