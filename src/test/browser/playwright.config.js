// Playwright drives Debian's Chromium (no browser download) against the local run that .ci/browser starts.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './specs',
  globalSetup: './global-setup.js',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  // the specs share one running service and its engine clock: one at a time, in file order
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: process.env.BROWSER_TEST_REPORT || '../../../target/browser/report' }]],
  outputDir: process.env.BROWSER_TEST_OUTPUT || '../../../target/browser/results',
  use: {
    baseURL: process.env.BROWSER_TEST_BASE_URL || 'http://127.0.0.1:8080',
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.BROWSER_TEST_CHROMIUM || '/usr/bin/chromium',
      // the machine's network is closed: without these Chromium tries Google's hosts at every start
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
});
