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
  const [status, setStatus] = useState<Status>('loading');
  const [error, setError] = useState('');
  const [moreError, setMoreError] = useState('');
  const [cursor, setCursor] = useState<string | null>(null);
  const request = useRef(0);
  const filtersRef = useRef<Filters>({});
  // Read by loadMore through refs, so a reach-bottom handler registered on an earlier render still sees the latest page.
  const cursorRef = useRef<string | null>(null);
  const busy = useRef(true);
  // The bottom was reached while a page was loading (a short page on a slow link): load on as soon as it arrives.
  const wanted = useRef(false);
  const moreRef = useRef<() => Promise<void>>(async () => undefined);

  const settle = (id: number, next: string | null | undefined) => {
    if (id !== request.current) return false;
    if (next !== undefined) {
      cursorRef.current = next;
      setCursor(next);
    }
    busy.current = false;
    setStatus('ready');
    if (wanted.current && cursorRef.current) {
      wanted.current = false;
      void moreRef.current();
    }
    return true;
  };

  const load = useCallback(async (filters: Filters) => {
    const id = ++request.current;
    filtersRef.current = filters;
    busy.current = true;
    wanted.current = false;
    setStatus('loading');
    setMoreError('');
    try {
      const page = await api('catalogue', 'search', { ...filters, limit: PAGE });
      if (id !== request.current) return;
      setItems(page.items);
      settle(id, page.nextCursor);
    } catch (e) {
      if (id !== request.current) return;
      busy.current = false;
      setError(errorMessage(e));
      setStatus('error');
    }
  }, []);

  const loadMore = useCallback(async () => {
    const cursor = cursorRef.current;
    if (!cursor) return;
    if (busy.current) {
      wanted.current = true;
      return;
    }
    const id = ++request.current;
    busy.current = true;
    setStatus('more');
    setMoreError('');
    try {
      const page = await api('catalogue', 'search', { ...filtersRef.current, cursor, limit: PAGE });
      if (id !== request.current) return;
      setItems((prev) => [...prev, ...page.items]);
      settle(id, page.nextCursor);
    } catch (e) {
      if (id !== request.current) return;
      setMoreError(errorMessage(e));
      settle(id, undefined);
    }
  }, []);
  moreRef.current = loadMore;

  return { items, status, error, moreError, hasMore: cursor !== null, load, loadMore, reload: () => load(filtersRef.current) };
}
