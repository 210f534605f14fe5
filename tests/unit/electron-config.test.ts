import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/serving/security-headers.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
// js-yaml comes with electron-builder; it has no bundled types.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  productName: string;
  directories: { output: string };
  files: (string | { from: string; to: string; filter: string[] })[];
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
}

describe('electron-builder.yml', () => {
  const config = yaml.load(read('electron-builder.yml')) as BuilderConfig;

  it('sets every hardening fuse', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps the SQLite driver (better-sqlite3-multiple-ciphers) out of the asar and never rebuilds it', () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3-multiple-ciphers/**');
    expect(config.npmRebuild).toBe(false);
    // One driver ships: plain better-sqlite3 is a test-only dependency (it proves the file is unreadable).
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toContain('better-sqlite3-multiple-ciphers');
    expect(Object.keys(pkg.dependencies)).not.toContain('better-sqlite3');
  });

  it('packages the compiled shell, the renderer and the migrations into release/', () => {
    expect(config.productName).toBe('Clinic Desk');
    expect(config.directories.output).toBe('release/');
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'build/electron/**', 'dist/**', 'migrations/sqlite/*.sql']));
    const pkg = JSON.parse(read('package.json')) as { main: string };
    expect(pkg.main).toBe('build/electron/electron/main.js');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });
});

describe('electron/main.ts', () => {
  const main = read('electron/main.ts');

  it('creates the window with isolation and sandbox on and Node off', () => {
    expect(main).toMatch(/contextIsolation:\s*true/);
    expect(main).toMatch(/sandbox:\s*true/);
    expect(main).toMatch(/nodeIntegration:\s*false/);
    expect(main).toMatch(/webSecurity:\s*true/);
    expect(main).toMatch(/webviewTag:\s*false/);
    expect(main).not.toMatch(/contextIsolation:\s*false|sandbox:\s*false|nodeIntegration:\s*true|webSecurity:\s*false/);
  });

  it('denies window.open, foreign navigation, webviews and permissions', () => {
    expect(main).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(main).toMatch(/'will-navigate'[\s\S]{0,120}preventDefault\(\)/);
    expect(main).toMatch(/'will-attach-webview'[\s\S]{0,60}preventDefault\(\)/);
    expect(main).toMatch(/setPermissionRequestHandler\([^)]*\)\s*=>\s*callback\(false\)/);
    expect(main).toContain('requestSingleInstanceLock()');
  });

  it('keeps Node out of workers and subframes and refuses insecure content', () => {
    expect(main).toMatch(/nodeIntegrationInWorker:\s*false/);
    expect(main).toMatch(/nodeIntegrationInSubFrames:\s*false/);
    expect(main).toMatch(/allowRunningInsecureContent:\s*false/);
    expect(main).toMatch(/navigateOnDragDrop:\s*false/);
    expect(main).not.toMatch(/enableRemoteModule|experimentalFeatures:\s*true|enableBlinkFeatures/);
  });

  it('refuses redirects away from the app and every permission check, not just requests', () => {
    expect(main).toMatch(/'will-redirect'[\s\S]{0,120}preventDefault\(\)/);
    expect(main).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    // Installed on every web contents ever created, not only the main window.
    expect(main).toMatch(/'web-contents-created'[\s\S]{0,200}setWindowOpenHandler/);
  });

  it('wraps the database key with the OS keychain (safeStorage)', () => {
    expect(main).toMatch(/keyStore:\s*secretStore\(dataDir\)/);
    expect(main).toMatch(/safeStorage\.isEncryptionAvailable\(\)\s*\?\s*new SafeStorageSecretStore/);
  });

  it('serves the app from app://clinic with the CSP on every response', () => {
    expect(main).toContain("const SCHEME = 'app'");
    expect(main).toContain("const APP_HOST = 'clinic'");
    expect(main).toMatch(/protocol\.handle\(SCHEME/);
    expect(main).toMatch(/privileges: \{ standard: true, secure: true/);
    expect(main).not.toMatch(/loadFile\(|file:\/\//);
    expect(main.match(/new Response\(/g)?.length).toBe(main.match(/\.\.\.SECURITY_HEADERS/g)?.length);
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  it('checks the sender frame before every command and uses exactly two channels', () => {
    expect(main).toMatch(/ipcMain\.handle\(INVOKE_CHANNEL[\s\S]{0,120}if \(!isTrustedSender\(event\)\)/);
    expect(main).toMatch(/frame\.parent !== null \|\| frame !== mainWindow\.webContents\.mainFrame/);
    expect(main.match(/ipcMain\.(handle|on)\(/g)).toHaveLength(1);
    expect(main).toContain("const INVOKE_CHANNEL = 'clinic:invoke'");
    expect(main).toContain("const EVENT_CHANNEL = 'clinic:event'");
  });
});

describe('electron/preload.ts', () => {
  const preload = read('electron/preload.ts');

  it('exposes only window.clinic with invoke and on, over the two fixed channels', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain("exposeInMainWorld('clinic', {");
    expect(preload).toContain("const INVOKE_CHANNEL = 'clinic:invoke'");
    expect(preload).toContain("const EVENT_CHANNEL = 'clinic:event'");
    expect(preload.match(/ipcRenderer\.\w+\(/g)).toEqual(['ipcRenderer.invoke(', 'ipcRenderer.on(', 'ipcRenderer.removeListener(']);
    // Method definitions directly inside the exposed object: invoke and on, nothing else.
    expect(preload.match(/^ {4}(\w+)\(/gm)).toEqual(['    invoke(', '    on(']);
  });

  it('stays a plain script, as sandboxed preloads cannot be ES modules', () => {
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
  });
});
