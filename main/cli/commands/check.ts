import { describeDatabase, fileIntegrityProblems } from '../../services/encrypted-database';
import { dbOption, type Command, type CommandResult } from '../command';
import { withDatabase } from '../database';
import { alignRows } from '../output';
import { readPassphrase } from '../passphrase';

/** The rows and fields said of the file, with its integrity last; any problem fails the run. */
function report(rows: Array<[string, string]>, data: Record<string, unknown>, problems: string[]): CommandResult {
  const ok = problems.length === 0;
  return {
    data: { ...data, integrity: { ok, problems } },
    lines: [
      ...alignRows([...rows, ['Integrity:', ok ? 'ok' : `${problems.length} problem(s)`]]),
      ...problems.map((problem) => `  ${problem}`),
    ],
    exitCode: ok ? 0 : 1,
  };
}

export const check: Command = {
  name: 'check',
  summary: 'Verify the database file is intact, then open it (applying pending migrations) and describe it',
  usage: '--db FILE',
  options: dbOption,
  async run(args) {
    const file = args.path('db');
    const passphrase = await readPassphrase();
    // Checked before the open: a damaged file is reported as it is, not migrated (nor stopped at its first bad page).
    const problems = fileIntegrityProblems(file, passphrase);
    if (problems.length > 0) return report([['Database:', file]], { path: file }, problems);
    return withDatabase(file, passphrase, async (database) => {
      const info = await describeDatabase(database);
      const { applied } = database.migration;
      const { cipher } = info;
      return report(
        [
          ['Database:', info.path],
          ['Schema version:', `${info.schemaVersion} (latest known: ${info.latestSchemaVersion})`],
          ['Migrations applied:', applied.length === 0 ? 'none' : applied.join(', ')],
          [
            'Cipher:',
            `${cipher.cipher} v${cipher.legacy}, ${cipher.kdfIterations} KDF iterations, page size ${cipher.pageSize}`,
          ],
          ['Journal mode:', info.journalMode],
        ],
        {
          path: info.path,
          schemaVersion: info.schemaVersion,
          latestSchemaVersion: info.latestSchemaVersion,
          migrationsApplied: applied,
          cipher,
          journalMode: info.journalMode,
        },
        [],
      );
    });
  },
};
