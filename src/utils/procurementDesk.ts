/** The purchaser's and the provider's desks read the same two lists: purchases and tailoring requests. */
import { useCallback, useEffect, useState } from 'react';
import type { ProcurementApi } from '@shared/actions/procurement';
import { api, errorMessage } from '../api/client';

export type DeskData = { mine: ProcurementApi['mine'][1]; custom: ProcurementApi['customRequests'][1] };

export function useProcurementDesk(): { data: DeskData | null; error: string; load: () => Promise<void> } {
  const [data, setData] = useState<DeskData | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    setError('');
    try {
      const [mine, custom] = await Promise.all([api('procurement', 'mine', {}), api('procurement', 'customRequests', {})]);
      setData({ mine, custom });
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    load();
  }, [load]);
  return { data, error, load };
}
