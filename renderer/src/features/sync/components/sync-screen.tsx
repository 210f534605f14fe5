import type { ScreenProps } from '../../../app/screen-types.ts';
import { useNow } from '../../../hooks/use-now.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { useLiveSyncStatus, useSyncNow } from '../api/use-sync.ts';
import { recoveryText } from '../lib/recovery-text.ts';
import { relativeTime } from '../lib/relative-time.ts';
import { clockText, syncErrorText, syncStateText } from '../lib/sync-words.ts';
import { AccountCard } from './account-card.tsx';
import { AttentionList } from './attention-list.tsx';
import { SyncProgressView } from './sync-progress.tsx';
import './sync-screen.css';

/** Sync details: server, state, what waits and since when, errors, the server check, Sync now, Needs attention. */
export function SyncScreen({ info }: ScreenProps) {
  const { t, formatNumber } = useI18n();
  const now = useNow();
  const status = useLiveSyncStatus() ?? info.sync;
  const { busy, run } = useSyncNow();
  const ago = (at: string | null | undefined) => (at ? relativeTime(t, at, now) : t('detail.none'));
  const state = syncStateText(t, status);
  const lastError = syncErrorText(t, status);
  const clock = clockText(t, status);
  const verification = status.verified
    ? t('sync.verifiedOk', { ago: ago(status.verifiedAt) })
    : status.verifiedAt
      ? t('sync.verifiedNo', { ago: ago(status.verifiedAt) })
      : t('sync.verifiedNever');

  return (
    <main className="sync-screen" aria-labelledby="sync-title" data-testid="sync-screen">
      <header className="sync-screen__header">
        <h1 id="sync-title">{t('sync.panelTitle')}</h1>
        <button type="button" className="btn btn--primary" onClick={run} disabled={busy || status.mode === 'local_only'} data-testid="sync-now" title={t('sync.nowKeys')}>
          {busy ? t('sync.syncingNow') : t('sync.now')} <kbd>{t('sync.nowKeys')}</kbd>
        </button>
      </header>
      {status.progress && <SyncProgressView progress={status.progress} />}
      <dl className="sync-screen__facts">
        <div>
          <dt>{t('sync.server')}</dt>
          <dd data-testid="sync-server">{status.serverUrl ?? t('sync.localOnly')}</dd>
        </div>
        <div>
          <dt>{t('sync.state')}</dt>
          <dd data-testid="sync-state" data-mode={status.mode}>
            {state}
          </dd>
        </div>
        <div>
          <dt>{t('sync.pendingLabel')}</dt>
          <dd data-testid="sync-pending-count">{formatNumber(status.pendingChanges)}</dd>
        </div>
        <div>
          <dt>{t('sync.oldestPending')}</dt>
          <dd>{ago(status.oldestPendingAt)}</dd>
        </div>
        <div>
          <dt>{t('sync.lastSyncedLabel')}</dt>
          <dd>{status.lastSyncedAt ? ago(status.lastSyncedAt) : t('sync.neverSynced')}</dd>
        </div>
        <div>
          <dt>{t('sync.verification')}</dt>
          <dd data-testid="sync-verified" data-verified={status.verified ? 'yes' : 'no'}>
            {verification}
          </dd>
        </div>
        <div>
          <dt>{t('sync.lastErrorLabel')}</dt>
          <dd className={lastError ? 'sync-screen__error' : undefined} data-testid="sync-last-error">
            {lastError ?? t('sync.noError')}
          </dd>
        </div>
        {info.recovery && (
          <div data-testid="sync-recovery">
            <dt>{t('recovery.title')}</dt>
            <dd>
              {t('recovery.when', { ago: ago(info.recovery.at) })} {recoveryText(t, info.recovery)}
              <details>
                <summary>{t('sync.technical')}</summary>
                {info.recovery.message}
              </details>
            </dd>
          </div>
        )}
        {clock && (
          <div>
            <dt>{t('sync.clockWarning')}</dt>
            <dd className="sync-screen__error">{clock}</dd>
          </div>
        )}
      </dl>
      <AttentionList timeZone={info.clinic.timeZone} pendingChanges={status.pendingChanges} />
      <AccountCard />
    </main>
  );
}
