import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_CLINIC_ID, DEMO_STAFF } from '../../shared/demo-ids.ts';
import { signJwt } from '../../stack/jwt.ts';
import { upsertUser } from '../../stack/auth-service.ts';
import { client, signedIn, useStack } from './harness.ts';

const h = useStack();
const desk = DEMO_STAFF.find((s) => s.role === 'receptionist')!;

describe('auth through supabase-js', () => {
  it('signs in, reads its clinic, refreshes and signs out', async () => {
    const c = client(h().stack);
    const { data, error } = await c.auth.signInWithPassword({ email: desk.email, password: desk.password });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(desk.id);
    expect(data.session?.expires_in).toBeGreaterThan(0);

    const clinics = await c.from('clinics').select('id, name, time_zone');
    expect(clinics.error).toBeNull();
    expect(clinics.data).toEqual([expect.objectContaining({ id: DEMO_CLINIC_ID, time_zone: 'Europe/Madrid' })]);

    const user = await c.auth.getUser();
    expect(user.data.user?.email).toBe(desk.email);

    const refreshed = await c.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session?.refresh_token).not.toBe(data.session?.refresh_token);
    expect(refreshed.data.session?.user.id).toBe(desk.id);
    expect((await c.from('clinics').select('id')).data).toHaveLength(1);

    // The old refresh token was rotated away.
    const reuse = await client(h().stack).auth.refreshSession({ refresh_token: data.session!.refresh_token });
    expect(reuse.error?.code).toBe('refresh_token_already_used');

    const out = await c.auth.signOut();
    expect(out.error).toBeNull();
    const after = await client(h().stack).auth.refreshSession({ refresh_token: refreshed.data.session!.refresh_token });
    expect(after.error?.code).toBe('refresh_token_not_found');
  });

  it('gives Supabase errors for a wrong password', async () => {
    const { data, error } = await client(h().stack).auth.signInWithPassword({ email: desk.email, password: 'wrong' });
    expect(data.session).toBeNull();
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('invalid_credentials');
    expect(error?.message).toBe('Invalid login credentials');
  });

  it('gives Supabase errors for an expired token', async () => {
    const c = await signedIn(h().stack, desk.email, desk.password);
    const { data } = await c.auth.getSession();
    const claims = JSON.parse(Buffer.from(data.session!.access_token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    const expired = signJwt({ ...claims, iat: now - 7200, exp: now - 3600 }, h().stack.jwtSecret);

    const user = await client(h().stack).auth.getUser(expired);
    expect(user.error?.status).toBe(403);
    expect(user.error?.code).toBe('bad_jwt');

    const rest = await fetch(`${h().stack.url}/rest/v1/clinics?select=id`, {
      headers: { apikey: h().stack.anonKey, Authorization: `Bearer ${expired}` },
    });
    expect(rest.status).toBe(401);
    expect(((await rest.json()) as { code: string }).code).toBe('PGRST301');
  });

  it('rejects a token signed with another secret', async () => {
    const forged = signJwt({ sub: desk.id, role: 'authenticated', exp: Math.floor(Date.now() / 1000) + 600 }, 'x'.repeat(64));
    const user = await client(h().stack).auth.getUser(forged);
    expect(user.error?.code).toBe('bad_jwt');
    const rest = await fetch(`${h().stack.url}/rest/v1/clinics?select=id`, {
      headers: { apikey: h().stack.anonKey, Authorization: `Bearer ${forged}` },
    });
    expect(rest.status).toBe(401);
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    const u = { id: randomUUID(), email: `lock-${randomUUID().slice(0, 8)}@test.test`, password: 'right-password' };
    await upsertUser(h().db, u);
    for (let i = 0; i < 5; i++) {
      const r = await client(h().stack).auth.signInWithPassword({ email: u.email, password: 'nope' });
      expect(r.error?.code).toBe('invalid_credentials');
    }
    const locked = await client(h().stack).auth.signInWithPassword(u);
    expect(locked.error?.status).toBe(429);
    expect(locked.error?.code).toBe('over_request_rate_limit');
    await h().db.query('update auth.users set locked_until = now() where id = $1', [u.id]);
    expect((await client(h().stack).auth.signInWithPassword(u)).error).toBeNull();
  });

  it('requires a known apikey at the gateway', async () => {
    const none = await fetch(`${h().stack.url}/rest/v1/clinics`);
    expect(none.status).toBe(401);
    const wrong = await fetch(`${h().stack.url}/auth/v1/user`, { headers: { apikey: 'nope' } });
    expect(wrong.status).toBe(401);
  });

  it('answers 503, never 4xx, when it cannot reach its database', async () => {
    const { createAuthHandler } = await import('../../stack/auth-service.ts');
    const pg = (await import('pg')).default;
    const pool = new pg.Pool({ connectionString: 'postgres://x:y@127.0.0.1:1/none', connectionTimeoutMillis: 500 });
    pool.on('error', () => undefined);
    const http = await import('node:http');
    const handle = createAuthHandler({ pool, jwtSecret: 's'.repeat(40), issuer: 'test', accessTokenSeconds: 60, lockoutAttempts: 5, lockoutSeconds: 60 });
    const server = http.createServer((req, res) => void handle(req, res, req.url ?? '/'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (server.address() as { port: number }).port;
      const res = await fetch(`http://127.0.0.1:${port}/token?grant_type=password`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: desk.email, password: desk.password }),
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    } finally {
      server.close();
      await pool.end();
    }
  });
});
