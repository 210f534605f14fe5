import type { ServerResponse } from 'node:http';
import type { ClinicEvent } from '../../shared/events.ts';

export const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for the browser transport: every app event goes out as
 * `data: {"name":…,"payload":…}`; a comment line every few seconds keeps proxies and the
 * browser's idle timers from closing the stream.
 */
export class EventStreams {
  readonly #clients = new Set<ServerResponse>();
  readonly #timer: NodeJS.Timeout;

  constructor(heartbeatMs: number = HEARTBEAT_MS) {
    this.#timer = setInterval(() => this.#write(': heartbeat\n\n'), heartbeatMs);
    this.#timer.unref();
  }

  get size(): number {
    return this.#clients.size;
  }

  open(res: ServerResponse, headers: Readonly<Record<string, string>>): void {
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n: connected\n\n');
    this.#clients.add(res);
    res.on('close', () => this.#clients.delete(res));
  }

  publish(event: ClinicEvent): void {
    this.#write(`data: ${JSON.stringify({ name: event.name, payload: event.payload })}\n\n`);
  }

  close(): void {
    clearInterval(this.#timer);
    for (const res of this.#clients) res.end();
    this.#clients.clear();
  }

  #write(chunk: string): void {
    for (const res of this.#clients) res.write(chunk);
  }
}
