import type { Language, SyncStatus } from '../../shared/domain/types.ts';
import { getClinic } from '../db/repos/clinics.ts';
import { getSetting, setSetting } from '../db/repos/local-settings.ts';
import { outboxSummary } from '../db/repos/outbox.ts';
import type { ReadDb } from '../db/database.ts';
import { CommandError } from './command-error.ts';
import type { HandlerSlice } from './context.ts';
import { dismissRecovery, readRecovery } from './recovery-notice.ts';

/** Until the sync engine exists the desk is honest: local only, with what is waiting to be sent. */
export function localSyncStatus(db: ReadDb): SyncStatus {
  const outbox = outboxSummary(db);
  return {
    mode: 'local_only',
    pendingChanges: outbox.pendingChanges,
    oldestPendingAt: outbox.oldestPendingAt,
    lastSyncedAt: null,
    needsAttention: outbox.parked,
    lastError: null,
  };
}

export const appInfoHandlers: HandlerSlice<'app.info' | 'settings.setLanguage' | 'app.dismissRecovery'> = {
  'app.info': (_input, ctx) => {
    const clinic = getClinic(ctx.db, ctx.clinicId);
    if (!clinic) throw new CommandError('not_found', 'The clinic of this desk was not found.').because('no_clinic');
    const language = (getSetting(ctx.db, 'language') as Language | null) ?? 'en';
    const recovery = readRecovery(ctx.db);
    return {
      appVersion: ctx.appVersion,
      deskId: ctx.deskId,
      language,
      clinic,
      staff: ctx.staff,
      sync: ctx.sync ? ctx.sync.status() : localSyncStatus(ctx.db),
      now: ctx.now().toISOString(),
      ...(recovery ? { recovery } : {}),
    };
  },
  'app.dismissRecovery': (_input, ctx) => ({ dismissed: dismissRecovery(ctx.db) }),
  'settings.setLanguage': ({ language }, ctx) => {
    setSetting(ctx.db, 'language', language);
    return { language };
  },
};
