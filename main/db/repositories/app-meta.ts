import type { Executor } from './executor';

export const metaKeys = ['database_id', 'name', 'created_at', 'created_by_version'] as const;
export type MetaKey = (typeof metaKeys)[number];

export async function readMeta(db: Executor): Promise<Partial<Record<MetaKey, string>>> {
  const rows = await db.selectFrom('app_meta').select(['key', 'value']).execute();
  const known = new Set<string>(metaKeys);
  return Object.fromEntries(rows.filter((row) => known.has(row.key)).map((row) => [row.key, row.value]));
}

export async function writeMeta(db: Executor, values: Partial<Record<MetaKey, string>>): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    await db
      .insertInto('app_meta')
      .values({ key, value })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
      .execute();
  }
}
