import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { invoke, onEvent, peekPrefetched } from '../../../api.ts';
import { BootState } from '../../../components/boot-state.tsx';
import { syncNow, useLiveSyncStatus } from '../api/use-sync.ts';
import { useI18n } from '../../../i18n/use-i18n.ts';
import { syncErrorText } from '../lib/sync-words.ts';
import { SyncProgressView } from './sync-progress.tsx';
import './sync-screen.css';

/**
 * A server-backed desk has no clinic until its first pull: show the download's progress until
 * the clinic is there, then the app. Also owns Ctrl+S (Sync now) for the whole signed-in desk.
 */
export function FirstSyncGate({ children }: { children: ReactNode }) {
  // An arrived boot read of app.info means the clinic is there (a missing one is an error answer).
  const [ready, setReady] = useState<boolean | null>(() => (peekPrefetched('app.info', {}) ? true : null));
  const status = useLiveSyncStatus();
  const { t } = useI18n();

  const check = useCallback(() => {
    void invoke('app.info', {}).then((a) => setReady(a.ok || a.error.code !== 'not_found'));
  }, []);
  useEffect(() => {
    if (ready) return;
    if (ready === null) check();
    return onEvent((e) => {
      if (e.name === 'data.changed') check();
    });
  }, [check, ready]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 's') return;
      e.preventDefault(); // never the browser's "save page"
      void syncNow();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (ready === null) return <BootState />;
  if (ready) return <>{children}</>;
  return (
    <div className="boot first-sync" data-testid="first-sync">
      <SyncProgressView progress={status?.progress ?? null} />
      {status && syncErrorText(t, status) && <p className="sync-screen__error">{syncErrorText(t, status)}</p>}
    </div>
  );
}
