import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

/** What repository functions take first: the database, or a transaction the service opened. */
export type Executor = Kysely<Database> | Transaction<Database>;
