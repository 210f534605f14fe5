import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitPidFileGone } from './postgres.ts';

export const TEMP_PREFIX = 'clinic-desk-stack-';
const OWNER_FILE = 'owner.json';

/** A free loopback TCP port (the OS picks; there is a small race until the server binds). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface OwnerRecord {
  ownerPid: number;
  postgrestPid?: number;
}

export async function writeOwner(root: string, rec: OwnerRecord): Promise<void> {
  await writeFile(path.join(root, OWNER_FILE), JSON.stringify(rec), { mode: 0o600 });
}

function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True only for a live process whose command line mentions `name` (guards against pid reuse). */
async function isProcess(pid: number | undefined, name: string): Promise<boolean> {
  if (!alive(pid)) return false;
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes(name);
  } catch {
    return process.platform !== 'linux';
  }
}

async function readOwner(root: string): Promise<OwnerRecord | null> {
  try {
    return JSON.parse(await readFile(path.join(root, OWNER_FILE), 'utf8')) as OwnerRecord;
  } catch {
    return null;
  }
}

/**
 * Stops servers left by a stack whose owner process died (e.g. SIGKILL before the kernel's
 * parent-death signal existed, or on a platform without it). Returns true when the data dir
 * is now free; false when a live owner still uses it.
 */
export async function reclaim(root: string): Promise<boolean> {
  const owner = await readOwner(root);
  if (owner && owner.ownerPid !== process.pid && alive(owner.ownerPid)) return false;
  const dataDir = path.join(root, 'pg');
  if (owner?.postgrestPid && (await isProcess(owner.postgrestPid, 'postgrest'))) {
    process.kill(owner.postgrestPid, 'SIGKILL');
  }
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    if (await isProcess(pid, 'postgres')) {
      process.kill(pid, 'SIGINT');
      await waitPidFileGone(dataDir);
    }
  }
  return true;
}

/** Removes temp stacks of dead owners (their servers stopped first). */
export async function sweepStaleTempStacks(): Promise<number> {
  let removed = 0;
  const base = tmpdir();
  for (const name of await readdir(base).catch(() => [] as string[])) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const root = path.join(base, name);
    const owner = await readOwner(root);
    // A dir without an owner record may be a stack that is starting right now: leave young ones.
    if (!owner) continue;
    if (await reclaim(root)) {
      await rm(root, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
