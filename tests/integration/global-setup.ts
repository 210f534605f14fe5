import type { TestProject } from 'vitest/node';
import { startStack } from '../../stack/index.ts';
import type { StackInfo } from './harness.ts';

/**
 * One real stack shared by every integration test file (register in vitest.config.ts
 * `globalSetup`). Without it, each file starts its own stack (see harness.ts).
 * Starts only when the run includes integration tests, so unit runs stay fast.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  // `vitest run shared` (filters without integration) needs no server.
  const filters = project.vitest.config.filters ?? [];
  const wanted = filters.length === 0 || filters.some((f) => f.includes('integration'));
  if (!wanted) return;
  const stack = await startStack({ demo: true });
  const info: StackInfo = {
    url: stack.url,
    anonKey: stack.anonKey,
    serviceKey: stack.serviceKey,
    jwtSecret: stack.jwtSecret,
    pgUrl: stack.pgUrl,
  };
  project.provide('clinicDeskStack', info);
  return () => stack.stop();
}
