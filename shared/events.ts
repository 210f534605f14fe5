import type { SyncStatus } from './domain/types.ts';

/** Main → renderer pushes, on the single `clinic:event` channel (SSE `/events` in the host). */
export interface ClinicEvents {
  /** Rows of these tables changed (local write or applied sync page): refresh what shows them. */
  'data.changed': { tables: string[] };
  'sync.status': SyncStatus;
}

export type EventName = keyof ClinicEvents;
export interface ClinicEvent<N extends EventName = EventName> {
  name: N;
  payload: ClinicEvents[N];
}
