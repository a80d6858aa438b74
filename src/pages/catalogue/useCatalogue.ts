/**
 * The catalogue list's data: first page, next pages by cursor, refresh; stale answers are dropped. A first page seen
 * before is shown at once from the device (issue 14) and marked as updating until the server's answer replaces it.
 */
import { useCallback, useRef, useState } from 'react';
import type { SearchCatalogueInput, SearchCatalogueResult } from '@shared/actions/catalogue';
import type { ProductListItem } from '@shared/product';
import type { Category } from '@shared/domain';
import { answeredNow, api, errorMessage } from '../../api/client';
import { queryKey, readCache, writeCache, type CachePolicy, type Freshness } from '../../utils/deviceCache';

export type Filters = Omit<SearchCatalogueInput, 'cursor' | 'limit'>;
type Status = 'loading' | 'ready' | 'error' | 'more';

const PAGE = 20;
/** First pages of the last few queries, for a week at most; bump `version` when SearchCatalogueResult changes shape. */
export const FIRST_PAGE_CACHE: CachePolicy = { version: 1, maxEntries: 8, maxAgeMs: 7 * 24 * 3600_000 };

export function useCatalogue() {
  // H5: when index.html's early request for the unfiltered first page is already answered, the first render shows it
  // (the server-rendered cards give way to the app's own in one frame, with no spinner between); load() then takes
  // that same answer.
  const [first] = useState(() => answeredNow('catalogue', 'search', { limit: PAGE }));
  const seeded = useRef(first !== null);
  const [items, setItems] = useState<ProductListItem[]>(first?.items ?? []);
  const [related, setRelated] = useState<ProductListItem[]>(first?.related ?? []);
  const [relatedCategory, setRelatedCategory] = useState<Category | undefined>(first?.relatedCategory);
  const [status, setStatus] = useState<Status>(first ? 'ready' : 'loading');
  const [error, setError] = useState('');
  const [moreError, setMoreError] = useState('');
  const [cursor, setCursor] = useState<string | null>(first?.nextCursor ?? null);
  const [freshness, setFreshness] = useState<Freshness>({ state: 'fresh' });
  const request = useRef(0);
  const filtersRef = useRef<Filters>({});
  // Read by loadMore through refs, so a reach-bottom handler registered on an earlier render still sees the latest page.
  const cursorRef = useRef<string | null>(first?.nextCursor ?? null);
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
    setMoreError('');
    // The first render already shows the server's answer for these filters: no saved copy, no spinner.
    const seed = seeded.current && queryKey(filters) === queryKey({});
    seeded.current = false;
    // Nearest first is never kept on the device: the person's location would be in the saved query.
    const keep = !filters.near;
    const saved = seed || !keep ? null : readCache<SearchCatalogueResult>('catalogue.first', FIRST_PAGE_CACHE, filters);
    if (seed) {
      setFreshness({ state: 'fresh' });
    } else if (saved) {
      // Shown at once, marked as updating; next pages wait for the fresh first page (busy stays true).
      setItems(saved.data.items);
      setRelated(saved.data.related ?? []);
      setRelatedCategory(saved.data.relatedCategory);
      cursorRef.current = saved.data.nextCursor;
      setCursor(saved.data.nextCursor);
      setFreshness({ state: 'updating', savedAt: saved.at });
      setStatus('ready');
    } else {
      setFreshness({ state: 'fresh' });
      setStatus('loading');
    }
    try {
      const page = await api('catalogue', 'search', { ...filters, limit: PAGE });
      if (id !== request.current) return;
      if (keep) writeCache('catalogue.first', FIRST_PAGE_CACHE, filters, { items: page.items, nextCursor: page.nextCursor, ...(page.related ? { related: page.related } : {}), ...(page.relatedCategory ? { relatedCategory: page.relatedCategory } : {}) });
      setItems(page.items);
      setRelated(page.related ?? []);
      setRelatedCategory(page.relatedCategory);
      setFreshness({ state: 'fresh' });
      settle(id, page.nextCursor);
    } catch (e) {
      if (id !== request.current) return;
      busy.current = false;
      if (saved) {
        // Keep showing the saved page, saying plainly that it could not be updated.
        setFreshness({ state: 'outdated', savedAt: saved.at });
        return;
      }
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

  return { items, related, relatedCategory, status, error, moreError, freshness, hasMore: cursor !== null, load, loadMore, reload: () => load(filtersRef.current) };
}
