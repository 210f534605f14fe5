import type { SyncProgress } from '../../../../../shared/domain/types.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import './sync-progress.css';

/** First download of a clinic (or a resync): rows, percent and time left, as a real progressbar. */
export function SyncProgressView({ progress }: { progress: SyncProgress | null }) {
  const { t } = useI18n();
  if (!progress) return <p className="sync-progress__waiting">{t('sync.firstSyncWaiting')}</p>;
  const percent = progress.percent === null ? null : Math.min(100, Math.round(progress.percent));
  return (
    <div className="sync-progress" data-testid="sync-progress">
      <h2>{progress.phase === 'initial' ? t('sync.firstSyncTitle') : t('sync.resyncTitle')}</h2>
      <div
        className="sync-progress__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent !== null ? { 'aria-valuenow': percent } : {})}
      >
        <span style={{ width: `${percent ?? 5}%` }} />
      </div>
      <p>
        {progress.total !== null
          ? t('sync.firstSyncRows', { rows: progress.rows, total: progress.total })
          : t('sync.firstSyncRowsOnly', { rows: progress.rows })}
        {percent !== null && ` · ${percent}%`}
        {progress.secondsLeft !== null && ` · ${t('sync.firstSyncLeft', { seconds: Math.ceil(progress.secondsLeft) })}`}
      </p>
    </div>
  );
}
