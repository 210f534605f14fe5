import type { SyncStatus } from '../../../../../shared/domain/types.ts';
import { useNav } from '../../../app/nav-store.ts';
import { useNow } from '../../../hooks/use-now.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { relativeTime } from '../lib/relative-time.ts';

/**
 * The header's sync area, short enough for the header: online / offline / syncing, changes
 * waiting, when it last synced and what needs attention; the long wording is in the tooltip.
 * Says "Synced" only when nothing waits. Opens the Sync screen. Local-only desks keep the plain
 * "Local only — not synced" text.
 */
export function SyncIndicator({ status }: { status: SyncStatus }) {
  const { t } = useI18n();
  const now = useNow();
  const show = useNav((s) => s.show);
  const n = status.pendingChanges;
  const pendingLong = n === 0 ? t('sync.noPending') : n === 1 ? t('sync.pendingOne') : t('sync.pending', { count: n });

  if (status.mode === 'local_only') {
    return (
      <div className="sync sync--local_only" role="status" aria-label={t('sync.area')} data-testid="sync-status" data-mode="local_only">
        <span className="sync__dot" aria-hidden="true" />
        <span className="sync__mode">{t('sync.localOnly')}</span>
        <span className="sync__pending">{pendingLong}</span>
      </div>
    );
  }
  const signedOut = status.signedIn === false;
  const state = status.mode === 'online' && n > 0 ? 'syncing' : status.mode;
  const label = signedOut
    ? t('sync.signInAgain')
    : { online: t('sync.online'), syncing: t('sync.syncingShort'), offline: t('sync.offlineShort') }[state];
  const long = signedOut ? label : { online: t('sync.online'), syncing: t('sync.syncing'), offline: t('sync.offline') }[state];
  const last = status.lastSyncedAt ? relativeTime(t, status.lastSyncedAt, now) : t('sync.neverSynced');
  const title = [long, pendingLong, status.lastSyncedAt ? t('sync.lastSynced', { ago: last }) : last, t('sync.openPanel')].join(' · ');
  return (
    <button
      type="button"
      className={`sync sync--${state} sync--button`}
      aria-label={`${t('sync.area')}: ${title}`}
      title={title}
      data-testid="sync-status"
      data-mode={state}
      data-pending={n}
      onClick={() => show('sync')}
    >
      <span className="sync__dot" aria-hidden="true" />
      <span className="sync__mode" role="status">
        {label}
      </span>
      {n > 0 && (
        <span className="sync__pending" data-testid="sync-pending">
          {t('sync.pendingShort', { count: n })}
        </span>
      )}
      <span className="sync__last" data-testid="sync-last">
        {last}
      </span>
      {status.needsAttention > 0 && (
        <span className="sync__attention" data-testid="sync-attention-count">
          {t('sync.attentionShort', { count: status.needsAttention })}
        </span>
      )}
    </button>
  );
}
