/**
 * A staff list's records, read page by page through the server's cursors. At a desk every page is read (the table
 * sorts, searches and counts the whole list in the browser; 10,000 records are 100 requests of 100), showing the
 * first page at once; on a phone one page is read at a time, the next when the person asks for more.
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { errorMessage } from '../../api/client';

export interface RowsPage<R> {
  items: R[];
  /** The cursor of the next page; null or absent at the end. */
  next?: string | null;
}
export type PageLoader<R> = (cursor: string | undefined) => Promise<RowsPage<R>>;

/** A list longer than this is cut (and says so): the desk is not an export. */
export const MAX_ROWS = 20000;

export interface Rows<R> {
  rows: R[] | null;
  error: string;
  /** Every page has been read. */
  complete: boolean;
  /** Reads the next page (phone: 加载更多). */
  more: () => void;
  /** Reads the list again from the start (after a change). */
  reload: () => Promise<void>;
}

export function useRows<R>(loader: PageLoader<R>, deps: DependencyList, { all }: { all: boolean }): Rows<R> {
  const [rows, setRows] = useState<R[] | null>(null);
  const [error, setError] = useState('');
  const [complete, setComplete] = useState(false);
  const generation = useRef(0);
  const cursor = useRef<string | undefined>(undefined);
  const busy = useRef(false);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback(loader, deps);

  const read = useCallback(
    async (from: R[], next: string | undefined, everything: boolean, gen: number) => {
      busy.current = true;
      let list = from;
      let at = next;
      try {
        for (;;) {
          const page = await load(at);
          if (gen !== generation.current) return;
          list = list.concat(page.items);
          at = page.next ?? undefined;
          cursor.current = at;
          setRows(list);
          if (!at || list.length >= MAX_ROWS) {
            setComplete(true);
            return;
          }
          if (!everything) return;
        }
      } catch (e) {
        if (gen === generation.current) setError(errorMessage(e));
      } finally {
        if (gen === generation.current) busy.current = false;
      }
    },
    [load],
  );

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    setError('');
    setComplete(false);
    cursor.current = undefined;
    await read([], undefined, all, gen);
  }, [read, all]);

  /** After a change: read again, keeping the old rows on screen until the new ones are in. */
  useEffect(() => {
    setRows(null);
    void reload();
  }, [reload]);

  const more = useCallback(() => {
    if (busy.current || complete || !rows) return;
    void read(rows, cursor.current, false, generation.current);
  }, [read, rows, complete]);

  return { rows, error, complete, more, reload };
}
