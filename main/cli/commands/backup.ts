import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import { backupDatabase } from '../../services/encrypted-database';
import { dbOption, type Command } from '../command';
import { withDatabase } from '../database';
import { alignRows, formatBytes } from '../output';
import { readPassphrase } from '../passphrase';

export const backup: Command = {
  name: 'backup',
  summary: 'Write an encrypted, consistent copy (same passphrase); never overwrites',
  usage: '--db FILE --out FILE',
  options: { ...dbOption, out: { type: 'string' } },
  async run(args) {
    const file = args.path('db');
    const target = args.path('out');
    // backupDatabase refuses too, but only after the passphrase was asked and the key derived.
    if (fs.existsSync(target)) throw new AppError('FileExists', 'The backup file already exists', { path: target });
    const passphrase = await readPassphrase();
    const result = await withDatabase(file, passphrase, async (database) => backupDatabase(database, target));
    return {
      data: { path: file, backupPath: result.path, sizeBytes: result.sizeBytes },
      lines: alignRows([
        ['Backup written:', result.path],
        ['Of:', file],
        ['Size:', formatBytes(result.sizeBytes)],
      ]),
    };
  },
};
