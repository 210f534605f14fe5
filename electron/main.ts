/**
 * The Electron shell, and nothing more: one hardened window, the app:// protocol serving the built
 * renderer, and the two IPC channels. Every service lives in app.ts, shared with the headless host.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BrowserWindow,
  dialog,
  type IpcMainInvokeEvent,
  app as electronApp,
  ipcMain,
  protocol,
  safeStorage,
  session,
} from 'electron';
import { DEMO_STAFF } from '../shared/demo-ids.ts';
import { fail } from '../shared/result.ts';
import { type ClinicApp, createApp } from './app.ts';
import { FileSecretStore, SafeStorageSecretStore, type SecretStore } from './secrets/secret-store.ts';
import { serverFromEnv } from './auth/server-config.ts';
import { CHROMIUM_LANG, isLanguage, readDeskLanguage, writeDeskLanguage } from './desk-language.ts';
import { SECURITY_HEADERS } from './serving/security-headers.ts';
import { resolveStaticFile } from './serving/static-files.ts';
import { offsetClock, parseInstantOption } from '../shared/clock.ts';

const SCHEME = 'app';
const APP_HOST = 'clinic';
const APP_URL = `${SCHEME}://${APP_HOST}/`;
const INVOKE_CHANNEL = 'clinic:invoke';
const EVENT_CHANNEL = 'clinic:event';

const here = dirname(fileURLToPath(import.meta.url));
let clinic: ClinicApp | undefined;
let mainWindow: BrowserWindow | undefined;

// Must run before 'ready'. standard+secure gives app://clinic a real origin for CSP 'self'.
// codeCache: V8 keeps the renderer's compiled scripts between starts, as it does for http(s)
// pages (compiling and evaluating them were ~100-150 ms of a cold start, measured in Chromium).
protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

/** Node's URL gives non-special schemes an opaque 'null' origin, so compare scheme and host. */
function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Only our window's top frame, showing our own origin, may call commands (no iframes, no strays). */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || !mainWindow || mainWindow.isDestroyed()) return false;
  if (event.sender !== mainWindow.webContents) return false;
  if (frame.parent !== null || frame !== mainWindow.webContents.mainFrame) return false;
  return isAppUrl(frame.url);
}

function serveRenderer(rendererDir: string): void {
  const notFound = () => new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' } });
  protocol.handle(SCHEME, async (request) => {
    if (!isAppUrl(request.url) || request.method !== 'GET') return notFound();
    const file = await resolveStaticFile(rendererDir, new URL(request.url).pathname);
    if (!file) return notFound();
    const body = new Uint8Array(await readFile(file.path));
    return new Response(body, { headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType } });
  });
}

/** Chromium's --lang for the next start follows the language the desk now shows. */
function rememberLanguage(value: unknown): void {
  const language = (value as { language?: unknown } | null)?.language;
  if (isLanguage(language)) writeDeskLanguage(electronApp.getPath('userData'), language);
}

function wireIpc(app: ClinicApp): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event)) return fail({ code: 'forbidden', message: 'Untrusted sender.' });
    if (typeof name !== 'string') return fail({ code: 'unknown_command', message: 'Command name must be a string.' });
    const answer = await app.invoke(name, input);
    if (name === 'settings.setLanguage' && answer.ok) rememberLanguage(answer.value);
    return answer;
  });
  app.onEvent((event) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, event);
  });
}

function lockDownSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  electronApp.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: 'Clinic Desk',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(here, 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = undefined;
  });
  void win.loadURL(APP_URL);
  return win;
}

/** The OS keychain through safeStorage; a 0600 file only where the OS offers no encryption. */
function secretStore(dataDir: string): SecretStore {
  return safeStorage.isEncryptionAvailable() ? new SafeStorageSecretStore(dataDir, safeStorage) : new FileSecretStore(dataDir);
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

// One desk app per user: a second launch focuses the first instead of opening the database twice.
if (!electronApp.requestSingleInstanceLock()) {
  electronApp.quit();
} else {
  // Before 'ready': Chromium's locale (navigator.language, built-in widgets) is the desk language
  // last shown here; the page's <html lang> follows later changes at once.
  const lastLanguage = readDeskLanguage(electronApp.getPath('userData'));
  if (lastLanguage) electronApp.commandLine.appendSwitch('lang', CHROMIUM_LANG[lastLanguage]);
  electronApp.on('second-instance', focusWindow);
  electronApp.on('window-all-closed', () => electronApp.quit());
  electronApp.on('will-quit', () => {
    clinic?.close();
    clinic = undefined;
  });

  await electronApp.whenReady();
  lockDownSessions();
  serveRenderer(join(electronApp.getAppPath(), 'dist'));
  const dataDir = electronApp.getPath('userData');
  // Server from the environment (npm start passes the embedded stack's); none = local only.
  const server = serverFromEnv(process.env);
  const demo = DEMO_STAFF.find((s) => s.role === 'receptionist')!;
  try {
    // `npm start -- --now <instant>`: the same fixed, running clock as the headless host's.
    const nowFlag = process.argv.indexOf('--now');
    const now = nowFlag >= 0 ? offsetClock(parseInstantOption(process.argv[nowFlag + 1] ?? '')) : null;
    clinic = createApp({
      dataDir,
      ...(now ? { now } : {}),
      // The database key is wrapped by the OS keychain (safeStorage) like the session secrets.
      keyStore: secretStore(dataDir),
      ...(server ? { server, secrets: secretStore(dataDir) } : {}),
      autoSignIn: server && process.env.CLINIC_DESK_DEMO_SIGN_IN === '1' ? { email: demo.email, password: demo.password } : null,
    });
  } catch (err) {
    // E.g. the database cannot be opened with this computer's key: say so plainly, then quit.
    dialog.showErrorBox('Clinic Desk cannot open its data', err instanceof Error ? err.message : String(err));
    electronApp.exit(1);
    throw err;
  }
  wireIpc(clinic);
  // The desk's saved language, for the next start's --lang (a first start has no file yet).
  void clinic.invoke('app.info', {}).then((answer) => answer.ok && rememberLanguage(answer.value));
  mainWindow = createWindow();
  // While the window's renderer starts, the first screen's reads warm the database cache.
  void clinic.warmUp();
  electronApp.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow();
  });
}
