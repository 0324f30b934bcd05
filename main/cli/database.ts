import path from 'node:path';
import { CreateDatabaseRequest } from '../../shared/domain/database';
import { openDatabase, type OpenDatabase } from '../services/encrypted-database';

/** Opens like the app does (pending migrations included) and always closes, whatever `use` does. */
export async function withDatabase<T>(
  filePath: string,
  passphrase: string,
  use: (database: OpenDatabase) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(filePath, passphrase);
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

const NAME_LENGTH = CreateDatabaseRequest.shape.name.maxLength ?? Infinity;
/** The last separator with the word it starts: the part that doesn't fit is cut there. */
const LAST_WORD = /[\s_.-]+[^\s_.-]*$/u;

/**
 * A new database's name from its file's ("clients" for clients.kartoteka). File names may be longer
 * than names: one that doesn't fit is cut at its last whole word, or mid-word if it is one word.
 */
export function databaseNameFromFile(file: string): string {
  const name = path.basename(file, path.extname(file)).trim();
  if (name.length <= NAME_LENGTH) return name;
  // One character more, so a word ending right at the limit is kept whole.
  const head = name.slice(0, NAME_LENGTH + 1);
  const words = head.replace(LAST_WORD, '');
  if (words !== head && words !== '') return words;
  const cut = name.slice(0, NAME_LENGTH);
  // Never half of a character written as two UTF-16 units (an emoji).
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
