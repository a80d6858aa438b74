/**
 * The staff lists' one table, as data and pure functions (no Taro, no DOM): a page names its columns, filters and
 * bulk actions the way types/exports.ts names an export's columns, and DataTable does the rest — search, filters,
 * sorting, paging and the view's place in the address. Tested in tests/unit/deskTable.test.ts.
 */
import type { ReactNode } from 'react';
import type { BulkOutcome } from '@shared/bulk';
import type { ExportDataset } from '@shared/exports';
import { BULK_MAX } from '@shared/limits';

export type CellValue = string | number | null | undefined;

export interface Column<R> {
  /** Stable key: the address names a sort by it (`sort=submittedAt`). */
  key: string;
  header: string;
  /** The cell as text: what is shown (unless `render`), searched, and sorted by (unless `sort`). */
  value: (r: R) => CellValue;
  /** A richer cell at the desk (a badge, a link). */
  render?: (r: R) => ReactNode;
  /** The sort key; `false`: not sortable. */
  sort?: ((r: R) => string | number | null | undefined) | false;
  /** Width in characters, as in types/exports.ts (a Chinese character counts about two). */
  width?: number;
  /** Numbers and dates line up on the right. */
  align?: 'start' | 'end';
  /** Kept when a record is open beside the list (the narrow list shows only these). */
  keep?: boolean;
  /** Search-as-you-type reads this column (default: yes). */
  searchable?: boolean;
  /** Not drawn, only searched (a record's number). */
  hidden?: boolean;
  /** Long text (a comment) wraps in its cell instead of ending in an ellipsis. */
  wrap?: boolean;
}

export interface FilterOption {
  value: string;
  label: string;
}

export interface Filter<R> {
  key: string;
  label: string;
  /** The choice that filters nothing, e.g. 全部状态 (omit when the filter always has a value). */
  all?: string;
  options: FilterOption[];
  /** Applied in the browser; without it the page's loader applies the filter (the server's own query). */
  test?: (r: R, value: string) => boolean;
  /** The value when the address names none. */
  initial?: string;
  /** Offered at the desk only (on a phone a long row of chips would bury the list); still applied from the address. */
  deskOnly?: boolean;
  /** What this filter's value passes to the export (admin.export), e.g. a call's year. */
  toExport?: (value: string) => { year?: number };
}

/** One record's outcome in a bulk action: done, or refused and why (the server's per-record `results`, types/bulk.ts). */
export type { BulkOutcome } from '@shared/bulk';

/** How many records one bulk request carries (the server's BULK_MAX); a larger selection is sent in turns. */
export const BULK_BATCH = BULK_MAX;

/** Runs a bulk request over a selection in turns of BULK_BATCH, gathering every record's outcome. */
export async function inBatches(ids: string[], run: (ids: string[]) => Promise<BulkOutcome[]>, size = BULK_BATCH): Promise<BulkOutcome[]> {
  const out: BulkOutcome[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await run(ids.slice(i, i + size))));
  return out;
}

export interface BulkField {
  key: string;
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'number' | 'choice' | 'pick';
  placeholder?: string;
  initial?: string;
  options?: FilterOption[];
  /** kind 'pick': finds choices by a few typed characters of a name (never a wheel). */
  search?: (q: string) => Promise<FilterOption[]>;
  /** Optional fields may stay empty. */
  optional?: boolean;
}

export interface BulkAction<R> {
  key: string;
  /** The button in the selection bar, e.g. 抽取评审组. */
  label: string;
  /** Whether a selected record can take this action; a string says why not (it is then left out and listed). */
  applies?: (r: R) => true | string;
  /** What it will do, e.g. `将为 12 份申报抽取评审组`. */
  describe: (rows: R[], input: Record<string, string>) => string;
  fields?: BulkField[];
  /** An official action asks for a reason in the person's own words. */
  reason?: { label: string; placeholder: string };
  confirmText: string;
  /** Runs it; one outcome per record (those not named are counted as refused). */
  run: (rows: R[], input: Record<string, string>) => Promise<BulkOutcome[]>;
}

