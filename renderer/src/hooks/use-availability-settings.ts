import { useCommandQuery } from './use-command-query.ts';

const EMPTY = {} as const;
const TABLES = ['doctors', 'rooms', 'appointment_types', 'doctor_appointment_types', 'clinic_blocked_periods', 'staff', 'clinics'] as const;

/** Doctors, rooms, appointment types and closures ('availability.settings'), shared by several screens. */
export function useAvailabilitySettings() {
  return useCommandQuery('availability.settings', EMPTY, { refreshOn: TABLES });
}
