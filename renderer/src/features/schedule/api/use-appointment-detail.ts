import { useCallback, useMemo, useState } from 'react';
import type { AppointmentStatus } from '../../../../../shared/domain/appointment-status.ts';
import type { CommandErrorData } from '../../../../../shared/result.ts';
import { invoke } from '../../../api.ts';
import { useCommandQuery } from '../../../hooks/use-command-query.ts';

/** One appointment's details ('appointments.get'), refreshed when appointments or patients change. */
export function useAppointmentDetail(id: string | null) {
  const input = useMemo(() => (id ? { id } : null), [id]);
  return useCommandQuery('appointments.get', input, { refreshOn: ['appointments', 'patients'] });
}

/** 'appointments.setStatus' with its in-flight flag and last error. */
export function useSetAppointmentStatus() {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<CommandErrorData | null>(null);
  const setStatus = useCallback(async (id: string, status: AppointmentStatus, reason?: string) => {
    setSaving(true);
    setError(null);
    const answer = await invoke('appointments.setStatus', reason ? { id, status, reason } : { id, status });
    setSaving(false);
    if (!answer.ok) setError(answer.error);
    return answer.ok;
  }, []);
  return { setStatus, saving, error, clearError: useCallback(() => setError(null), []) };
}
