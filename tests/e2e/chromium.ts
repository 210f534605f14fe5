/**
 * Debian's Chromium and the flags it needs here (no sandbox as root; no background networking,
 * whose connections this machine's closed network refuses). Shared by Playwright and the bench.
 */
export const CHROMIUM_PATH = process.env.CLINIC_DESK_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Chromium keeps only the last --disable-features it is given, and Playwright passes its own list
 * before ours (playwright-core 1.65, server/chromium/chromiumSwitches.ts): so ours repeats it.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

/**
 * Chrome's own address-bar popup, which an Electron window does not have, is a WebUI page that
 * headless Chromium builds at launch in a renderer of its own: ~1.4 s of CPU, on a 2-core machine
 * competing with the app's first paint (bench cold start 2.8 s with it, 1.9 s without).
 */
const CHROME_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup', 'PreloadTopChromeWebUI'];

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...CHROME_UI_FEATURES].join(',')}`,
];
