import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sweepStaleTempStacks } from '../../stack/housekeeping.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(cond: () => boolean, ms = 15_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return cond();
}

describe('stack lifecycle', () => {
  it('leaves no server running when its parent is killed with SIGKILL', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'stack-child.ts')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout!.on('data', (d: Buffer) => {
        buf += d.toString();
        if (buf.includes('\n')) resolve(buf.split('\n')[0]!);
      });
      child.once('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    const info = JSON.parse(line) as { pids: { postgres: number; postgrest: number }; dataDir: string; url: string };
    expect(alive(info.pids.postgres)).toBe(true);
    expect(alive(info.pids.postgrest)).toBe(true);

    child.kill('SIGKILL');
    const pidFile = path.join(info.dataDir, 'pg', 'postmaster.pid');
    // Zombies pass kill -0 until reaped; the postmaster removes its pid file as it exits.
    expect(await until(() => !existsSync(pidFile))).toBe(true);
    expect(await until(() => !alive(info.pids.postgrest) || isZombie(info.pids.postgrest))).toBe(true);
    expect(await fetch(`${info.url}/rest/v1/`).catch(() => null)).toBeNull();

    // The next start sweeps the dead stack's temp dir.
    await sweepStaleTempStacks();
    expect(existsSync(info.dataDir)).toBe(false);
  });
});

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.split(') ')[1]?.startsWith('Z') ?? false;
  } catch {
    return true;
  }
}
