import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh secret per run: 32 random bytes, base64url. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first hides the length of the expected token too. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/**
 * Only our own loopback names are accepted as Host: a DNS-rebinding page (evil.example resolving
 * to 127.0.0.1) still sends its own name and is refused.
 */
export function allowedHost(hostHeader: string | undefined, port: number): string | null {
  if (!hostHeader) return null;
  const host = hostHeader.toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` ? host : null;
}

/** Origin, when a browser sends one, must be exactly this page's origin. */
export function allowedOrigin(originHeader: string | undefined, host: string): boolean {
  if (originHeader === undefined) return true;
  return originHeader.toLowerCase() === `http://${host}`;
}

/** The token from `Authorization: Bearer …`, or from `?token=` where allowed (EventSource). */
export function presentedToken(req: IncomingMessage, url: URL, allowQuery: boolean): string | null {
  const auth = req.headers.authorization;
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    return match?.[1] ?? null;
  }
  if (allowQuery) return url.searchParams.get('token');
  return null;
}
