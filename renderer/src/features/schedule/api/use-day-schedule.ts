import { useMemo } from 'react';
import type { IsoDate } from '../../../../../shared/domain/clinic-time.ts';
import { useCommandQuery } from '../../../hooks/use-command-query.ts';

/** Tables whose rows show on the day schedule. */
const DAY_TABLES = [
  'appointments',
  'patients',
  'doctors',
  'doctor_working_hours',
  'doctor_breaks',
  'doctor_vacations',
  'clinic_blocked_periods',
  'rooms',
  'appointment_types',
  'clinics',
  // The overdue badge follows the money tables.
  'installments',
  'payment_plans',
] as const;

/** The day schedule of one date ('schedule.day'), refreshed when its rows change. */
export function useDaySchedule(date: IsoDate | null) {
  const input = useMemo(() => (date ? { date } : null), [date]);
  return useCommandQuery('schedule.day', input, { refreshOn: DAY_TABLES });
}
