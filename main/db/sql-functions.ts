import { foldText } from '../../shared/text/fold';
import type { SqliteConnection } from './open';

/**
 * App functions every connection gets. `kartoteka_fold` lets bulk SQL (index rebuilds, sort keys)
 * fold text exactly like the app does in JS: SQLite's lower() knows ASCII only.
 */
export function registerSqlFunctions(connection: SqliteConnection): void {
  connection.function('kartoteka_fold', { deterministic: true }, (text: unknown) =>
    text === null || text === undefined ? null : foldText(String(text)),
  );
}
