import { search as searchClientBase } from '../../services/search-service';
import { dbOption, type Command } from '../command';
import { withDatabase } from '../database';
import { alignRows } from '../output';
import { readPassphrase } from '../passphrase';
import { AppError } from '../../../shared/errors';

export const search: Command = {
  name: 'search',
  summary: 'Find people and companies like the search box does (name, phone in any format, e-mail, city, tag)',
  usage: '--db FILE "QUERY" [--limit N] [--country RU]',
  options: { ...dbOption, limit: { type: 'string' }, country: { type: 'string' } },
  positionals: 'QUERY',
  async run(args) {
    const file = args.path('db');
    const query = args.positionals.join(' ').trim();
    if (query === '') throw new AppError('InvalidInput', 'Give the text to search for, e.g. search --db FILE "Иванов"');
    const limit = args.integer('limit', 20, 1, 100);
    const defaultCountry = args.country('country');
    const passphrase = await readPassphrase();
    return withDatabase(file, passphrase, async (database) => {
      const started = performance.now();
      const hits = await searchClientBase(database.db, query, { limit, types: ['person', 'company'], defaultCountry });
      const elapsedMs = Math.round((performance.now() - started) * 100) / 100;
      return {
        data: { query, hits, searchMs: elapsedMs },
        lines: [
          `${hits.length} match(es) for "${query}" in ${elapsedMs} ms`,
          ...alignRows(
            hits.map((hit) => [
              `${hit.type} #${hit.id}`,
              hit.detail ? `${hit.displayName} (${hit.detail})` : hit.displayName,
            ]),
            '  ',
          ),
        ],
      };
    });
  },
};