export interface TableExport {
  dataset: ExportDataset;
  /** Fixed inputs the view always exports with. */
  year?: number;
}

/** What the person sees: search words, filters, the sorted column and direction, the page. */
export interface TableView {
  q: string;
  sort: string | null;
  dir: 'asc' | 'desc';
  filters: Record<string, string>;
  page: number;
}

export interface TableDefaults {
  sort?: string;
  dir?: 'asc' | 'desc';
}

/** The view an address names (a reload or a shared link), with the defaults for what it leaves out. */
export function viewFromParams<R>(params: Record<string, string | undefined>, columns: Column<R>[], filters: Filter<R>[], defaults: TableDefaults = {}): TableView {
  const decode = (v: string | undefined) => {
    if (v === undefined) return undefined;
    try {
      return decodeURIComponent(v.replace(/\+/g, ' '));
    } catch {
      return v;
    }
  };
  const sortable = (key: string | undefined) => !!key && columns.some((c) => c.key === key && c.sort !== false);
  const sort = decode(params.sort);
  const dir = decode(params.dir);
  const page = Number(decode(params.page));
  const chosen: Record<string, string> = {};
  for (const f of filters) {
    const v = decode(params[f.key]);
    // Options loaded later (e.g. the calls) cannot be checked yet: the address's value is taken as it is.
    if (v !== undefined && (f.options.length === 0 || f.options.some((o) => o.value === v) || (v === '' && f.all !== undefined))) chosen[f.key] = v;
    else if (f.initial !== undefined) chosen[f.key] = f.initial;
    else chosen[f.key] = '';
  }
  // A column the address names sorts ascending unless it says otherwise; the default sort keeps its own direction.
  const named = sortable(sort);
  return {
    q: (decode(params.q) ?? '').slice(0, 50),
    sort: named ? sort! : sortable(defaults.sort) ? defaults.sort! : null,
    dir: dir === 'asc' || dir === 'desc' ? dir : named && sort !== defaults.sort ? 'asc' : (defaults.dir ?? 'asc'),
    filters: chosen,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/**
 * The address's parameters for a view: only what differs from the defaults, so a plain list has a plain address.
 * A filter set back to 全部 is written as empty when its default is something else (the address must say so).
 */
export function paramsOfView<R>(view: TableView, filters: Filter<R>[], defaults: TableDefaults = {}): Record<string, string | null> {
  const out: Record<string, string | null> = {
    q: view.q || null,
    sort: view.sort && (view.sort !== defaults.sort || view.dir !== (defaults.dir ?? 'asc')) ? view.sort : null,
    dir: view.sort && (view.sort !== defaults.sort || view.dir !== (defaults.dir ?? 'asc')) ? view.dir : null,
    page: view.page > 1 ? String(view.page) : null,
  };
  for (const f of filters) {
    const v = view.filters[f.key] ?? '';
    const initial = f.initial ?? '';
    out[f.key] = v === initial ? null : v;
  }
  return out;
}

let collator: Intl.Collator | null | undefined;
/** Chinese text sorts by pinyin where the runtime has the collation; code-point order otherwise. */
function compareText(a: string, b: string): number {
  if (collator === undefined) {
    try {
      collator = new Intl.Collator('zh-Hans-CN', { numeric: true });
    } catch {
      collator = null;
    }
  }
  return collator ? collator.compare(a, b) : a < b ? -1 : a > b ? 1 : 0;
}

/** Empty values sort last, whichever the direction. */
export function compareValues(a: CellValue, b: CellValue): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareText(String(a), String(b));
}

/** The words typed, lower-cased; every one must appear somewhere in the record's searchable text. */
export function searchWords(q: string): string[] {
  return q.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

export function rowText<R>(r: R, columns: Column<R>[]): string {
  return columns
    .filter((c) => c.searchable !== false)
    .map((c) => c.value(r))
    .filter((v) => v !== null && v !== undefined)
    .join(' ')
    .toLowerCase();
}

/**
 * The rows a view shows, in order: browser-side filters, then the search words, then the sort (stable: equal keys
 * keep the loader's order). `texts` is the rows' search text, computed once per load.
 */
export function applyView<R>(rows: R[], columns: Column<R>[], filters: Filter<R>[], view: TableView, texts?: string[]): R[] {
  const words = searchWords(view.q);
  const active = filters.filter((f) => f.test && view.filters[f.key]);
  let idx = rows.map((_, i) => i);
  if (active.length) idx = idx.filter((i) => active.every((f) => f.test!(rows[i], view.filters[f.key])));
  if (words.length) {
    const text = texts ?? rows.map((r) => rowText(r, columns));
    idx = idx.filter((i) => words.every((w) => text[i].includes(w)));
  }
  const col = view.sort ? columns.find((c) => c.key === view.sort && c.sort !== false) : undefined;
  if (col) {
    const key = typeof col.sort === 'function' ? col.sort : col.value;
    const keys = new Map(idx.map((i) => [i, key(rows[i])]));
    const sign = view.dir === 'desc' ? -1 : 1;
    idx.sort((a, b) => {
      const ka = keys.get(a);
      const kb = keys.get(b);
      const emptyA = ka === null || ka === undefined || ka === '';
      const emptyB = kb === null || kb === undefined || kb === '';
      if (emptyA !== emptyB) return emptyA ? 1 : -1;
      return sign * compareValues(ka, kb) || a - b;
    });
  }
  return idx.map((i) => rows[i]);
}

export const DESK_PAGE_SIZE = 50;
export const PHONE_PAGE_SIZE = 20;

export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

export function pageOf<R>(rows: R[], page: number, size: number): R[] {
  const last = pageCount(rows.length, size);
  const p = Math.min(Math.max(1, page), last);
  return rows.slice((p - 1) * size, p * size);
}

/** The next sort when a header is clicked: a new column ascending, the same column the other way. */
export function nextSort(view: TableView, key: string): Pick<TableView, 'sort' | 'dir'> {
  return view.sort === key ? { sort: key, dir: view.dir === 'asc' ? 'desc' : 'asc' } : { sort: key, dir: 'asc' };
}

/** Splits a selection by whether the action applies: those it applies to, and those left out with the reason. */
export function splitApplicable<R>(rows: R[], action: Pick<BulkAction<R>, 'applies'>): { take: R[]; skip: { row: R; why: string }[] } {
  const take: R[] = [];
  const skip: { row: R; why: string }[] = [];
  for (const r of rows) {
    const ok = action.applies ? action.applies(r) : true;
    if (ok === true) take.push(r);
    else skip.push({ row: r, why: ok });
  }
  return { take, skip };
}

/** Every record of a bulk action gets an outcome: one the server did not name is refused ("没有结果"). */
export function outcomesFor(ids: string[], outcomes: BulkOutcome[]): BulkOutcome[] {
  const byId = new Map(outcomes.map((o) => [o.id, o]));
  return ids.map((id) => byId.get(id) ?? { id, ok: false, message: '没有收到处理结果，请刷新后查看' });
}

/** A deadline in working days, as the to-do list and tables say it. */
export function workingDaysText(daysLeft: number): string {
  if (daysLeft > 0) return `还剩 ${daysLeft} 个工作日`;
  if (daysLeft === 0) return '今天到期';
  return `已逾期 ${-daysLeft} 个工作日`;
}

/** Every filter back to "all" (a filter without an "all" choice back to its initial value). */
export function clearedFilters<R>(filters: Filter<R>[]): Record<string, string> {
  return Object.fromEntries(filters.map((f) => [f.key, f.all !== undefined ? '' : (f.initial ?? '')]));
}

/** Whether the view narrows the list: search words, or a filter away from its initial value. */
export function isNarrowed<R>(view: TableView, filters: Filter<R>[]): boolean {
  return !!view.q || filters.some((f) => (view.filters[f.key] ?? '') !== (f.initial ?? ''));
}
