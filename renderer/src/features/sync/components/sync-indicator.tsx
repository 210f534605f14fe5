import type { SyncStatus } from '../../../../../shared/domain/types.ts';
import { useNav } from '../../../app/nav-store.ts';
import { useNow } from '../../../hooks/use-now.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { relativeTime } from '../lib/relative-time.ts';
import { syncStateText } from '../lib/sync-words.ts';
import './sync-indicator.css';

/**
 * The header's sync area in a fixed width (no jumps when the state changes): the state, then ONE
 * short detail — what needs attention, else how many changes wait, else when it last synced. The
 * full wording is in the tooltip and on the Sync screen. Says "Synced" only when nothing waits.
 */
export function SyncIndicator({ status }: { status: SyncStatus }) {
  const { t } = useI18n();
  const now = useNow();
  const show = useNav((s) => s.show);
  const n = status.pendingChanges;
  const pendingLong = n === 0 ? t('sync.noPending') : n === 1 ? t('sync.pendingOne') : t('sync.pending', { count: n });

  if (status.mode === 'local_only') {
    const title = `${t('sync.localOnly')} · ${pendingLong}`;
    return (
      <div className="sync sync--local_only" role="status" aria-label={`${t('sync.area')}: ${title}`} title={title} data-testid="sync-status" data-mode="local_only">
        <span className="sync__dot" aria-hidden="true" />
        <span className="sync__mode">{t('sync.localOnly')}</span>
      </div>
    );
  }
  const state = status.mode === 'online' && n > 0 ? 'syncing' : status.mode;
  const label = syncStateText(t, status, true);
  const long = syncStateText(t, status);
  const last = status.lastSyncedAt ? relativeTime(t, status.lastSyncedAt, now) : t('sync.neverSynced');
  const lastLong = status.lastSyncedAt ? t('sync.lastSynced', { ago: last }) : last;
  const attentionLong = status.needsAttention > 0 ? t('sync.attentionShort', { count: status.needsAttention }) : null;
  const title = [long, pendingLong, lastLong, attentionLong, t('sync.openPanel')].filter(Boolean).join(' · ');
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
      {status.needsAttention > 0 ? (
        <span className="sync__attention" data-testid="sync-attention-count">
          {attentionLong}
        </span>
      ) : n > 0 ? (
        <span className="sync__pending" data-testid="sync-pending">
          {t('sync.pendingShort', { count: n })}
        </span>
      ) : (
        <span className="sync__last" data-testid="sync-last">
          {last}
        </span>
      )}
    </button>
  );
}
