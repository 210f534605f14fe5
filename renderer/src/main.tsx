import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initApi } from './api.ts';
import { App } from './app.tsx';
import './styles/base.css';
import './styles/shell.css';
import './styles/schedule.css';
import './styles/panel.css';

initApi();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
