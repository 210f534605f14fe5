/**
 * The embedded stack in its own process for the sync benchmarks, as a real desk sees its
 * server: started in-process, the gateway's proxying ran on the desk's main thread and counted
 * in its event-loop stalls. Prints one JSON line with the connection facts; stops when its
 * stdin closes (the parent exited, even by SIGKILL).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startStack } from '../stack/index.ts';

export interface ServerInfo {
  url: string;
  anonKey: string;
  serviceKey: string;
  jwtSecret: string;
  pgUrl: string;
}

/** Starts this file as a child process (same Node and loader flags); resolves once it is ready. */
export function startStackProcess(): Promise<ServerInfo & { stop(): Promise<void> }> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`stack process exited (${code})`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      const info = JSON.parse(line) as ServerInfo;
      resolve({
        ...info,
        async stop() {
          child.stdin.end();
          await exited;
        },
      });
    });
  });
}

if (process.argv.includes('--child')) {
  const stack = await startStack({ demo: false });
  const { url, anonKey, serviceKey, jwtSecret, pgUrl } = stack;
  process.stdout.write(`${JSON.stringify({ url, anonKey, serviceKey, jwtSecret, pgUrl })}\n`);
  const stop = () => void stack.stop().then(() => process.exit(0));
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}
