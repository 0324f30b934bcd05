import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BulkAction, BulkResult, BulkTarget } from '../../../shared/domain/bulk';
import { call } from '../../api/client';

/**
 * Runs one bulk action at a time on people or companies: busy while it runs, its error kept for
 * the bar to show, every query refreshed after. Resolves to the result, or null when it failed.
 */
export function useBulkAction(entity: 'people' | 'companies') {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run(target: BulkTarget, action: BulkAction): Promise<BulkResult | null> {
    setBusy(true);
    setError(null);
    try {
      const result = await call(`${entity}:bulk`, { target, action });
      await queryClient.invalidateQueries();
      return result;
    } catch (caught) {
      setError(caught);
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { run, busy, error };
}
