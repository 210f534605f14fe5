import { createReadStream } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CommandErrorData, Envelope } from '../../shared/result.ts';
import type { ClinicApp } from '../app.ts';
import { EventStreams } from './event-stream.ts';
import { MAX_BODY_BYTES, readBody } from './read-body.ts';
import { allowedHost, allowedOrigin, createToken, presentedToken, tokensEqual } from './request-guard.ts';
import { SECURITY_HEADERS } from '../serving/security-headers.ts';
import { resolveStaticFile } from '../serving/static-files.ts';

export interface HostOptions {
  app: Pick<ClinicApp, 'invoke' | 'onEvent'>;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer (vite's `dist/`). */
  rendererDir: string;
  /** Defaults to a fresh random token. */
  token?: string;
  heartbeatMs?: number;
  maxBodyBytes?: number;
}

export interface RunningHost {
  /** Open this in a browser: the page reads its token from the query. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const INVOKE_PREFIX = '/invoke/';

/**
 * The headless host: the same app as the Electron shell, served on loopback only. The renderer is
 * public build output; commands and events need the per-run token, and every request must name
 * our own host (DNS rebinding) and, when it carries an Origin, come from our own page (CSRF).
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? createToken();
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const streams = new EventStreams(options.heartbeatMs);
  const unsubscribe = options.app.onEvent((event) => streams.publish(event));
  let port = options.port ?? 0;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendEnvelope(res, 500, failure('internal', 'Something went wrong.'));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = allowedHost(req.headers.host, port);
    if (!host) return sendEnvelope(res, 403, failure('forbidden', 'Unknown host.'));
    if (!allowedOrigin(req.headers.origin, host)) return sendEnvelope(res, 403, failure('forbidden', 'Cross-origin request refused.'));
    const url = new URL(req.url ?? '/', `http://${host}`);

    if (url.pathname.startsWith(INVOKE_PREFIX)) {
      if (!authorized(req, url, false)) return sendEnvelope(res, 401, failure('unauthorized', 'Missing or wrong token.'));
      if (req.method !== 'POST') return sendEnvelope(res, 405, failure('validation_error', 'Use POST.'), { Allow: 'POST' });
      return invoke(req, res, url.pathname.slice(INVOKE_PREFIX.length));
    }
    if (url.pathname === '/events') {
      if (!authorized(req, url, true)) return sendEnvelope(res, 401, failure('unauthorized', 'Missing or wrong token.'));
      if (req.method !== 'GET') return sendEnvelope(res, 405, failure('validation_error', 'Use GET.'), { Allow: 'GET' });
      return streams.open(res, SECURITY_HEADERS);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendEnvelope(res, 405, failure('validation_error', 'Method not allowed.'), { Allow: 'GET, HEAD' });
    }
    return serveStatic(req, res, url.pathname);
  }

  function authorized(req: IncomingMessage, url: URL, allowQuery: boolean): boolean {
    const given = presentedToken(req, url, allowQuery);
    return given !== null && tokensEqual(given, token);
  }

  async function invoke(req: IncomingMessage, res: ServerResponse, rawName: string): Promise<void> {
    let name: string;
    try {
      name = decodeURIComponent(rawName);
    } catch {
      return sendEnvelope(res, 400, failure('validation_error', 'Malformed command name.'));
    }
    const body = await readBody(req, maxBody);
    if (body.kind === 'aborted') return void res.destroy();
    if (body.kind === 'too_large') {
      sendEnvelope(res, 413, failure('validation_error', `Request body is larger than ${maxBody} bytes.`), { Connection: 'close' });
      if (body.cutOff) res.on('finish', () => req.socket.destroy());
      return;
    }
    let input: unknown;
    if (body.text.trim() !== '') {
      try {
        input = JSON.parse(body.text);
      } catch {
        return sendEnvelope(res, 400, failure('validation_error', 'Request body is not valid JSON.'));
      }
    }
    const envelope = await options.app.invoke(name, input);
    sendEnvelope(res, 200, envelope);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const file = await resolveStaticFile(options.rendererDir, pathname);
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      return void res.end('Not found');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      // index.html is fetched with the token in its URL and must pick up new builds: never cache it.
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    await new Promise<void>((resolve, reject) => {
      const stream = createReadStream(file.path);
      stream.on('error', reject);
      res.on('close', () => {
        stream.destroy();
        resolve();
      });
      stream.pipe(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${LOOPBACK}:${port}/?token=${encodeURIComponent(token)}`,
    port,
    token,
    close() {
      closed ??= new Promise<void>((resolve) => {
        unsubscribe();
        streams.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

function failure(code: CommandErrorData['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope<unknown>, extra: Record<string, string> = {}): void {
  const body = JSON.stringify(envelope);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
