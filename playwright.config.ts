import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/e2e/chromium.ts';
import { DAY_SPECS, FIXED_INSTANTS } from './tests/e2e/fixed-instants.ts';
import type { E2eOptions } from './tests/e2e/fixtures.ts';

// Debian's Chromium, never a downloaded browser (FACTS.md: no `npx playwright install`).

// `npm test` sets CLINIC_DESK_E2E_INSTANTS=1: the day-dependent specs run again at each fixed
// instant (one project each), in the same run and the same JSON report as the real-time run.
const atInstants = process.env.CLINIC_DESK_E2E_INSTANTS === '1';

export default defineConfig<E2eOptions>({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  projects: [
    { name: 'now' },
    ...(atInstants
      ? Object.entries(FIXED_INSTANTS).map(([name, instant]) => ({
          name,
          testMatch: DAY_SPECS.map((f) => `**/${f}`),
          use: { fixedNow: instant },
        }))
      : []),
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
});
