import { useCallback, useMemo } from 'react';
import type { AppointmentStatus } from '../../../../../shared/domain/appointment-status.ts';
import { useCommandMutation } from '../../../data/use-command-mutation.ts';
import { useCommandQuery } from '../../../data/use-command-query.ts';

/** One appointment's details ('appointments.get'), refreshed when the tables it reads change. */
export function useAppointmentDetail(id: string | null) {
  const input = useMemo(() => (id ? { id } : null), [id]);
  return useCommandQuery('appointments.get', input);
}

/** 'appointments.setStatus' with its in-flight flag and last error. */
export function useSetAppointmentStatus() {
  const { run, saving, error, clearError } = useCommandMutation('appointments.setStatus');
  const setStatus = useCallback(
    async (id: string, status: AppointmentStatus, reason?: string) => (await run(reason ? { id, status, reason } : { id, status }))?.ok ?? false,
    [run],
  );
  return { setStatus, saving, error, clearError };
}

/** 'appointments.cancel' (always with a reason). */
export function useCancelAppointment() {
  return useCommandMutation('appointments.cancel');
}
