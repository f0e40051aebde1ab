import { defineConfig } from '@playwright/test';
import { E2E_BASE_URL, E2E_OUTPUT } from './e2e/fixtures/config';

export default defineConfig({
  testDir: './e2e',
  outputDir: E2E_OUTPUT,
  // One server, one database: journeys that write run one after another.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: `${E2E_OUTPUT}/playwright.json` }]],
  use: {
    baseURL: E2E_BASE_URL,
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'npx tsx scripts/e2e-server.ts',
    url: `${E2E_BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
