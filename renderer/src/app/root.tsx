import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../app.tsx';
import { AuthGate } from '../features/auth/components/auth-gate.tsx';
import { FirstSyncGate } from '../features/sync/components/first-sync-gate.tsx';
import { followDeskLanguage } from '../i18n/desk-locale.ts';
import { seedFromBootReads } from './boot-seed.ts';

/** Mounts the app; loaded by main.tsx once the boot reads are on their way. */
export function mountApp(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html lacks #root');
  // <html lang> follows the desk language from the first frame on, in Electron and in a browser.
  followDeskLanguage();
  seedFromBootReads();
  createRoot(root).render(
    <StrictMode>
      <AuthGate>
        <FirstSyncGate>
          <App />
        </FirstSyncGate>
      </AuthGate>
    </StrictMode>,
  );
}
