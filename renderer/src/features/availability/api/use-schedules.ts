import type { IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import { useCommandQuery } from '../../../data/use-command-query.ts';

/** One doctor's week as the grid shows it ('availability.week'); null input reads nothing. */
export function useDoctorWeek(input: { doctorId: string; weekStart: IsoDate } | null) {
  return useCommandQuery('availability.week', input);
}

/** One doctor's weekly hours, breaks and absences as the week editor edits them. */
export function useDoctorSchedule(doctorId: string) {
  return useCommandQuery('availability.doctorSchedule', { doctorId });
}
