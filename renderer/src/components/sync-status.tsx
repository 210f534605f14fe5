import type { SyncStatus } from '../../../shared/domain/types.ts';
import { useI18n } from '../i18n/use-i18n.ts';

/** Says what is true about sync: "local only" until a server is configured, plus pending changes. */
export function SyncStatusBadge({ status }: { status: SyncStatus }) {
  const { t } = useI18n();
  const label = {
    local_only: t('sync.localOnly'),
    online: t('sync.online'),
    offline: t('sync.offline'),
    syncing: t('sync.syncing'),
  }[status.mode];
  const n = status.pendingChanges;
  const pending = n === 0 ? t('sync.noPending') : n === 1 ? t('sync.pendingOne') : t('sync.pending', { count: n });
  // "Synced" with changes still waiting would be a lie: show the pending count beside it.
  return (
    <div className={`sync sync--${status.mode}`} role="status" aria-label={t('sync.area')} data-testid="sync-status">
      <span className="sync__dot" aria-hidden="true" />
      <span className="sync__mode">{label}</span>
      <span className="sync__pending">{pending}</span>
      {status.needsAttention > 0 && (
        <span className="sync__attention">{t('sync.needsAttention', { count: status.needsAttention })}</span>
      )}
    </div>
  );
}
