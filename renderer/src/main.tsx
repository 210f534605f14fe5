import { initApi } from './api.ts';
import { startBootReads } from './app/boot-reads.ts';
import './styles/base.css';
import './styles/shell.css';
import './styles/schedule.css';
import './styles/panel.css';
import './styles/booking.css';
import './styles/money.css';
import './styles/print.css';
import './styles/auth-sync.css';

// This entry stays small so it runs at once: it takes the token, sends the first screen's reads,
// and only then loads React and the app, whose parsing overlaps with the host answering.
initApi();
startBootReads();
import('./app/root.tsx')
  .then(({ mountApp }) => mountApp())
  .catch((err: unknown) => {
    const root = document.getElementById('root');
    if (root) root.textContent = `Clinic Desk could not load (${String(err)}). Reload the page to try again.`;
  });
