import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyResult =
  | { kind: 'ok'; text: string }
  /** `cutOff`: we stopped reading mid-body; the caller must close the connection after answering. */
  | { kind: 'too_large'; cutOff: boolean }
  | { kind: 'aborted' };

/**
 * Reads a request body up to `limit` bytes. Past the limit the rest is drained and dropped so the
 * client still reads our 413 instead of a reset connection; a body declared or sent far beyond
 * (8x) is not read further.
 */
export function readBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(declared) && declared > limit * 8) {
      req.pause();
      resolve({ kind: 'too_large', cutOff: true });
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        tooLarge = true;
        chunks.length = 0;
        if (received > limit * 8) {
          req.pause();
          resolve({ kind: 'too_large', cutOff: true });
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(tooLarge ? { kind: 'too_large', cutOff: false } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }),
    );
    req.on('error', () => resolve({ kind: 'aborted' }));
    req.on('close', () => resolve({ kind: 'aborted' }));
  });
}
