/**
 * A table's view (search words, filters, sort, page) kept in the page and in its address: it starts from the
 * address the page was opened with (a reload or a shared link), and every change is written back to the address.
 * A second table on the same page names its parameters with a prefix (e.g. `c.q`, `c.sort`).
 */
import { useCallback, useMemo, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { rememberParams } from '../../utils/address';
import { paramsOfView, viewFromParams, type Column, type Filter, type TableDefaults, type TableView } from './table';

export interface TableState<R> {
  columns: Column<R>[];
  filters: Filter<R>[];
  defaults: TableDefaults;
  view: TableView;
  /** Changes the view; anything but a page change goes back to the first page. */
  setView: (change: Partial<TableView>) => void;
}

export function useTable<R>(columns: Column<R>[], filters: Filter<R>[] = [], defaults: TableDefaults = {}, prefix = ''): TableState<R> {
  const params = useRouter().params as Record<string, string | undefined>;
  const [view, setState] = useState<TableView>(() => {
    const own = prefix ? Object.fromEntries(Object.entries(params).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v])) : params;
    return viewFromParams(own, columns, filters, defaults);
  });
  const setView = useCallback(
    (change: Partial<TableView>) => {
      setState((v) => {
        const next = { ...v, ...change, page: change.page ?? 1 };
        const written = paramsOfView(next, filters, defaults);
        rememberParams(Object.fromEntries(Object.entries(written).map(([k, x]) => [prefix + k, x])));
        return next;
      });
    },
    // The definitions are the page's; a page that rebuilds its filters (options loaded later) keeps their keys.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [prefix],
  );
  return useMemo(() => ({ columns, filters, defaults, view, setView }), [columns, filters, defaults, view, setView]);
}
