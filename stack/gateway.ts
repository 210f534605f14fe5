import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The Kong-like front door of a Supabase project: /rest/v1 → PostgREST, /auth/v1 → auth.
 * Every request needs a known `apikey` (header or query), as on hosted Supabase.
 */
export interface GatewayOptions {
  host: string;
  port: number;
  apiKeys: string[];
  postgrestPort: number;
  auth: (req: IncomingMessage, res: ServerResponse, pathWithQuery: string) => Promise<void>;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD',
  'Access-Control-Allow-Headers':
    'authorization, apikey, content-type, prefer, range, accept-profile, content-profile, x-client-info, x-supabase-api-version',
  'Access-Control-Expose-Headers': 'content-range, x-supabase-api-version',
};

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...CORS }).end(JSON.stringify(body));
}

function proxy(req: IncomingMessage, res: ServerResponse, port: number, path: string, apikey: string): void {
  const headers = { ...req.headers, host: `127.0.0.1:${port}` };
  if (!headers.authorization) headers.authorization = `Bearer ${apikey}`;
  const upstream = http.request(
    { host: '127.0.0.1', port, method: req.method, path, headers },
    (up) => {
      res.writeHead(up.statusCode ?? 502, { ...up.headers, ...CORS });
      up.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) json(res, 503, { message: 'upstream unavailable' });
    else res.destroy();
  });
  req.pipe(upstream);
}

export async function startGateway(opts: GatewayOptions): Promise<{ server: Server; port: number; stop(): Promise<void> }> {
  const keys = new Set(opts.apiKeys);
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    const query = new URL(url, 'http://gateway.local').searchParams;
    const headerKey = req.headers.apikey;
    const apikey = (Array.isArray(headerKey) ? headerKey[0] : headerKey) ?? query.get('apikey');
    if (!apikey) return json(res, 401, { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' });
    if (!keys.has(apikey)) return json(res, 401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' });

    if (url.startsWith('/rest/v1/') || url === '/rest/v1') {
      return proxy(req, res, opts.postgrestPort, url.slice('/rest/v1'.length) || '/', apikey);
    }
    if (url.startsWith('/auth/v1/')) {
      for (const [k, v] of Object.entries(CORS)) res.setHeader(k, v);
      opts.auth(req, res, url.slice('/auth/v1'.length)).catch(() => {
        if (!res.headersSent) json(res, 503, { code: 'unexpected_failure', message: 'Auth service error' });
      });
      return;
    }
    json(res, 404, { message: 'no Route matched with those values' });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
