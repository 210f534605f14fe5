import { useCommandCall } from '../../../data/use-command-call.ts';

/*
 * The editors' writes, one hook per command. Each answers its envelope as is: the editors send it
 * through useGuardedWrite, which asks before a write strands booked appointments.
 */
export const useSaveWeek = () => useCommandCall('availability.saveWeek');
export const useAddVacation = () => useCommandCall('availability.addVacation');
export const useRemoveVacation = () => useCommandCall('availability.removeVacation');
export const useAddClosure = () => useCommandCall('availability.addBlocked');
export const useRemoveClosure = () => useCommandCall('availability.removeBlocked');
export const useSaveRoom = () => useCommandCall('availability.saveRoom');
export const useSaveAppointmentType = () => useCommandCall('availability.saveType');
export const useSetDuration = () => useCommandCall('availability.setDuration');
export const useSetStatusLead = () => useCommandCall('availability.setStatusLead');
