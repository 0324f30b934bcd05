import { sql, type Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new numbered migration instead.
// Deleting, merging or exporting a person or company looks up the rows pointing at it by their
// foreign key (`person_id = ?`): the timeline indexes covered live activities only and so could not
// serve that, and people had no index on their company alone. Each such lookup scanned the table:
// undoing an import of 20 people into a base with 3,000,000 activities took 162 s. The timeline
// indexes now cover trashed activities too (the timeline filters them in the table, which it reads
// anyway); people get a narrow index by company; merged-away records one by survivor.
export async function up(db: Kysely<any>): Promise<void> {
  for (const owner of ['person', 'company'] as const) {
    const index = sql.id(`activities_of_${owner}`);
    const column = sql.id(`${owner}_id`);
    await sql`DROP INDEX ${index}`.execute(db);
    await sql`CREATE INDEX ${index} ON activities (${column}, occurred_at DESC, id DESC) WHERE ${column} IS NOT NULL`.execute(
      db,
    );
  }
  await sql`CREATE INDEX people_of_company ON people (company_id) WHERE company_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX people_merged_into ON people (merged_into_id) WHERE merged_into_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX companies_merged_into ON companies (merged_into_id) WHERE merged_into_id IS NOT NULL`.execute(
    db,
  );
}
