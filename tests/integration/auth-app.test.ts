import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ClinicApp, createApp } from '../../electron/app.ts';
import type { AuthSession } from '../../shared/domain/auth-types.ts';
import type { Envelope } from '../../shared/result.ts';
import { signJwt } from '../../stack/jwt.ts';
import { type FaultProxy, startFaultProxy } from './fault-proxy.ts';
import { type TestClinic, createClinic } from './fixtures.ts';
import { useStack } from './harness.ts';

const stack = useStack();
const CHEAP = { scrypt: { N: 2 ** 10, r: 8, p: 1, keyLength: 32 }, probeTimeoutMs: 1000 };

interface Run {
  app: ClinicApp;
  logs: string[];
  invoke<T>(name: string, input?: unknown): Promise<Envelope<T>>;
}

const open: ClinicApp[] = [];
const dirs: string[] = [];
const proxies: FaultProxy[] = [];

function desk(dataDir: string, url: string): Run {
  const logs: string[] = [];
  const app = createApp({
    dataDir,
    server: { url, anonKey: stack().stack.anonKey },
    logger: { error: (m, meta) => logs.push(`${m} ${JSON.stringify(meta ?? {})}`) },
    authOptions: CHEAP,
    syncOptions: { pullIntervalMs: 200, debounceMs: 50, backoffMinMs: 100, backoffMaxMs: 500 },
  });
  open.push(app);
  return { app, logs, invoke: (name, input = {}) => app.invoke(name, input) as never };
}

async function value<T>(p: Promise<Envelope<T>>): Promise<T> {
  const e = await p;
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.value;
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'clinic-desk-auth-'));
  dirs.push(d);
  return d;
}

async function until<T>(fn: () => Promise<T | null | undefined | false>, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let clinic: TestClinic;
beforeAll(async () => {
  clinic = await createClinic(stack().db, 'auth-app');
});

afterEach(async () => {
  for (const app of open.splice(0)) app.close();
  for (const p of proxies.splice(0)) await p.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('auth (app against the real stack)', () => {
  it('signs in with supabase-js in main and acts as the signed-in staff member', async () => {
    const { invoke } = desk(tempDir(), stack().stack.url);
    const before = await value(invoke<AuthSession>('auth.session'));
    expect(before.mode).toBe('signed_out');
    const refused = await invoke('schedule.day', { date: '2026-11-23' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('unauthorized');

    const wrong = await invoke('auth.signIn', { email: clinic.users.receptionist.email, password: 'nope-nope' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.details?.reason).toBe('invalid_credentials');

    const login = clinic.users.receptionist;
    const s = await value(invoke<AuthSession>('auth.signIn', { email: login.email, password: login.password }));
    expect(s.mode).toBe('signed_in');
    expect(s.online).toBe(true);
    expect(s.user).toMatchObject({ staffId: login.id, clinicId: clinic.id, role: 'receptionist' });
    expect(Date.parse(s.accessExpiresAt!)).toBeGreaterThan(Date.now());
    // The first pull brings the clinic; then app.info answers as the signed-in person.
    const info = await until(async () => {
      const a = await invoke<{ staff: { id: string }; clinic: { id: string } }>('app.info');
      return a.ok ? a.value : null;
    }, 'the clinic to arrive by pull');
    expect(info.clinic.id).toBe(clinic.id);
    expect(info.staff.id).toBe(login.id);
  });

  it('keeps the session across a restart in 0600 secret files and never logs a token', async () => {
    const dir = tempDir();
    const first = desk(dir, stack().stack.url);
    const login = clinic.users.manager;
    await value(first.invoke('auth.signIn', { email: login.email, password: login.password }));
    const token = await first.app.auth!.accessToken();
    expect(token).toBeTruthy();
    first.app.close();

    const files = readdirSync(join(dir, 'secrets'));
    expect(files.length).toBeGreaterThan(0);
    expect(statSync(join(dir, 'secrets')).mode & 0o777).toBe(0o700);
    for (const f of files) {
      expect(statSync(join(dir, 'secrets', f)).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(dir, 'secrets', f), 'utf8')).not.toContain(login.password);
    }

    const second = desk(dir, stack().stack.url);
    const s = await value(second.invoke<AuthSession>('auth.session'));
    expect(s.mode).toBe('signed_in');
    expect(s.user?.staffId).toBe(login.id);
    const all = [...first.logs, ...second.logs].join('\n');
    expect(all).not.toContain(token!);
    expect(all).not.toContain(login.password);
  });

  it('does not sign out when the access token expires offline, and refreshes on reconnect', async () => {
    const proxy = await startFaultProxy(stack().stack.url);
    proxies.push(proxy);
    const dir = tempDir();
    const login = clinic.users.admin;
    const first = desk(dir, proxy.url);
    await value(first.invoke('auth.signIn', { email: login.email, password: login.password }));
    await until(async () => (await first.invoke('app.info')).ok, 'first pull');
    first.app.close();

    // The stored access token has expired and the server is unreachable when the desk restarts.
    const sessionFile = join(dir, 'secrets', readdirSync(join(dir, 'secrets')).find((f) => f.startsWith('sb-'))!);
    const stored = JSON.parse(readFileSync(sessionFile, 'utf8')) as Record<string, unknown>;
    const past = Math.floor(Date.now() / 1000) - 3600;
    stored.access_token = signJwt({ aud: 'authenticated', role: 'authenticated', sub: login.id, iat: past - 60, exp: past }, stack().stack.jwtSecret);
    stored.expires_at = past;
    writeFileSync(sessionFile, JSON.stringify(stored));
    proxy.set({ mode: 'refuse' });

    const second = desk(dir, proxy.url);
    const locked = await value(second.invoke<AuthSession>('auth.session'));
    expect(locked).toMatchObject({ mode: 'locked', lockReason: 'restart_offline', online: false });
    const unlocked = await value(second.invoke<AuthSession>('auth.unlock', { password: login.password }));
    expect(unlocked).toMatchObject({ mode: 'signed_in', offlineUnlocked: true });
    expect(Date.parse(unlocked.accessExpiresAt!)).toBeLessThan(Date.now()); // expired, still signed in

    const created = await value(second.invoke<{ id: string }>('patients.create', { firstName: 'Offline', lastName: 'Auth' }));
    const outbox = second.app.db.prepare('select actor_staff_id from outbox where row_id = ?').get(created.id) as { actor_staff_id: string };
    expect(outbox.actor_staff_id).toBe(login.id);
    expect(await second.app.auth!.refresh()).toBe(false); // offline: no refresh, no sign-out
    expect((await value(second.invoke<AuthSession>('auth.session'))).mode).toBe('signed_in');

    proxy.set({ mode: 'pass' });
    const row = await until(async () => {
      const r = await stack().db.query('select id from public.patients where id = $1', [created.id]);
      return r.rows[0];
    }, 'the offline write to reach the server').catch((e: unknown) => { console.log(second.logs.join("\n")); throw e; });
    expect(row).toBeTruthy();
    const after = await value(second.invoke<AuthSession>('auth.session'));
    expect(after.mode).toBe('signed_in');
    expect(Date.parse(after.accessExpiresAt!)).toBeGreaterThan(Date.now()); // refreshed
    // Back online and accepted by the server: the "Unlocked offline" note goes.
    await until(async () => (await value(second.invoke<AuthSession>('auth.session'))).offlineUnlocked === false, 'the offline note to go');
    expect(await value(second.invoke<AuthSession>('auth.session'))).toMatchObject({ mode: 'signed_in', online: true, offlineUnlocked: false });
  });
});
