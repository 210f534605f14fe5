import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClinicApp, createApp } from '../../electron/app.ts';
import { createVerifier, newOfflineState } from '../../electron/auth/offline-unlock.ts';
import { MemorySecretStore } from '../../electron/secrets/secret-store.ts';
import { secretKeyFor } from '../../electron/auth/stored-session.ts';
import type { AuthSession, AuthUser } from '../../shared/domain/auth-types.ts';
import type { Envelope } from '../../shared/result.ts';
import { FX, seedFixture } from './fixtures.ts';

const CHEAP = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 };
const T0 = Date.parse('2026-11-23T08:00:00.000Z');
const H = 3600_000;
const USER: AuthUser = {
  userId: 'user-1',
  email: 'rosa@fixture.test',
  staffId: FX.staff,
  clinicId: FX.clinic,
  displayName: 'Rosa (server)',
  role: 'receptionist',
};

/** A loopback port nothing listens on: the "server" is down, refused at once. */
async function deadUrl(): Promise<string> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

/** What a desk holds after an online sign-in: the Supabase session and the verifier. */
async function signedInBefore(secrets: MemorySecretStore, signedInAt: number, highestSeenAt = signedInAt): Promise<void> {
  const offline = { ...newOfflineState(USER.userId, USER.email, await createVerifier('rosa-pass', CHEAP), signedInAt), highestSeenAt };
  secrets.set('desk-auth', JSON.stringify({ profile: USER, offline, lastEmail: USER.email }));
  secrets.set(
    secretKeyFor('clinic-desk-auth'),
    JSON.stringify({ access_token: 'expired.jwt.token', refresh_token: 'refresh-1', expires_at: Math.floor(signedInAt / 1000) + 3600, user: { id: USER.userId } }),
  );
}

const apps: ClinicApp[] = [];
let clock = T0;
async function desk(secrets: MemorySecretStore, server = true) {
  const app = createApp({
    dataDir: ':memory:',
    demo: false,
    now: () => new Date(clock),
    logger: { error: () => undefined },
    ...(server ? { server: { url: await deadUrl(), anonKey: 'anon' }, secrets, authOptions: { scrypt: CHEAP, probeTimeoutMs: 500 } } : {}),
    syncOptions: { pullIntervalMs: 60_000, backoffMinMs: 60_000, backoffMaxMs: 60_000 },
  });
  seedFixture(app.db);
  apps.push(app);
  return <T>(name: string, input: unknown = {}) => app.invoke(name, input) as Promise<Envelope<T>>;
}

afterEach(() => {
  for (const a of apps.splice(0)) a.close();
  clock = T0;
});

