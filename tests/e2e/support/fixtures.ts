import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { launchApp, type LaunchedApp } from './launch';

type Fixtures = {
  /** A fresh data folder per test: settings, recent list and databases start empty. */
  dataDir: string;
  app: LaunchedApp;
  /** Saves a full-window screenshot under test-results/screenshots/<target>/. */
  saveScreenshot: (name: string) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ dataDir }, use) => {
    const launched = await launchApp(dataDir);
    await use(launched);
    await launched.close();
  },
  saveScreenshot: async ({ app }, use) => {
    await use(async (name) => {
      const file = path.join('test-results', 'screenshots', app.target, `${name}.png`);
      await app.page.screenshot({ path: file, fullPage: true });
    });
  },
});

export { expect } from '@playwright/test';
