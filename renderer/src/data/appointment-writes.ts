import { useCommandMutation } from './use-command-mutation.ts';

/**
 * Booking an appointment ('appointments.book'): the one hook every screen that books uses, so a
 * refusal (taken time, blocked patient, closed day…) reaches the person the same way everywhere:
 * as `error`, shown with the error text of the desk language.
 */
export function useBookAppointment() {
  const { run, saving, error, setError, clearError } = useCommandMutation('appointments.book');
  return { book: run, saving, error, setError, clearError };
}

/** Moving an appointment to another time or doctor ('appointments.reschedule'). */
export function useRescheduleAppointment() {
  const { run, saving, error, setError, clearError } = useCommandMutation('appointments.reschedule');
  return { reschedule: run, saving, error, setError, clearError };
}
