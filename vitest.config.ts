import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'renderer/**/*.test.ts',
      'electron/**/*.test.ts',
      'stack/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'tests/db/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/bench/**/*.test.ts',
    ],
    environment: 'node',
    // One real server stack for every integration file (skipped when a run names no integration tests).
    globalSetup: ['tests/integration/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests start real servers; two cores → keep the worker count small.
    maxWorkers: 2,
  },
});
