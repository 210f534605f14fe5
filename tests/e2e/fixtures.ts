import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect } from '@playwright/test';
import { parseInstantOption } from '../../shared/clock.ts';
import type { CommandName, CommandOutput } from '../../shared/commands.ts';
import { type IsoDate, todayIn } from '../../shared/domain/clinic-time.ts';
import type { Envelope } from '../../shared/result.ts';
import { HOST_BUNDLE } from './global-setup.ts';
import { DaySchedulePage } from './pages/day-schedule-page.ts';

/** A running headless host (the bundle of electron/host/cli.ts that `npm start` runs) over its own temp data dir and demo clinic. */
export interface Host {
  /** The page address including `?token=`. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  /** Calls a command straight on the host (test set-up and cross-checks). */
  invoke<N extends CommandName>(name: N, input: unknown): Promise<CommandOutput<N>>;
  /** Now on the host's clock (`--now`, then running on). */
  now(): Promise<Date>;
  /** Today in the clinic's time zone on the host's clock: never the test machine's today. */
  today(): Promise<IsoDate>;
}

/**
 * The instant every host's clock starts at: $CLINIC_DESK_E2E_NOW or a fixed-instant project (`npm test` runs the
 * day-dependent specs at fixed hard instants: a holiday, a Sunday, New Year's Eve 23:50, the
 * Friday before a clock change) or the real now. The page's clock is moved to the same instant
 * with Playwright's clock (Chromium hangs under libfaketime).
 */
const ENV_NOW = process.env.CLINIC_DESK_E2E_NOW ?? null;
if (ENV_NOW) parseInstantOption(ENV_NOW, 'CLINIC_DESK_E2E_NOW');

/** Options of the e2e projects (playwright.config.ts): `fixedNow` is a fixed-instant project's clock. */
export interface E2eOptions {
  fixedNow: string | null;
}

const READY_TIMEOUT_MS = 90_000;

function waitForReady(child: ChildProcess, log: string[]): Promise<{ url: string; token?: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`host not ready after ${READY_TIMEOUT_MS} ms:\n${log.join('\n')}`)),
      READY_TIMEOUT_MS,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      log.push(line);
      if (!line.startsWith('{')) return;
      try {
        const msg = JSON.parse(line) as { event?: string; url?: string; token?: string };
        if (msg.event === 'ready' && msg.url) {
          clearTimeout(timer);
          resolve({ url: msg.url, ...(msg.token ? { token: msg.token } : {}) });
        }
      } catch {
        // Not our JSON line; keep reading.
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString().trimEnd()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code ?? signal}) before ready:\n${log.join('\n')}`));
    });
  });
}

/** Stops the host's whole process group and waits for it to go. */
async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export const test = base.extend<{ schedule: DaySchedulePage }, { host: Host; hostArgs: string[] } & E2eOptions>({
  /** The instant the hosts' clocks start at (null: the real now). */
  fixedNow: [ENV_NOW, { scope: 'worker', option: true }],
  /** On a fixed clock the page starts at the host's now and runs on with it. */
  page: async ({ page, host, fixedNow }, use) => {
    if (fixedNow) await page.clock.install({ time: await host.now() });
    await use(page);
  },
  /** Extra host CLI flags for a spec file, e.g. `test.use({ hostArgs: ['--acting-staff', 'manager@demo.clinic'] })`. */
  hostArgs: [[], { scope: 'worker', option: true }],
  host: [
    async ({ hostArgs, fixedNow }, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'clinic-desk-e2e-'));
      const log: string[] = [];
      const now = fixedNow ? parseInstantOption(fixedNow).toISOString() : new Date().toISOString();
      const child = spawn(process.execPath, [HOST_BUNDLE, '--data-dir', dataDir, '--port', '0', '--no-open', '--now', now, ...hostArgs], {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // own process group: the stop reaches anything the host started
        env: { ...process.env, CI: process.env.CI ?? '1' },
      });
      try {
        const ready = await waitForReady(child, log);
        const url = new URL(ready.url);
        const token = ready.token ?? url.searchParams.get('token') ?? '';
        const host: Host = {
          url: ready.url,
          origin: url.origin,
          token,
          dataDir,
          async invoke(name, input) {
            const response = await fetch(`${url.origin}/invoke/${name}`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
              body: JSON.stringify(input),
            });
            const envelope = (await response.json()) as Envelope<never>;
            if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code} ${envelope.error.message}`);
            return envelope.value;
          },
          async now() {
            return new Date((await host.invoke('app.info', {})).now);
          },
          async today() {
            const info = await host.invoke('app.info', {});
            return todayIn(info.clinic.timeZone, new Date(info.now));
          },
        };
        await use(host);
      } finally {
        await stopHost(child);
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  schedule: async ({ page, host }, use) => {
    await use(new DaySchedulePage(page, host));
  },
});

export { expect };
