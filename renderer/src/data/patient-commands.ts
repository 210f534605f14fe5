import { useCommandQuery } from './use-command-query.ts';
import { useCommandCall } from './use-command-call.ts';

/**
 * Patient reads and writes of the shared widgets (components/), which several features show:
 * a patient's recall due dates, and the audited reveal of the national id.
 */
export function useRecallsDue(patientId: string) {
  return useCommandQuery('recalls.dueForPatient', { patientId });
}

export const useRevealNationalId = () => useCommandCall('patients.revealNationalId');
