import { request } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request (node:http, so Host and Origin can be set to anything). */
export function send(options: {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  address?: string;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.address ?? '127.0.0.1',
        port: options.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${options.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** `POST /invoke/<name>` with the token, answering the parsed envelope. */
export async function invoke(port: number, token: string, name: string, input?: unknown): Promise<RawResponse & { json: unknown }> {
  const res = await send({
    port,
    path: `/invoke/${encodeURIComponent(name)}`,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: input === undefined ? '' : JSON.stringify(input),
  });
  return { ...res, json: JSON.parse(res.body) as unknown };
}

/** A fake vite build next to a file that must never be served. */
export function fakeRendererDir(): { root: string; rendererDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'clinic-host-'));
  const rendererDir = join(root, 'dist');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Clinic Desk</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{margin:0}');
  writeFileSync(join(rendererDir, '.env'), 'SECRET=dotfile');
  writeFileSync(join(root, 'secret.txt'), 'TOP SECRET');
  return { root, rendererDir };
}

/** Reads SSE `data:` lines until `match` accepts one (the test's own timeout bounds the wait). */
export function waitForEvent(url: string, token: string, match: (data: unknown) => boolean): { ready: Promise<void>; event: Promise<unknown>; close(): void } {
  const controller = new AbortController();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((r) => (markReady = r));
  const event = (async () => {
    const res = await fetch(`${url}/events?token=${encodeURIComponent(token)}`, { signal: controller.signal });
    if (res.status !== 200 || !res.body) throw new Error(`events answered ${res.status}`);
    markReady();
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const line of frame.split('\n')) {
          if (!line.startsWith('data: ')) continue;
          const data = JSON.parse(line.slice(6)) as unknown;
          if (match(data)) {
            reader.cancel().catch(() => {});
            return data;
          }
        }
      }
    }
    throw new Error('event stream ended');
  })();
  event.catch(() => {});
  return { ready, event, close: () => controller.abort() };
}
