import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { AppError, type ErrorCode } from '../../shared/errors';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { openTestDatabase } from './open-test-database';

/**
 * One encrypted database for a whole describe block (opened in beforeAll, closed and removed in
 * afterAll): each open derives a key (~170 ms), so tests that can share data should share it.
 * useTempDir() can't be used for this: it removes its folders after every test.
 */
export function useSharedTestDatabase(): () => OpenDatabase {
  let dir: string | null = null;
  let database: OpenDatabase | null = null;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-shared-'));
    database = await openTestDatabase(dir);
  });
  afterAll(async () => {
    await database?.close();
    database = null;
    if (dir !== null) fs.rmSync(dir, { recursive: true, force: true });
    dir = null;
  });
  return () => {
    if (database === null) throw new Error('The shared test database is open only inside tests');
    return database;
  };
}

/** Awaits a promise that must reject with an AppError of `code`, and returns that error. */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, `should fail with ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}
