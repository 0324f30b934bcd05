import { sql } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Migration } from '../../migrations';
import type { AppDb } from './kysely';
import { readSchemaVersion, type SqliteConnection } from './open';

export type PlannedMigration = { name: string; version: number; migration: Migration };

const MIGRATION_NAME = /^(\d{4})_[a-z0-9_]+$/;

/** Orders the registry and proves it has no gaps, duplicates or badly named entries. */
export function planMigrations(registry: Record<string, Migration>): PlannedMigration[] {
  const planned = Object.entries(registry)
    .map(([name, migration]) => {
      const match = MIGRATION_NAME.exec(name);
      if (!match?.[1]) throw new Error(`Migration "${name}" is not named NNNN_snake_case`);
      return { name, version: Number(match[1]), migration };
    })
    .sort((a, b) => a.version - b.version);
  planned.forEach((entry, index) => {
    if (entry.version !== index + 1) {
      throw new Error(`Migrations must be numbered 1..N without gaps; found ${entry.name} at position ${index + 1}`);
    }
  });
  return planned;
}

export type MigrationOutcome = { fromVersion: number; toVersion: number; applied: string[] };

export type MigrateOptions = {
  /** Called once, before the first pending migration, when the file already holds data. */
  beforeMigratingExisting?: (fromVersion: number, toVersion: number) => void;
};

export function assertNotNewer(connection: SqliteConnection, latestVersion: number): number {
  const version = readSchemaVersion(connection);
  if (version > latestVersion) {
    throw new AppError(
      'DatabaseFromNewerVersion',
      `This database was made by a newer Kartoteka (schema ${version}; this version knows up to ${latestVersion}). Update the app to open it.`,
      { fileVersion: version, appVersion: latestVersion },
    );
  }
  return version;
}

/**
 * Applies pending migrations, each in its own BEGIN IMMEDIATE transaction together with the
 * user_version bump, so a crash leaves the file at a whole version.
 */
export async function migrateToLatest(
  db: AppDb,
  connection: SqliteConnection,
  registry: Record<string, Migration>,
  options: MigrateOptions = {},
): Promise<MigrationOutcome> {
  const plan = planMigrations(registry);
  const latest = plan.length;
  const fromVersion = assertNotNewer(connection, latest);
  const pending = plan.filter((entry) => entry.version > fromVersion);
  if (pending.length > 0 && fromVersion > 0) options.beforeMigratingExisting?.(fromVersion, latest);
  for (const entry of pending) {
    try {
      await db.transaction().execute(async (trx) => {
        await entry.migration.up(trx);
        await sql.raw(`PRAGMA user_version = ${entry.version}`).execute(trx);
      });
    } catch (error) {
      throw new AppError('MigrationFailed', `Migration ${entry.name} failed: ${String(error)}`, {
        migration: entry.name,
      });
    }
  }
  return { fromVersion, toVersion: latest, applied: pending.map((entry) => entry.name) };
}
