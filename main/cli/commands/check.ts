import { describeDatabase, integrityProblems } from '../../services/encrypted-database';
import { dbOption, type Command } from '../command';
import { withDatabase } from '../database';
import { alignRows } from '../output';
import { readPassphrase } from '../passphrase';

export const check: Command = {
  name: 'check',
  summary: 'Open the database (applying pending migrations) and verify its integrity',
  usage: '--db FILE',
  options: dbOption,
  async run(args) {
    const file = args.path('db');
    const passphrase = await readPassphrase();
    return withDatabase(file, passphrase, async (database) => {
      const info = await describeDatabase(database);
      const problems = integrityProblems(database);
      const { applied } = database.migration;
      const { cipher } = info;
      return {
        data: {
          path: info.path,
          schemaVersion: info.schemaVersion,
          latestSchemaVersion: info.latestSchemaVersion,
          migrationsApplied: applied,
          cipher,
          journalMode: info.journalMode,
          integrity: { ok: problems.length === 0, problems },
        },
        lines: [
          ...alignRows([
            ['Database:', info.path],
            ['Schema version:', `${info.schemaVersion} (latest known: ${info.latestSchemaVersion})`],
            ['Migrations applied:', applied.length === 0 ? 'none' : applied.join(', ')],
            [
              'Cipher:',
              `${cipher.cipher} v${cipher.legacy}, ${cipher.kdfIterations} KDF iterations, page size ${cipher.pageSize}`,
            ],
            ['Journal mode:', info.journalMode],
            ['Integrity:', problems.length === 0 ? 'ok' : `${problems.length} problem(s)`],
          ]),
          ...problems.map((problem) => `  ${problem}`),
        ],
        exitCode: problems.length === 0 ? 0 : 1,
      };
    });
  },
};
