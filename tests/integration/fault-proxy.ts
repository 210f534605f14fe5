import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A small HTTP proxy between a desk and the stack's gateway that misbehaves on demand:
 * refuse connections (server down), delay, cut a response midway, or forward a request and then
 * drop the answer (the server committed, the desk never hears it).
 */
export type FaultMode = 'pass' | 'refuse' | 'delay' | 'cut' | 'drop_after_commit';

export interface FaultRule {
  mode: FaultMode;
  /** Only requests whose path contains this (default: all). */
  path?: string;
  /** Apply to this many matching requests, then pass (default: until changed). */
  times?: number;
  /** Let this many matching requests pass first (default: none). */
  after?: number;
  delayMs?: number;
}

export interface FaultProxy {
  url: string;
  set(rule: FaultRule): void;
  /** Requests seen per path (including refused ones). */
  count(pathPart: string): number;
  /** The bodies of the requests seen whose path contains `pathPart`, in order. */
  bodies(pathPart: string): string[];
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  let rule: FaultRule = { mode: 'pass' };
  const seen: string[] = [];
  const bodies: { path: string; body: string }[] = [];
  const sockets = new Set<Socket>();

  const active = (path: string): FaultRule | null => {
    if (rule.mode === 'pass' || (rule.path && !path.includes(rule.path))) return null;
    const r = rule;
    if (r.after !== undefined && r.after > 0) {
      r.after--;
      return null;
    }
    if (r.times !== undefined) {
      r.times--;
      if (r.times <= 0) rule = { mode: 'pass' };
    }
    return r;
  };

  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    seen.push(path);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push({ path, body: Buffer.concat(chunks).toString() });
      const r = active(path);
      if (r?.mode === 'refuse') {
        req.socket.destroy();
        return;
      }
      void (async () => {
        if (r?.mode === 'delay') await new Promise((f) => setTimeout(f, r.delayMs ?? 1000));
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) {
          if (['host', 'connection', 'content-length', 'transfer-encoding'].includes(k) || v === undefined) continue;
          headers[k] = Array.isArray(v) ? v.join(', ') : v;
        }
        let upstream: Response;
        try {
          upstream = await fetch(target + path, {
            method: req.method,
            headers,
            body: ['GET', 'HEAD'].includes(req.method ?? 'GET') ? undefined : Buffer.concat(chunks),
          });
        } catch {
          res.destroy();
          return;
        }
        const body = Buffer.from(await upstream.arrayBuffer());
        if (r?.mode === 'drop_after_commit') {
          res.destroy();
          return;
        }
        const out: Record<string, string> = {};
        upstream.headers.forEach((v, k) => {
          if (!['content-length', 'transfer-encoding', 'content-encoding', 'connection'].includes(k)) out[k] = v;
        });
        if (r?.mode === 'cut') {
          res.writeHead(upstream.status, { ...out, 'content-length': String(body.length) });
          res.write(body.subarray(0, Math.floor(body.length / 2)));
          setTimeout(() => res.destroy(), 20);
          return;
        }
        res.writeHead(upstream.status, { ...out, 'content-length': String(body.length) });
        res.end(body);
      })();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    if (rule.mode === 'refuse' && !rule.path) s.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set(r) {
      rule = { ...r };
      if (r.mode === 'refuse' && !r.path) for (const s of sockets) s.destroy();
    },
    count: (p) => seen.filter((s) => s.includes(p)).length,
    bodies: (p) => bodies.filter((b) => b.path.includes(p)).map((b) => b.body),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
