import { defineConfig } from '@playwright/test';
import { gatewayUrl } from './e2e/platform';

/**
 * Debian's Chromium, headless, kept off the network it cannot reach (no background services, no
 * component updates): nothing is downloaded by the test tool. One worker: the tests follow one
 * dossier from one role to the next, on one platform.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './target/playwright',
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    baseURL: gatewayUrl(),
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
});