describe('auth commands', () => {
  it('answers local_only and keeps the default staff when no server is configured', async () => {
    const invoke = await desk(new MemorySecretStore(), false);
    const s = await invoke<AuthSession>('auth.session');
    expect(s.ok && s.value.mode).toBe('local_only');
    const info = await invoke<{ staff: { id: string } }>('app.info');
    expect(info.ok && info.value.staff.id).toBe(FX.staff);
  });

  it('refuses other commands while signed out and says when the server is unreachable', async () => {
    const invoke = await desk(new MemorySecretStore());
    const s = await invoke<AuthSession>('auth.session');
    expect(s.ok && s.value.mode).toBe('signed_out');
    const refused = await invoke('schedule.day', { date: '2026-11-23' });
    expect(!refused.ok && refused.error.code).toBe('unauthorized');
    const signIn = await invoke('auth.signIn', { email: 'rosa@fixture.test', password: 'x' });
    expect(!signIn.ok && signIn.error).toMatchObject({ code: 'offline', details: { reason: 'server_unreachable' } });
    const bad = await invoke('auth.signIn', { email: 'not an email', password: 'x' });
    expect(!bad.ok && bad.error).toMatchObject({ code: 'validation_error', field: 'email' });
  });

  it('locks a desk restarted offline and unlocks it with the password checked locally', async () => {
    const secrets = new MemorySecretStore();
    await signedInBefore(secrets, T0 - 2 * H);
    const invoke = await desk(secrets);
    const locked = await invoke<AuthSession>('auth.session');
    expect(locked.ok && locked.value).toMatchObject({ mode: 'locked', lockReason: 'restart_offline', online: false });
    expect(JSON.stringify(locked)).not.toContain('refresh-1');

    const wrong = await invoke('auth.unlock', { password: 'nope' });
    expect(!wrong.ok && wrong.error).toMatchObject({ code: 'unauthorized', details: { reason: 'wrong_password', attemptsLeft: 4 } });
    const ok = await invoke<AuthSession>('auth.unlock', { password: 'rosa-pass' });
    expect(ok.ok && ok.value).toMatchObject({ mode: 'signed_in', offlineUnlocked: true, user: { staffId: FX.staff } });

    // The signed-in staff acts (the local synced row wins over the name the server gave at sign-in).
    const info = await invoke<{ staff: { id: string; displayName: string } }>('app.info');
    expect(info.ok && info.value.staff).toMatchObject({ id: FX.staff, displayName: 'Rosa Desk' });

    const manual = await invoke<AuthSession>('auth.lock');
    expect(manual.ok && manual.value).toMatchObject({ mode: 'locked', lockReason: 'manual' });
    const whileLocked = await invoke('app.info');
    expect(!whileLocked.ok && whileLocked.error.code).toBe('unauthorized');
  });

  it('refuses offline unlock after the window and when the clock was set back', async () => {
    const expired = new MemorySecretStore();
    await signedInBefore(expired, T0 - 13 * H);
    const a = await desk(expired);
    const late = await a('auth.unlock', { password: 'rosa-pass' });
    expect(!late.ok && late.error.details?.reason).toBe('offline_expired');

    const setBack = new MemorySecretStore();
    await signedInBefore(setBack, T0 - 2 * H, T0 + 3 * H); // this desk has already seen T0+3h
    const b = await desk(setBack);
    const back = await b('auth.unlock', { password: 'rosa-pass' });
    expect(!back.ok && back.error.details?.reason).toBe('clock_set_back');
  });

  it('locks offline unlock out after five wrong passwords, across a restart', async () => {
    const secrets = new MemorySecretStore();
    await signedInBefore(secrets, T0 - H);
    const invoke = await desk(secrets);
    for (let i = 0; i < 4; i++) await invoke('auth.unlock', { password: 'bad' });
    const fifth = await invoke('auth.unlock', { password: 'bad' });
    expect(!fifth.ok && fifth.error.details).toMatchObject({ reason: 'locked_out', lockedUntil: new Date(T0 + 5 * 60_000).toISOString() });

    const again = await desk(secrets); // restart: the lockout is persisted
    const still = await again('auth.unlock', { password: 'rosa-pass' });
    expect(!still.ok && still.error.details?.reason).toBe('locked_out');
    clock = T0 + 6 * 60_000;
    const later = await again<AuthSession>('auth.unlock', { password: 'rosa-pass' });
    expect(later.ok && later.value.mode).toBe('signed_in');
  });

  it('signs out: the stored session and verifier are gone', async () => {
    const secrets = new MemorySecretStore();
    await signedInBefore(secrets, T0 - H);
    const invoke = await desk(secrets);
    await invoke('auth.unlock', { password: 'rosa-pass' });
    const out = await invoke<AuthSession>('auth.signOut');
    expect(out.ok && out.value).toMatchObject({ mode: 'signed_out', user: null, lastEmail: USER.email });
    expect(secrets.get(secretKeyFor('clinic-desk-auth'))).toBeNull();
    expect(JSON.parse(secrets.get('desk-auth')!)).toMatchObject({ profile: null, offline: null });
  });
});
