import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import { CreateDatabaseRequest } from '../../../shared/domain/database';
import { createDatabase, describeDatabase } from '../../services/encrypted-database';
import { dbOption, type Command } from '../command';
import { databaseNameFromFile } from '../database';
import { alignRows } from '../output';
import { PASSPHRASE_ENV, readNewPassphrase } from '../passphrase';

export const init: Command = {
  name: 'init',
  summary: 'Create a new encrypted database',
  usage: '--db FILE [--name NAME]',
  options: { ...dbOption, name: { type: 'string' } },
  async run(args) {
    const file = args.path('db');
    const parsedName = CreateDatabaseRequest.shape.name.safeParse(args.string('name') ?? databaseNameFromFile(file));
    if (!parsedName.success) throw new AppError('InvalidInput', 'The name must have 1 to 200 characters');
    // createDatabase refuses too, but only after the passphrase was typed twice.
    if (fs.existsSync(file)) throw new AppError('FileExists', 'A file with this name already exists', { path: file });
    const passphrase = await readNewPassphrase(PASSPHRASE_ENV, 'New passphrase');
    const database = await createDatabase(file, parsedName.data, passphrase);
    try {
      const info = await describeDatabase(database);
      return {
        data: { path: info.path, name: info.name, schemaVersion: info.schemaVersion, sizeBytes: info.sizeBytes },
        lines: [
          `Created ${info.path}`,
          ...alignRows([
            ['Name:', info.name],
            ['Schema version:', String(info.schemaVersion)],
          ]),
        ],
      };
    } finally {
      await database.close();
    }
  },
};
