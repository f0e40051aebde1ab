import { defineConfig } from '@playwright/test';
import { E2E_BASE_URL, E2E_DB, E2E_OUTPUT, E2E_PORT } from './e2e/fixtures/config';

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
    // Prepare the throwaway database, then Next's own production server as `npm start` runs it, in one
    // process (WEB_CONCURRENCY=1) so that per-client limits count to the exact request; e2e/npm-start.spec.ts
    // starts `npm start` itself, with a process per core.
    command: `npx tsx scripts/e2e-prepare.ts && node scripts/start-server.mjs --port ${E2E_PORT}`,
    // WEBHOOK_ALLOW_HOSTS: the digest journey's fake WeCom robot listens on 127.0.0.1.
    env: { WEB_CONCURRENCY: '1', DATABASE_PATH: E2E_DB, BASE_URL: E2E_BASE_URL, DEMO_DATA: '0', NEXT_TELEMETRY_DISABLED: '1', WEBHOOK_ALLOW_HOSTS: '127.0.0.1' },
    url: `${E2E_BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
