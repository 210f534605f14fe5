import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initApi } from './api.ts';
import { App } from './app.tsx';
import { AuthGate } from './features/auth/components/auth-gate.tsx';
import { FirstSyncGate } from './features/sync/components/first-sync-gate.tsx';
import './styles/base.css';
import './styles/shell.css';
import './styles/schedule.css';
import './styles/panel.css';
import './styles/booking.css';
import './styles/money.css';
import './styles/print.css';
import './styles/auth-sync.css';

initApi();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <AuthGate>
      <FirstSyncGate>
        <App />
      </FirstSyncGate>
    </AuthGate>
  </StrictMode>,
);
