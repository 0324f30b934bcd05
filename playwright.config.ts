import { defineConfig } from '@playwright/test';

/**
 * The same specs run against Electron where its binary is installed and against the browser
 * host in Chromium otherwise (tests/e2e/support/launch.ts decides; KARTOTEKA_E2E_TARGET forces).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  outputDir: 'test-results/e2e',
  use: { trace: 'retain-on-failure' },
});
