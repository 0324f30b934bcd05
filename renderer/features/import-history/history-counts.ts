import type { ImportSummary } from '../../../shared/domain/imports';

export type HistoryCounts = { created: number; updated: number; skipped: number };

/** What an import did, over people and companies; companies created for people count as created. */
export function historyCounts(summary: ImportSummary): HistoryCounts {
  const { people, companies } = summary;
  return {
    created: people.create + companies.create + summary.linkedCompaniesCreated,
    updated: people.update + companies.update,
    skipped: people.skip + companies.skip,
  };
}
