import { afterAll, beforeAll } from 'vitest';
import { type FaultProxy, startFaultProxy } from './fault-proxy.ts';
import { useStack } from './harness.ts';
import { type Desk, removeDir } from './sync-desk.ts';

/**
 * The shared stack, a fault proxy in front of it for the whole file, and the list of desks the
 * file opens; after the file every desk is closed and its data dir removed, then the proxy stops.
 */
export function useFaultyDesks() {
  const h = useStack();
  const opened: Desk[] = [];
  let started: FaultProxy | undefined;
  beforeAll(async () => {
    started = await startFaultProxy(h().stack.url);
  });
  afterAll(async () => {
    for (const d of opened) {
      await d.close();
      removeDir(d.dataDir);
    }
    await started?.close();
  });
  const proxy: FaultProxy = {
    get url() {
      return started!.url;
    },
    set: (rule) => started!.set(rule),
    count: (pathPart) => started!.count(pathPart),
    bodies: (pathPart) => started!.bodies(pathPart),
    close: () => started!.close(),
  };
  return { h, opened, proxy };
}
