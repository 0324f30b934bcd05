import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';
import type { Database } from './schema';
import type { SqliteConnection } from './open';

/**
 * Kysely opens transactions with a plain BEGIN (deferred), which on a shared file lets two
 * writers both read and then deadlock on upgrade; Kysely has no option for it (kysely#1152),
 * so the driver starts every transaction with BEGIN IMMEDIATE instead.
 */
class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
  }
}

/** Write statements kept prepared: bulk paths repeat the same multi-row insert thousands of times. */
const CACHED_STATEMENTS = 64;

/**
 * Kysely prepares every query afresh; preparing a 500-row insert costs about as much as running it.
 * Only writes are cached: a read may be mid-iteration (streamed) when the same SQL runs again,
 * and a busy statement can't be re-run.
 */
function withStatementCache(connection: SqliteConnection): SqliteDatabase {
  const writes = new Map<string, SqliteStatement>();
  return {
    close: () => connection.close(),
    prepare(source) {
      const cached = writes.get(source);
      if (cached) {
        // Least recently used goes first when the cache is full.
        writes.delete(source);
        writes.set(source, cached);
        return cached;
      }
      const statement = connection.prepare(source);
      if (!statement.reader) {
        writes.set(source, statement);
        if (writes.size > CACHED_STATEMENTS) writes.delete(writes.keys().next().value!);
      }
      return statement;
    },
  };
}

class ImmediateTransactionDialect extends SqliteDialect {
  readonly #database: SqliteDatabase;

  constructor(connection: SqliteConnection) {
    const database = withStatementCache(connection);
    super({ database });
    this.#database = database;
  }

  override createDriver(): Driver {
    return new ImmediateTransactionDriver({ database: this.#database });
  }
}

export type AppDb = Kysely<Database>;

export function createKysely(connection: SqliteConnection): AppDb {
  return new Kysely<Database>({ dialect: new ImmediateTransactionDialect(connection) });
}
