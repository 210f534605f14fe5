/**
 * Debian's Chromium and the flags it needs here (no sandbox as root; no background networking,
 * whose connections this machine's closed network refuses). Shared by Playwright and the bench.
 */
export const CHROMIUM_PATH = process.env.CLINIC_DESK_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
