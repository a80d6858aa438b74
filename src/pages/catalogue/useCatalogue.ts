/** The catalogue list's data: first page, next pages by cursor, refresh; stale answers are dropped. */
import { useCallback, useRef, useState } from 'react';
import type { SearchCatalogueInput } from '@shared/actions/catalogue';
import type { ProductListItem } from '@shared/product';
import { api, errorMessage } from '../../api/client';

export type Filters = Omit<SearchCatalogueInput, 'cursor' | 'limit'>;
type Status = 'loading' | 'ready' | 'error' | 'more';

const PAGE = 20;

export function useCatalogue() {
  const [items, setItems] = useState<ProductListItem[]>([]);
  const [related, setRelated] = useState<ProductListItem[]>([]);
  const [status, setStatus] = useState<Status>('loading');
  const [error, setError] = useState('');
  const [moreError, setMoreError] = useState('');
  const [cursor, setCursor] = useState<string | null>(null);
  const request = useRef(0);
  const filtersRef = useRef<Filters>({});

  const load = useCallback(async (filters: Filters) => {
    const id = ++request.current;
    filtersRef.current = filters;
    setStatus('loading');
    setMoreError('');
    try {
      const page = await api('catalogue', 'search', { ...filters, limit: PAGE });
      if (id !== request.current) return;
      setItems(page.items);
      setRelated(page.related ?? []);
      setCursor(page.nextCursor);
      setStatus('ready');
    } catch (e) {
      if (id !== request.current) return;
      setError(errorMessage(e));
      setStatus('error');
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (!cursor || status !== 'ready') return;
    const id = ++request.current;
    setStatus('more');
    setMoreError('');
    try {
      const page = await api('catalogue', 'search', { ...filtersRef.current, cursor, limit: PAGE });
      if (id !== request.current) return;
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      if (id !== request.current) return;
      setMoreError(errorMessage(e));
    }
    if (id === request.current) setStatus('ready');
  }, [cursor, status]);

  return { items, related, status, error, moreError, hasMore: cursor !== null, load, loadMore, reload: () => load(filtersRef.current) };
}
