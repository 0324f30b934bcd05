import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { DEFAULT_COUNTRY } from '../../../shared/domain/settings';
import { exportDatabase, exportRecords } from '../../export/export-service';
import { dbOption, type Command } from '../command';
import { withDatabase } from '../database';
import { readPassphrase } from '../passphrase';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export people, companies or the whole database to .xlsx or .csv',
  usage:
    '--db FILE --entity people|companies|all --out FILE.xlsx|.csv [--encoding utf-8|windows-1251] [--lang ru|en] [--for-editing] [--replace]',
  options: {
    ...dbOption,
    entity: { type: 'string' },
    out: { type: 'string' },
    encoding: { type: 'string' },
    lang: { type: 'string' },
    'for-editing': { type: 'boolean' },
    replace: { type: 'boolean' },
  },
  async run(args) {
    const file = args.path('db');
    const out = args.path('out');
    const entity = args.string('entity') ?? 'all';
    if (!['people', 'companies', 'all'].includes(entity)) {
      throw new AppError('InvalidInput', '--entity must be people, companies or all');
    }
    const extension = path.extname(out).toLowerCase();
    // The file's name says what it holds: a ".txt" of xlsx bytes would open as garbage.
    if (extension !== '.csv' && extension !== '.xlsx')
      throw new AppError('InvalidInput', '--out must end in .xlsx or .csv');
    const csv = extension === '.csv';
    if (entity === 'all' && csv) throw new AppError('InvalidInput', 'A whole-database export is one .xlsx workbook');
    if (entity === 'all' && (args.flag('for-editing') || args.string('encoding') !== undefined)) {
      throw new AppError('InvalidInput', '--for-editing and --encoding are for one list, not the whole database');
    }
    // An existing file is replaced only when asked: a mistyped --out must not destroy one.
    const replace = args.flag('replace');
    const encoding = args.string('encoding') ?? 'utf-8';
    if (encoding !== 'utf-8' && encoding !== 'windows-1251')
      throw new AppError('InvalidInput', '--encoding must be utf-8 or windows-1251');
    const language = args.string('lang') ?? 'ru';
    if (language !== 'ru' && language !== 'en') throw new AppError('InvalidInput', '--lang must be ru or en');
    const passphrase = await readPassphrase();
    return withDatabase(file, passphrase, async (database) => {
      const started = performance.now();
      const { rows, unencodable = 0 } =
        entity === 'all'
          ? await exportDatabase(database.db, { path: out, replace, language })
          : await exportRecords(
              database.db,
              {
                entity: entity === 'people' ? 'person' : 'company',
                target: null,
                columns: null,
                format: csv ? { kind: 'csv', encoding } : { kind: 'xlsx' },
                forEditing: args.flag('for-editing'),
                path: out,
                replace,
                language,
              },
              { now: () => new Date(), defaultCountry: DEFAULT_COUNTRY },
            );
      const exportMs = Math.round(performance.now() - started);
      const lost = unencodable > 0 ? ` (${unencodable} characters Windows-1251 lacks written as "?")` : '';
      return {
        data: { out, rows, unencodable, exportMs },
        lines: [`Wrote ${rows} rows to ${out} in ${exportMs} ms${lost}`],
      };
    });
  },
};
