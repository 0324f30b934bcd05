import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { call } from './client';

/** Query keys are channel names: invalidating a channel refetches everything read through it. */
export function useChannelQuery<C extends Channel>(channel: C, input: ChannelInput<C>, enabled = true) {
  return useQuery({ queryKey: [channel, input], queryFn: () => call(channel, input), enabled });
}

/**
 * A record to edit: always read again when the form opens, never from the cache alone, so the form
 * starts from the version it will send back (an older cached copy would overwrite a colleague's edit).
 */
export function useRecordToEdit<C extends Channel>(channel: C, input: ChannelInput<C>, enabled: boolean) {
  const query = useQuery({
    queryKey: [channel, input],
    queryFn: () => call(channel, input),
    enabled,
    refetchOnMount: 'always',
  });
  // Pending (QueryState shows the loader) until read after mount. Later refetches (after the save)
  // must not take the form away: its save callback would be lost with it.
  return { ...query, isPending: query.isPending || (!query.isFetchedAfterMount && !query.isError) } as typeof query;
}

export const useAppInfo = () => useChannelQuery('app:info', {});
export const useSettings = () => useChannelQuery('settings:get', {});
export const useDatabaseStatus = () => useChannelQuery('database:status', {});
export const useDatabaseInfo = (enabled = true) => useChannelQuery('database:info', {}, enabled);

/**
 * A mutation over one channel; on success it refetches the channels it names
 * (settings and status are what most actions change).
 */
export function useChannelMutation<C extends Channel>(channel: C, invalidates: readonly Channel[] = []) {
  const queryClient = useQueryClient();
  return useMutation<ChannelOutput<C>, Error, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: async () => {
      await Promise.all(invalidates.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
  });
}

/**
 * Saves the record a detail page shows (read through `read` with `readInput`), a field at a time:
 * the page's copy becomes the saved record at once, so an edit right after names the new version.
 * After a failure (a colleague's change: Conflict) the record is read again, so the next try
 * starts from the latest. The other channels named are refetched (lists, related records).
 */
export function useRecordSave<C extends Channel, R extends Channel>(
  channel: C,
  read: R,
  readInput: ChannelInput<R>,
  invalidates: readonly Channel[] = [],
) {
  const queryClient = useQueryClient();
  return useMutation<ChannelOutput<C>, Error, ChannelInput<C>>({
    mutationFn: (input) => call(channel, input),
    onSuccess: async (saved) => {
      queryClient.setQueryData([read, readInput], saved);
      await Promise.all(invalidates.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
    onError: async () => {
      await queryClient.invalidateQueries({ queryKey: [read, readInput] });
    },
  });
}

/** After the open database changes (create, unlock, lock, close), every cached answer is stale. */
export function useResetAfterDatabaseChange() {
  const queryClient = useQueryClient();
  return () => queryClient.resetQueries();
}
