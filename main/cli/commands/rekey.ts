import { changePassphrase } from '../../services/encrypted-database';
import { dbOption, type Command } from '../command';
import { withDatabase } from '../database';
import { NEW_PASSPHRASE_ENV, readNewPassphrase, readPassphrase } from '../passphrase';

export const rekey: Command = {
  name: 'rekey',
  summary: `Change the passphrase (the new one from ${NEW_PASSPHRASE_ENV} or asked twice)`,
  usage: '--db FILE',
  options: dbOption,
  async run(args) {
    const file = args.path('db');
    // Both are asked before opening, so the database is never held open while someone types.
    const current = await readPassphrase();
    const next = await readNewPassphrase(NEW_PASSPHRASE_ENV, 'New passphrase');
    await withDatabase(file, current, (database) => changePassphrase(database, current, next));
    return { data: { path: file }, lines: [`Passphrase changed for ${file}`] };
  },
};
