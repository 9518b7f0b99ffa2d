import { defineConfig } from '@playwright/test';

/**
 * Browser tests of the web app in Debian's Chromium (scripts/ensure-chromium.sh installs it; nothing downloads a
 * browser of Playwright's own) against the whole stack, started by test/support/global-setup.ts from the built
 * services on ports, databases and a Kafka namespace of its own.
 */
export default defineConfig({
  testDir: 'test',
  testMatch: '**/*.browser.spec.ts',
  globalSetup: './test/support/global-setup.ts',
  globalTeardown: './test/support/global-teardown.ts',
  // One worker: the machine has two cores, and the stack under test needs them.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: '../../tmp/portal-test-results',
  use: {
    baseURL: process.env.PORTAL_URL,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    acceptDownloads: true,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
