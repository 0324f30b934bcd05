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
