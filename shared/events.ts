import type { AuthSession } from './domain/auth-types.ts';
import type { SyncStatus } from './domain/types.ts';

/** Main → renderer pushes, on the single `clinic:event` channel (SSE `/events` in the host). */
export interface ClinicEvents {
  /** Rows of these tables changed (local write or applied sync page): refresh what shows them. */
  'data.changed': { tables: string[] };
  'sync.status': SyncStatus;
  /** Signed in / out / locked / unlocked, online or not: the shell switches screens. */
  'auth.session': AuthSession;
}

export type EventName = keyof ClinicEvents;
export interface ClinicEvent<N extends EventName = EventName> {
  name: N;
  payload: ClinicEvents[N];
}
