import { call } from '../../api/client';
import { useChannelQuery } from '../../api/queries';
import { MergeHistoryCard } from '../duplicates/MergeHistoryCard';

/** Companies merged into this one, each with "Unmerge". Hidden when there are none. */
export function CompanyMergeHistory({ companyId }: { companyId: number }) {
  const merges = useChannelQuery('companies:merges', { companyId });
  return (
    <MergeHistoryCard
      entity="company"
      merges={merges.data}
      unmerge={(mergeId, force) => call('companies:unmerge', { mergeId, force })}
    />
  );
}
