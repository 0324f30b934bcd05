import { countTableRows, describeDatabase } from '../../services/encrypted-database';
import { dbOption, type Command } from '../command';
import { withDatabase } from '../database';
import { alignRows, formatBytes } from '../output';
import { readPassphrase } from '../passphrase';

export const stats: Command = {
  name: 'stats',
  summary: 'Row counts per table and the file size',
  usage: '--db FILE',
  options: dbOption,
  async run(args) {
    const file = args.path('db');
    const passphrase = await readPassphrase();
    return withDatabase(file, passphrase, async (database) => {
      const info = await describeDatabase(database);
      const tables = countTableRows(database);
      return {
        data: { path: info.path, name: info.name, sizeBytes: info.sizeBytes, tables },
        lines: [
          ...alignRows([
            ['Database:', info.path],
            ['Name:', info.name],
            ['File size:', formatBytes(info.sizeBytes)],
          ]),
          'Rows per table:',
          ...alignRows(
            tables.map((table) => [table.name, String(table.rows)]),
            '  ',
          ),
        ],
      };
    });
  },
};
