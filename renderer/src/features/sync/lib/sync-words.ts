import type { SyncStatus } from '../../../../../shared/domain/types.ts';
import type { I18n } from '../../../i18n/use-i18n.ts';

type T = I18n['t'];

/** The sync state in words: "Synced" only when it is true (nothing waits, the server answers). */
export function syncStateText(t: T, status: SyncStatus, short = false): string {
  if (status.mode === 'local_only') return t('sync.localOnly');
  if (status.signedIn === false) return short ? t('sync.signInShort') : t('sync.signInAgain');
  if (status.mode === 'offline') return short ? t('sync.offlineShort') : t('sync.offline');
  if (status.mode === 'connecting') return short ? t('sync.connectingShort') : t('sync.connecting');
  if (status.mode === 'syncing' || status.pendingChanges > 0) return short ? t('sync.syncingShort') : t('sync.syncing');
  return t('sync.online');
}

/** The last sync error in words, from its code (main's English stays in the logs). */
export function syncErrorText(t: T, status: SyncStatus): string | null {
  if (!status.lastError && !status.lastErrorKind) return null;
  return t(`sync.err.${status.lastErrorKind ?? 'failed'}`);
}

/** How far this computer's clock is off, in words, or null. */
export function clockText(t: T, status: SyncStatus): string | null {
  const skew = status.clockSkewMs;
  if (skew === null || skew === undefined) return status.clockWarning ? t('sync.clockWarning') : null;
  const minutes = Math.max(1, Math.round(Math.abs(skew) / 60_000));
  return t(skew > 0 ? 'sync.clockAhead' : 'sync.clockBehind', { minutes });
}
