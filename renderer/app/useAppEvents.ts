import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { onEvent } from '../api/client';

/** Keeps cached data in step with main's events; returns why the database was last locked. */
export function useAppEvents() {
  const queryClient = useQueryClient();
  const [lockReason, setLockReason] = useState<'user' | 'idle' | null>(null);

  useEffect(() => {
    const unsubscribers = [
      onEvent('database:locked', ({ reason }) => {
        setLockReason(reason);
        void queryClient.resetQueries();
      }),
      onEvent('data:changed', () => void queryClient.invalidateQueries()),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [queryClient]);

  return { lockReason, clearLockReason: () => setLockReason(null) };
}
