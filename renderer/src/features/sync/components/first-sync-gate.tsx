import { type ReactNode, useEffect } from 'react';
import { BootState } from '../../../components/boot-state.tsx';
import { useClinicReady } from '../api/use-clinic-ready.ts';
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
  const ready = useClinicReady();
  const status = useLiveSyncStatus();
  const { t } = useI18n();

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
