import { call } from '../../api/client';
import { useChannelQuery } from '../../api/queries';
import { MergeHistoryCard } from '../duplicates/MergeHistoryCard';

/** People merged into this one, each with "Unmerge". Hidden when there are none. */
export function MergeHistory({ personId }: { personId: number }) {
  const merges = useChannelQuery('people:merges', { personId });
  return (
    <MergeHistoryCard
      entity="person"
      merges={merges.data}
      unmerge={(mergeId, force) => call('people:unmerge', { mergeId, force })}
    />
  );
}
