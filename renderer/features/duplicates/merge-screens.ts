import type { MergeEntity } from '../../../shared/domain/duplicates';
import type { Channel } from '../../../shared/ipc/channels';

/** Where each mergeable entity's screens live and which cached lists a merge makes stale. */
export const mergeScreens = {
  person: { listPath: '/people', backKey: 'people.backToList', listChannels: ['people:count', 'people:list'] },
  company: {
    listPath: '/companies',
    backKey: 'companies.backToList',
    listChannels: ['companies:count', 'companies:list', 'people:list'],
  },
} as const satisfies Record<MergeEntity, { listPath: string; backKey: string; listChannels: readonly Channel[] }>;
