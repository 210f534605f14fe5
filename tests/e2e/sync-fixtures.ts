import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect } from '@playwright/test';
import { type Stack, type StackOptions, startStack } from '../../stack/index.ts';
import type { CommandName, CommandOutput } from '../../shared/commands.ts';
import type { Envelope } from '../../shared/result.ts';
import { HOST_BUNDLE } from './global-setup.ts';

/** A headless host signed in to (or signing in to) a real stack: the server-backed desk. */
export interface ServerDesk {
  url: string;
  origin: string;
  dataDir: string;
  invoke<N extends CommandName>(name: N, input: unknown): Promise<CommandOutput<N>>;
  stop(): Promise<void>;
}

/** A real stack that a test may stop and start again on the same port and data. */
export interface RestartableStack {
  current: Stack;
  url: string;
  anonKey: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function restartableStack(options: StackOptions = {}): Promise<RestartableStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-desk-e2e-stack-'));
  chmodSync(dataDir, 0o755); // Postgres runs as `postgres` and must traverse it (FACTS.md)
  const first = await startStack({ ...options, dataDir: join(dataDir, 'stack'), demo: 'full' });
  const port = Number(new URL(first.url).port);
  const s: RestartableStack = {
    current: first,
    url: first.url,
    anonKey: first.anonKey,
    stop: () => s.current.stop(),
    async start() {
      s.current = await startStack({ ...options, dataDir: join(dataDir, 'stack'), port, demo: 'full' });
    },
  };
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  return s;
}

function waitForReady(child: ChildProcess, log: string[]): Promise<{ url: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host not ready:\n${log.join('\n')}`)), 90_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      log.push(line);
      try {
        const msg = JSON.parse(line) as { event?: string; url?: string };
        if (msg.event === 'ready' && msg.url) {
          clearTimeout(timer);
          resolve({ url: msg.url });
        }
      } catch {
        // not the ready line
      }
    });
    child.stderr!.on('data', (c: Buffer) => log.push(c.toString().trimEnd()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}) before ready:\n${log.join('\n')}`));
    });
  });
}

/** Starts electron/host/cli.ts against `serverUrl`; `demoSignIn` = what `npm start` does. */
export async function startServerDesk(serverUrl: string, anonKey: string, demoSignIn: boolean): Promise<ServerDesk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-desk-e2e-desk-'));
  const log: string[] = [];
  const args = [HOST_BUNDLE, '--data-dir', dataDir, '--port', '0', '--no-open', '--server-url', serverUrl, '--anon-key', anonKey];
  if (demoSignIn) args.push('--demo-sign-in');
  const child = spawn(process.execPath, args, { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, CI: '1' } });
  const ready = await waitForReady(child, log);
  const url = new URL(ready.url);
  const token = url.searchParams.get('token') ?? '';
  return {
    url: ready.url,
    origin: url.origin,
    dataDir,
    async invoke(name, input) {
      const res = await fetch(`${url.origin}/invoke/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      const env = (await res.json()) as Envelope<never>;
      if (!env.ok) throw new Error(`${name}: ${env.error.code} ${env.error.message}`);
      return env.value;
    },
    async stop() {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // gone
        }
        const t = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // gone
          }
        }, 5000);
        await exited;
        clearTimeout(t);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<object, { stack: RestartableStack }>({
  stack: [
    async ({}, use) => {
      const s = await restartableStack();
      await use(s);
      await s.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

export { expect };
