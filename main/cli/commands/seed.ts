import fs from 'node:fs';
import { AppError } from '../../../shared/errors';
import { createDatabase, openDatabase, type OpenDatabase } from '../../services/encrypted-database';
import type { SeedProgress } from '../../seed/progress';
import { planSeed, seedDatabase, type SeedPlan } from '../../seed/seed-database';
import { dbOption, type CommandArgs, type Command } from '../command';
import { databaseNameFromFile } from '../database';
import { alignRows, formatBytes } from '../output';
import { PASSPHRASE_ENV, readNewPassphrase, readPassphrase } from '../passphrase';

function count(args: CommandArgs, name: string): number | undefined {
  const value = args.string(name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new AppError('InvalidInput', `--${name} must be a whole number, not "${value}"`);
  return Number(value);
}

const STEP_NAMES: Record<string, string> = {
  indexes: 'building indexes',
  commit: 'writing to disk',
  searchIndex: 'merging the search index',
};

function printProgress(progress: SeedProgress): void {
  if (progress.kind === 'step') {
    console.error(`Seeding: ${STEP_NAMES[progress.phase] ?? progress.phase}...`);
    return;
  }
  const done = progress.done.toLocaleString('en');
  const total = progress.total.toLocaleString('en');
  const rate = progress.rowsPerSecond.toLocaleString('en');
  console.error(`Seeding ${progress.phase}: ${done} of ${total} (${rate} rows/s)`);
}

function seconds(ms: number | undefined): string {
  return `${((ms ?? 0) / 1000).toFixed(1)} s`;
}

/** An existing file is opened with its passphrase; a missing one is created with a new one. */
async function openOrCreate(file: string): Promise<OpenDatabase> {
  if (fs.existsSync(file)) return openDatabase(file, await readPassphrase());
  const passphrase = await readNewPassphrase(PASSPHRASE_ENV, 'New passphrase');
  return createDatabase(file, databaseNameFromFile(file), passphrase);
}

export const seed: Command = {
  name: 'seed',
  summary: 'Fill a database with realistic test data (creates the file if missing, appends to existing data)',
  usage: '--db FILE --people N [--companies N] [--activities N] [--users N] [--seed TEXT]',
  options: {
    ...dbOption,
    people: { type: 'string' },
    companies: { type: 'string' },
    activities: { type: 'string' },
    users: { type: 'string' },
    seed: { type: 'string' },
  },
  async run(args) {
    const file = args.path('db');
    const people = count(args, 'people');
    if (people === undefined) throw new AppError('InvalidInput', 'Missing required option --people N');
    // Checked before the passphrase is asked, so a typo fails at once.
    const plan: SeedPlan = planSeed({
      people,
      companies: count(args, 'companies'),
      activities: count(args, 'activities'),
      users: count(args, 'users'),
      seed: args.string('seed'),
    });
    // The CLI takes --json out before commands parse their options; progress would only clutter a script's stderr.
    const quiet = process.argv.includes('--json');
    const database = await openOrCreate(file);
    try {
      const summary = await seedDatabase(database, { ...plan, onProgress: quiet ? undefined : printProgress });
      const sizeBytes = fs.statSync(database.path).size;
      const { phases } = summary;
      const rowsMs = (phases.users ?? 0) + (phases.companies ?? 0) + (phases.people ?? 0) + (phases.activities ?? 0);
      return {
        data: {
          path: database.path,
          users: summary.users,
          companies: summary.companies,
          people: summary.people,
          activities: summary.activities,
          contactPoints: summary.contactPoints,
          addresses: summary.addresses,
          tagLinks: summary.tagLinks,
          sizeBytes,
          phases,
        },
        lines: [
          `Seeded ${database.path}`,
          ...alignRows([
            ['People:', String(summary.people)],
            ['Companies:', String(summary.companies)],
            ['Activities:', String(summary.activities)],
            ['Users:', String(summary.users)],
            ['Phones and e-mails:', String(summary.contactPoints)],
            ['Addresses:', String(summary.addresses)],
            ['Tag links:', String(summary.tagLinks)],
            ['File size:', formatBytes(sizeBytes)],
            ['Rows:', seconds(rowsMs)],
            ['Indexes:', seconds(phases.indexes)],
            ['Commit:', seconds(phases.commit)],
            ['Search index merge:', seconds(phases.searchIndex)],
            ['Total:', seconds(summary.elapsedMs)],
          ]),
        ],
      };
    } finally {
      await database.close();
    }
  },
};
