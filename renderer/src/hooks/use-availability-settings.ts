import { useCommandQuery } from '../data/use-command-query.ts';

const EMPTY = {} as const;

/** Doctors, rooms, appointment types and closures ('availability.settings'), shared by several screens. */
export function useAvailabilitySettings() {
  return useCommandQuery('availability.settings', EMPTY);
}
