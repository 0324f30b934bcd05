import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withPageCache } from '../../main/db/page-cache';
import type { OpenDatabase } from '../../main/services/encrypted-database';
import { openTestDatabase } from '../support/open-test-database';
import { useTempDir } from '../support/temp-dir';

describe('withPageCache', () => {
  const tempDir = useTempDir();
  let database: OpenDatabase;
  const cacheSize = () => database.connection.pragma('cache_size', { simple: true }) as number;

  beforeEach(async () => {
    database = await openTestDatabase(tempDir());
  });
  afterEach(async () => {
    if (database.connection.open) await database.close();
  });

  it('runs the action with the given cache and puts the connection’s own back, also after a failure', async () => {
    const own = cacheSize();
    expect(await withPageCache(database.db, 4096, async () => cacheSize())).toBe(-4096);
    expect(cacheSize()).toBe(own);
    await expect(
      withPageCache(database.db, 2048, async () => {
        throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
    expect(cacheSize()).toBe(own);
  });

  it('reports the action’s own error when the cache can no longer be put back', async () => {
    await expect(
      withPageCache(database.db, 2048, async () => {
        database.connection.close();
        throw new Error('the real failure');
      }),
    ).rejects.toThrow('the real failure');
  });
});
