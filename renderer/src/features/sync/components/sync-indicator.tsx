import type { SyncStatus } from '../../../../../shared/domain/types.ts';
import { useNav } from '../../../app/nav-store.ts';
import { useNow } from '../../../hooks/use-now.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { relativeTime } from '../lib/relative-time.ts';

/**
 * The header's sync area: online / offline / syncing, changes waiting, when it last synced and
 * what needs attention. Says "Synced" only when nothing waits; opens the Sync screen on click.
 * Local-only desks keep the plain "Local only — not synced" text.
 */
export function SyncIndicator({ status }: { status: SyncStatus }) {
  const { t } = useI18n();
  const now = useNow();
  const show = useNav((s) => s.show);
  const n = status.pendingChanges;
  const pending = n === 0 ? t('sync.noPending') : n === 1 ? t('sync.pendingOne') : t('sync.pending', { count: n });
  const signedOut = status.signedIn === false && status.mode !== 'local_only';
  let label = {
    local_only: t('sync.localOnly'),
    online: n === 0 ? t('sync.online') : t('sync.syncing'),
    offline: t('sync.offline'),
    syncing: t('sync.syncing'),
  }[status.mode];
  if (signedOut) label = t('sync.signInAgain');
  const state = status.mode === 'online' && n > 0 ? 'syncing' : status.mode;

  if (status.mode === 'local_only') {
    return (
      <div className="sync sync--local_only" role="status" aria-label={t('sync.area')} data-testid="sync-status" data-mode="local_only">
        <span className="sync__dot" aria-hidden="true" />
        <span className="sync__mode">{label}</span>
        <span className="sync__pending">{pending}</span>
      </div>
    );
  }
  return (
    <button
      type="button"
      className={`sync sync--${state} sync--button`}
      aria-label={`${t('sync.area')}: ${label}. ${t('sync.openPanel')}`}
      title={t('sync.openPanel')}
      data-testid="sync-status"
      data-mode={state}
      data-pending={n}
      onClick={() => show('sync')}
    >
      <span className="sync__dot" aria-hidden="true" />
      <span className="sync__mode" role="status">
        {label}
      </span>
      <span className="sync__pending" data-testid="sync-pending">
        {pending}
      </span>
      <span className="sync__last" data-testid="sync-last">
        {status.lastSyncedAt ? t('sync.lastSynced', { ago: relativeTime(t, status.lastSyncedAt, now) }) : t('sync.neverSynced')}
      </span>
      {status.needsAttention > 0 && (
        <span className="sync__attention" data-testid="sync-attention-count">
          {t('sync.needsAttention', { count: status.needsAttention })}
        </span>
      )}
    </button>
  );
}
