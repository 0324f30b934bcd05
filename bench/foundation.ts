import path from 'node:path';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { migrations } from '../migrations';
import { createKysely } from '../main/db/kysely';
import { migrateToLatest } from '../main/db/migrate';
import { createEncryptedFile, SQLCIPHER_V4 } from '../main/db/open';
import { createDatabase, openDatabase } from '../main/services/encrypted-database';
import { median, sample, type Bench } from './measure';

const PASSPHRASE = 'bench passphrase 2024';
/** SQLCipher 4: 16-byte salt, 32-byte AES-256 key. */
const SALT_BYTES = 16;
const KEY_BYTES = 32;

export const foundation: Bench = {
  name: 'foundation',
  summary: 'Encrypted database file: create, unlock and migrate, next to the raw key derivation that bounds them',
  async run({ runs, dir }) {
    let fileCount = 0;
    const freshFile = (): string => path.join(dir, `bench-${(fileCount += 1)}.kartoteka`);

    const create = await sample(runs, async () => {
      const file = freshFile();
      const started = performance.now();
      const database = await createDatabase(file, 'Bench', PASSPHRASE);
      const elapsed = performance.now() - started;
      await database.close();
      return elapsed;
    });

    const existing = freshFile();
    await (await createDatabase(existing, 'Bench', PASSPHRASE)).close();
    const unlock = await sample(runs, async () => {
      const started = performance.now();
      const database = await openDatabase(existing, PASSPHRASE);
      const elapsed = performance.now() - started;
      await database.close();
      return elapsed;
    });

    const migrate = await sample(runs, async () => {
      // createEncryptedFile already derives the key (its pragmas read page 1), so the clock sees only migrations.
      const connection = createEncryptedFile(freshFile(), PASSPHRASE);
      const db = createKysely(connection);
      try {
        const started = performance.now();
        await migrateToLatest(db, connection, migrations);
        return performance.now() - started;
      } finally {
        await db.destroy();
      }
    });

    // The physical limit of an unlock: the PBKDF2 SQLCipher 4 runs on every open, here computed by OpenSSL.
    const kdf = await sample(runs, () => {
      const salt = randomBytes(SALT_BYTES);
      const started = performance.now();
      pbkdf2Sync(PASSPHRASE, salt, SQLCIPHER_V4.kdfIterations, KEY_BYTES, 'sha512');
      return performance.now() - started;
    });

    const kdfMedian = median(kdf);
    const timesKdf = (samples: number[]): string => `${(median(samples) / kdfMedian).toFixed(2)}x the raw KDF`;
    return [
      { label: 'create (createDatabase, incl. migrations)', samplesMs: create, note: timesKdf(create) },
      { label: 'unlock (openDatabase, up to date)', samplesMs: unlock, note: timesKdf(unlock) },
      { label: `migrate (migrateToLatest, schema 0 to ${Object.keys(migrations).length})`, samplesMs: migrate },
      {
        label: `raw KDF (PBKDF2-HMAC-SHA512, ${SQLCIPHER_V4.kdfIterations} iterations)`,
        samplesMs: kdf,
        note: 'node:crypto (OpenSSL); SQLCipher runs the same derivation',
      },
    ];
  },
};
