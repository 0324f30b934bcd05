import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { AppDb } from '../../main/db/kysely';
import { TEST_PASSPHRASE } from './open-test-database';
import { createTestApp, invoke, type TestApp } from './test-app';

export type SharedTestApp = TestApp & { db: AppDb; file: string };

/**
 * One app with a freshly created, open database for a whole describe block: services can write
 * straight to `db` while the same data is read through `app.dispatch`. Closed and removed in afterAll.
 */
export function useSharedTestApp(): () => SharedTestApp {
  let root: string | null = null;
  let shared: SharedTestApp | null = null;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-app-'));
    const test = createTestApp(path.join(root, 'data'));
    const file = path.join(root, 'clients.kartoteka');
    await invoke(test.app, 'database:create', { path: file, name: 'Тестовая база', passphrase: TEST_PASSPHRASE });
    shared = { ...test, db: test.app.session.requireOpen().db, file };
  });
  afterAll(async () => {
    await shared?.app.dispose();
    shared = null;
    if (root !== null) fs.rmSync(root, { recursive: true, force: true });
    root = null;
  });
  return () => {
    if (shared === null) throw new Error('The shared test app exists only inside tests');
    return shared;
  };
}
