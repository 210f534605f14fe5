import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicEvent } from '../../shared/events.ts';
import type { Envelope } from '../../shared/result.ts';
import { type RunningHost, startHost } from '../../electron/host/host.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/serving/security-headers.ts';
import { fakeRendererDir, invoke, send, waitForEvent } from './host-http.ts';

/** The HTTP layer around a stand-in app that records what reached it (host-app.test.ts drives the real one). */
function fakeApp() {
  const calls: { name: string; input: unknown }[] = [];
  const listeners = new Set<(e: ClinicEvent) => void>();
  return {
    calls,
    emit: (e: ClinicEvent) => listeners.forEach((l) => l(e)),
    async invoke(name: string, input: unknown): Promise<Envelope<unknown>> {
      calls.push({ name, input });
      if (name !== 'echo') return { ok: false, error: { code: 'unknown_command', message: `unknown command: ${name}` } };
      return { ok: true, value: input ?? null };
    },
    onEvent(listener: (e: ClinicEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

describe('headless host security', () => {
  const app = fakeApp();
  const dirs = fakeRendererDir();
  let host: RunningHost;
  let port: number;

  beforeAll(async () => {
    host = await startHost({ app, rendererDir: dirs.rendererDir });
    port = host.port;
  });
  afterAll(async () => {
    await host.close();
    rmSync(dirs.root, { recursive: true, force: true });
  });

  it('binds 127.0.0.1 only and puts a long random token in its URL', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await send({ port, path: '/' })).status).toBe(200);
    // 127.0.0.2 is loopback too on Linux: it answers only if the server listened on every address.
    await expect(send({ port, path: '/', address: '127.0.0.2' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('answers 401 to a missing or wrong token without calling the app', async () => {
    const before = app.calls.length;
    const missing = await send({ port, path: '/invoke/echo', method: 'POST', body: '{}' });
    const wrong = await send({ port, path: '/invoke/echo', method: 'POST', body: '{}', headers: { authorization: `Bearer ${host.token}x` } });
    const inQuery = await send({ port, path: `/invoke/echo?token=${host.token}`, method: 'POST', body: '{}' });
    for (const res of [missing, wrong, inQuery]) {
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect((await send({ port, path: '/events?token=nope' })).status).toBe(401);
    expect(app.calls.length).toBe(before);
  });

  it('refuses a foreign Host header (DNS rebinding) with 403', async () => {
    const res = await send({
      port,
      path: '/invoke/echo',
      method: 'POST',
      headers: { host: `evil.example:${port}`, authorization: `Bearer ${host.token}` },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await send({ port, path: '/', headers: { host: `127.0.0.1:${port + 1}` } })).status).toBe(403);
  });

  it('refuses a foreign Origin with 403 and accepts its own', async () => {
    const headers = { authorization: `Bearer ${host.token}` };
    const foreign = await send({ port, path: '/invoke/echo', method: 'POST', body: '{}', headers: { ...headers, origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const nullOrigin = await send({ port, path: '/invoke/echo', method: 'POST', body: '{}', headers: { ...headers, origin: 'null' } });
    expect(nullOrigin.status).toBe(403);
    const own = await send({ port, path: '/invoke/echo', method: 'POST', body: '{"a":1}', headers: { ...headers, origin: `http://127.0.0.1:${port}` } });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toEqual({ ok: true, value: { a: 1 } });
  });

  it('answers 413 to a body over 1 MB, without calling the app', async () => {
    const before = app.calls.length;
    const res = await send({
      port,
      path: '/invoke/echo',
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ note: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(app.calls.length).toBe(before);
  });

  it('answers 400 with a validation_error envelope to malformed JSON', async () => {
    const res = await send({ port, path: '/invoke/echo', method: 'POST', headers: { authorization: `Bearer ${host.token}` }, body: '{"a":' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'validation_error' } });
  });

  it('passes the command name and parsed input to the app and answers its envelope with 200', async () => {
    const res = await invoke(port, host.token, 'echo', { day: '2026-03-02' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true, value: { day: '2026-03-02' } });
    expect(app.calls.at(-1)).toEqual({ name: 'echo', input: { day: '2026-03-02' } });
    const unknown = await invoke(port, host.token, 'nope.never', {});
    expect(unknown.status).toBe(200);
    expect(unknown.json).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
  });

  it('streams app events over SSE to a token holder', async () => {
    const sub = waitForEvent(`http://127.0.0.1:${port}`, host.token, (d) => (d as ClinicEvent).name === 'data.changed');
    await sub.ready;
    app.emit({ name: 'data.changed', payload: { tables: ['appointments'] } });
    await expect(sub.event).resolves.toEqual({ name: 'data.changed', payload: { tables: ['appointments'] } });
  });

  it('serves the built renderer with the CSP and hardening headers', async () => {
    const index = await send({ port, path: '/?token=abc' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['x-frame-options']).toBe('DENY');
    expect(index.headers['cache-control']).toBe('no-store');
    expect(index.body).toContain('<title>Clinic Desk</title>');
    const script = await send({ port, path: '/assets/app.js' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await send({ port, path: '/assets/app.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await send({ port, path: '/assets/missing.js' })).status).toBe(404);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('refuses path traversal and dotfiles', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%5csecret.txt', '/.env', '/%00']) {
      const res = await send({ port, path });
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('SECRET');
    }
  });

  it('refuses methods a route does not take', async () => {
    const get = await send({ port, path: '/invoke/echo', headers: { authorization: `Bearer ${host.token}` } });
    expect(get.status).toBe(405);
    expect((await send({ port, path: '/index.html', method: 'DELETE' })).status).toBe(405);
  });
});
