import { initApi } from './data/api.ts';
import { startBootReads } from './app/boot-reads.ts';
import './styles/tokens.css';
import './styles/base.css';
import './styles/primitives/buttons.css';
import './styles/primitives/status.css';
import './styles/primitives/fields.css';
import './styles/primitives/cards.css';
import './styles/primitives/labels.css';
import './styles/primitives/dialogs.css';
import './styles/primitives/tables.css';
import './styles/primitives/toasts.css';
import './styles/primitives/text.css';
import './styles/primitives/notices.css';
import './styles/shell.css';
import './styles/print.css';

// This entry stays small so it runs at once: it takes the token, sends the first screen's reads,
// and only then loads React and the app, whose parsing overlaps with the host answering. The app
// mounts once the reads are in too (or BOOT_READS_WAIT_MS has passed), so it renders the desk in
// one pass instead of a loading frame per gate.
const BOOT_READS_WAIT_MS = 3_000;
initApi();
const reads = startBootReads();
import('./app/root.tsx')
  .then(async ({ mountApp }) => {
    await Promise.race([reads, new Promise((resolve) => setTimeout(resolve, BOOT_READS_WAIT_MS))]);
    mountApp();
  })
  .catch((err: unknown) => {
    const root = document.getElementById('root');
    if (root) root.textContent = `Clinic Desk could not load (${String(err)}). Reload the page to try again.`;
  });
