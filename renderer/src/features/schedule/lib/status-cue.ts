import type { AppointmentStatus } from '../../../../../shared/domain/appointment-status.ts';

/** A glyph per status so colour is never the only signal (paired with the status word). */
export const STATUS_ICON: Readonly<Record<AppointmentStatus, string>> = {
  scheduled: '○',
  confirmed: '✓',
  arrived: '●',
  in_progress: '▶',
  completed: '✔',
  cancelled: '✕',
  no_show: '⊘',
};

export function isClosedStatus(status: AppointmentStatus): boolean {
  return status === 'cancelled' || status === 'no_show';
}
