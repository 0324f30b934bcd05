import path from 'node:path';
import { createDatabase, type OpenDatabase } from '../../main/services/encrypted-database';
import type { ServiceEnv } from '../../main/services/service-env';

export const TEST_PASSPHRASE = 'test passphrase 2026';

/** A fresh encrypted database in `dir`, migrated to the latest schema. */
export function openTestDatabase(dir: string, name = 'Тестовая база'): Promise<OpenDatabase> {
  return createDatabase(path.join(dir, 'test.kartoteka'), name, TEST_PASSPHRASE);
}

/** A clock that moves one second per call, so timestamps are distinct and predictable. */
export function testEnv(start = '2026-11-23T09:00:00.000Z'): ServiceEnv {
  let tick = 0;
  return { now: () => new Date(Date.parse(start) + 1000 * tick++), defaultCountry: 'RU' };
}
