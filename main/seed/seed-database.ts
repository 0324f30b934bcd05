/**
 * Fills a database with realistic, reproducible test data, fast enough for a million people: rows go
 * in through prepared statements in one transaction with the secondary indexes dropped and rebuilt
 * afterwards; each search document is written with its row (no pass reading the rows back) and the
 * full-text index merged once at the end, before the single commit. New rows get ids after the
 * current maximum, so seeding a database that already has data appends to it.
 */
import os from 'node:os';
import { AppError } from '../../shared/errors';
import { createIndexes, dropIndexes } from '../db/bulk-indexes';
import { beginBulkSearchIndexing, endBulkSearchIndexing } from '../db/search-index';
import type { OpenDatabase } from '../services/encrypted-database';
import { generateActivities } from './activities';
import { generateCompanies } from './companies';
import type { SeedContext } from './context';
import { generatePeople } from './people';
import { ProgressMeter, type ProgressListener } from './progress';
import { ensureSeedTags } from './tags';
import { generateUsers } from './users';
import { createWriter, type RowCounts } from './writer';

export type SeedRequest = {
  people: number;
  /** Default: people / 5. */
  companies?: number;
  /** Default: people × 3. */
  activities?: number;
  /** Default: 8. */
  users?: number;
  /** The same seed (and the same `now`) gives the same data. */
  seed?: string;
};

export type SeedPlan = Required<SeedRequest>;

export type SeedOptions = SeedRequest & {
  /** Generated times lie in the years before this; default: the start of today (UTC). */
  now?: Date;
  onProgress?: ProgressListener;
};

export type SeedSummary = RowCounts & {
  elapsedMs: number;
  /** Milliseconds per phase, in the order they ran. */
  phases: Record<string, number>;
};

export const DEFAULT_SEED = 'kartoteka';
export const DEFAULT_USERS = 8;
const LIMITS = { people: 10_000_000, companies: 10_000_000, activities: 100_000_000, users: 1000 };

// Tables whose indexes are rebuilt after the load rather than kept up to date row by row.
const BULK_TABLES = ['companies', 'people', 'contact_points', 'addresses', 'person_tags', 'company_tags', 'activities'];
// Page cache of the seed connection (KiB), an upper bound: SQLite takes pages as it needs them. The
// whole new file should stay decrypted in memory until the commit (the benchmark's base of 1M people
// and 3M activities is 2.7 GB): a smaller cache writes pages out mid-way and decrypts them again for
// every index build. That base took 163–175 s with 1 GiB and 121 s with 6 GiB here.
const MIN_SEED_CACHE_KIB = 256 * 1024;
const MAX_SEED_CACHE_KIB = 8 * 1024 * 1024;

/** Half of the memory free now, within bounds: room for the rest of the machine. */
function seedCacheKib(): number {
  const halfFreeKib = Math.floor(os.freemem() / 2 / 1024);
  return Math.min(MAX_SEED_CACHE_KIB, Math.max(MIN_SEED_CACHE_KIB, halfFreeKib));
}

function checkCount(name: keyof typeof LIMITS, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > LIMITS[name]) {
    throw new AppError('InvalidInput', `--${name} must be a whole number from 0 to ${LIMITS[name]}`);
  }
  return value;
}

function startOfTodayUtc(): Date {
  const today = new Date();
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
}

function nextId(database: OpenDatabase, table: string): number {
  return database.connection.prepare(`SELECT coalesce(max(id), 0) + 1 FROM ${table}`).pluck().get() as number;
}

/** Milliseconds per phase, in the order they ran. */
class PhaseTimes {
  readonly phases: Record<string, number> = {};

  async run<T>(name: string, phase: () => T | Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await phase();
    } finally {
      this.phases[name] = Math.round(performance.now() - started);
    }
  }
}

/** Fills in the defaults and checks the counts. */
export function planSeed(request: SeedRequest): SeedPlan {
  const people = checkCount('people', request.people);
  const plan: SeedPlan = {
    people,
    companies: checkCount('companies', request.companies ?? Math.floor(people / 5)),
    activities: checkCount('activities', request.activities ?? people * 3),
    users: checkCount('users', request.users ?? DEFAULT_USERS),
    seed: request.seed ?? DEFAULT_SEED,
  };
  if (plan.activities > 0 && plan.people === 0 && plan.companies === 0) {
    throw new AppError('InvalidInput', 'Activities need people or companies to belong to');
  }
  return plan;
}

export async function seedDatabase(database: OpenDatabase, options: SeedOptions): Promise<SeedSummary> {
  const plan = planSeed(options);
  const started = performance.now();
  const times = new PhaseTimes();
  const { connection } = database;
  const writer = createWriter(connection);
  const rowsWritten = () => Object.values(writer.counts).reduce((sum, count) => sum + count, 0);
  const progress = new ProgressMeter(rowsWritten, options.onProgress);
  const context: SeedContext = {
    writer,
    seed: plan.seed,
    now: (options.now ?? startOfTodayUtc()).getTime(),
    userIds: [],
    tagIds: [],
    tagNames: new Map(),
    progress,
  };
  const saved = {
    cacheSize: connection.pragma('cache_size', { simple: true }) as number,
    tempStore: connection.pragma('temp_store', { simple: true }) as number,
    foreignKeys: connection.pragma('foreign_keys', { simple: true }) as number,
  };
  connection.pragma(`cache_size = -${seedCacheKib()}`);
  // Index sorts stay in memory: a sorter spilling to a temp file would write it unencrypted.
  connection.pragma('temp_store = MEMORY');
  // Every generated child row points at a parent generated before it: looking each one up again costs
  // a third of the activities' insert time. (A no-op inside a transaction: set before BEGIN.)
  connection.pragma('foreign_keys = OFF');
  try {
    connection.exec('BEGIN IMMEDIATE');
    try {
      const indexes = await dropIndexes(database.db, { tables: BULK_TABLES });
      beginBulkSearchIndexing(connection);
      await times.run('users', () => {
        context.userIds = generateUsers(context, nextId(database, 'users'), plan.users);
        context.tagNames = ensureSeedTags(connection);
        context.tagIds = [...context.tagNames.keys()];
      });
      const companyFacts = await times.run('companies', () =>
        generateCompanies(context, nextId(database, 'companies'), plan.companies),
      );
      const peopleFacts = await times.run('people', () =>
        generatePeople(context, nextId(database, 'people'), plan.people, companyFacts),
      );
      await times.run('activities', () =>
        generateActivities(context, nextId(database, 'activities'), plan.activities, peopleFacts, companyFacts),
      );
      // The steps below are single long statements: announced, since they report nothing while they run.
      progress.step('indexes');
      await times.run('indexes', () => createIndexes(database.db, indexes));
      progress.step('searchIndex');
      await times.run('searchIndex', () => endBulkSearchIndexing(connection));
      progress.step('commit');
      await times.run('commit', () => connection.exec('COMMIT'));
    } catch (error) {
      if (connection.inTransaction) connection.exec('ROLLBACK');
      throw error;
    }
  } finally {
    connection.pragma(`cache_size = ${saved.cacheSize}`);
    connection.pragma(`temp_store = ${saved.tempStore}`);
    connection.pragma(`foreign_keys = ${saved.foreignKeys}`);
  }
  return { ...writer.counts, elapsedMs: Math.round(performance.now() - started), phases: times.phases };
}
