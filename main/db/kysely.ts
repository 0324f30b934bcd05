import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
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

class ImmediateTransactionDialect extends SqliteDialect {
  readonly #connection: SqliteConnection;

  constructor(connection: SqliteConnection) {
    super({ database: connection });
    this.#connection = connection;
  }

  override createDriver(): Driver {
    return new ImmediateTransactionDriver({ database: this.#connection });
  }
}

export type AppDb = Kysely<Database>;

export function createKysely(connection: SqliteConnection): AppDb {
  return new Kysely<Database>({ dialect: new ImmediateTransactionDialect(connection) });
}
