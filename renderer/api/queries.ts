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
 * Saves the record a detail page shows (read through `read` with `readInput`), a field at a time.
 * A save is built from the record as the page holds it when the save runs, and saves of one record
 * run one after another: a second field saved right after the first names the version the first
 * produced. The saved record is the page's copy at once (a read in flight is dropped, it would
 * bring the old version back). After a failure (a colleague's change: Conflict) the record is read
 * again, so the next try starts from the latest. The other channels named are refetched.
 */
export function useRecordSave<C extends Channel, R extends Channel>(
  channel: C,
  read: R,
  readInput: ChannelInput<R>,
  invalidates: readonly Channel[] = [],
) {
  const queryClient = useQueryClient();
  const key = [read, readInput];
  return useMutation<ChannelOutput<C>, Error, (record: ChannelOutput<R>) => ChannelInput<C>>({
    scope: { id: JSON.stringify(key) },
    mutationFn: (build) => {
      const record = queryClient.getQueryData<ChannelOutput<R>>(key);
      if (record === undefined) throw new Error(`${read} is not loaded`);
      return call(channel, build(record));
    },
    onSuccess: async (saved) => {
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData(key, saved);
      await Promise.all(invalidates.map((channel) => queryClient.invalidateQueries({ queryKey: [channel] })));
    },
    onError: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

/** After the open database changes (create, unlock, lock, close), every cached answer is stale. */
export function useResetAfterDatabaseChange() {
  const queryClient = useQueryClient();
  return () => queryClient.resetQueries();
}
