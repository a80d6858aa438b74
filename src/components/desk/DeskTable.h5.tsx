/**
 * The staff table at a desk: a real <table>, one record per row, dense enough for 15 rows on a 1280×800 screen.
 * Search-as-you-type over every column, filters as selects, sorting by a header (aria-sort), 50 rows a page, all of
 * it in the address; check boxes with select-all and the bulk bar; "导出当前视图" to admin.export; and the keyboard:
 * Tab reaches the rows, j/k or the arrow keys move between them, Enter opens one, Space or x selects it.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { api, errorMessage } from '../../api/client';
import { openDownload } from '../../utils/download';
import { BulkDialog } from './BulkDialog';
import type { DataTableProps } from './DataTable.props';
import { applyView, clearedFilters, DESK_PAGE_SIZE, isNarrowed, nextSort, pageCount, pageOf, rowText, type BulkAction, type BulkOutcome, type Column } from './table';

function Cell<R>({ column, row }: { column: Column<R>; row: R }) {
  if (column.render) return <>{column.render(row)}</>;
  const v = column.value(row);
  return <>{v === null || v === undefined || v === '' ? '—' : String(v)}</>;
}

export function DeskTable<R>({ table, rows: source, title, unit = '条', rowKey, rowLabel, onOpen, openKey, bulk = [], exportView, empty, toolbar }: DataTableProps<R>) {
  const { view, setView, columns: allColumns, filters } = table;
  const columns = useMemo(() => allColumns.filter((c) => !c.hidden && (!openKey || c.keep)), [allColumns, openKey]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [acting, setActing] = useState<BulkAction<R> | null>(null);
  const [active, setActive] = useState(0);
  const [exporting, setExporting] = useState<string>('');
  const body = useRef<HTMLTableSectionElement>(null);
  const all = source.rows;
  const texts = useMemo(() => all?.map((r) => rowText(r, allColumns)), [all, allColumns]);
  const visible = useMemo(() => (all ? applyView(all, allColumns, filters, view, texts) : []), [all, allColumns, filters, view, texts]);
  const pages = pageCount(visible.length, DESK_PAGE_SIZE);
  const page = Math.min(view.page, pages);
  const shown = pageOf(visible, page, DESK_PAGE_SIZE);
  const picked = useMemo(() => (all ?? []).filter((r) => selected.has(rowKey(r))), [all, selected, rowKey]);
  const filtered = !!view.q || filters.some((f) => f.test && view.filters[f.key]);

  // A new view starts at its first row.
  useEffect(() => setActive(0), [view]);

  const toggle = (key: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const pageKeys = shown.map(rowKey);
  const allOnPage = pageKeys.length > 0 && pageKeys.every((k) => selected.has(k));
  const someOnPage = pageKeys.some((k) => selected.has(k));
  const togglePage = () =>
    setSelected((s) => {
      const next = new Set(s);
      for (const k of pageKeys) allOnPage ? next.delete(k) : next.add(k);
      return next;
    });

  const finished = (outcomes: BulkOutcome[] | null) => {
    setActing(null);
    if (!outcomes) return;
    // The refused stay selected and listed; the done ones leave the selection; the list is read again.
    setSelected(new Set(outcomes.filter((o) => !o.ok).map((o) => o.id)));
    void source.reload();
  };

  const exportNow = async (format: 'xlsx' | 'csv') => {
    if (!exportView) return;
    setExporting('正在导出…');
    try {
      // The view's filters the export takes (today: the year); the rest of the view is the file's own columns.
      const fromFilters = Object.assign({}, ...filters.filter((f) => f.toExport && view.filters[f.key]).map((f) => f.toExport!(view.filters[f.key])));
      const year = exportView.year ?? fromFilters.year;
      const res = await api('admin', 'export', { dataset: exportView.dataset, format, ...(year ? { year } : {}) });
      await openDownload(res.url, res.name);
      setExporting(`已导出 ${res.name}（${res.rows} 行）`);
    } catch (e) {
      setExporting(errorMessage(e));
    }
  };

  const focusRow = (i: number) => {
    const n = Math.max(0, Math.min(shown.length - 1, i));
    setActive(n);
    body.current?.querySelectorAll<HTMLTableRowElement>('tr')[n]?.focus();
  };
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, r: R, i: number) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'j' || e.key === 'ArrowDown') focusRow(i + 1);
    else if (e.key === 'k' || e.key === 'ArrowUp') focusRow(i - 1);
    else if (e.key === 'Home') focusRow(0);
    else if (e.key === 'End') focusRow(shown.length - 1);
    else if (e.key === 'Enter' && onOpen) onOpen(r);
    else if ((e.key === ' ' || e.key === 'x') && bulk.length) toggle(rowKey(r));
    else return;
    e.preventDefault();
  };

  const count = all ? (
    <span className='dt__count' role='status'>
      {filtered ? `筛选出 ${visible.length} ${unit}，共 ${all.length} ${unit}` : `共 ${all.length} ${unit}`}
      {source.complete ? '' : '，正在载入其余…'}
    </span>
  ) : null;

  return (
    <div className='dt'>
      <div className='dt__tools' role='search' aria-label={`查找${title}`}>
        <label className='dt__search'>
          <span className='dt__visually-hidden'>在{title}中搜索</span>
          <input className='dt__input' type='search' value={view.q} maxLength={50} placeholder={`搜索${title}（名称、单位、编号…）`} onChange={(e) => setView({ q: e.target.value })} />
        </label>
        {filters.map((f) => (
          <label key={f.key} className='dt__filter'>
            <span className='dt__filter-label'>{f.label}</span>
            <select className='dt__select' value={view.filters[f.key] ?? ''} onChange={(e) => setView({ filters: { ...view.filters, [f.key]: e.target.value } })}>
              {f.all !== undefined && <option value=''>{f.all}</option>}
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        {count}
        {exportView && (
          <span className='dt__export'>
            <button type='button' className='dt__button' onClick={() => exportNow('xlsx')}>
              导出当前视图（Excel）
            </button>
            <button type='button' className='dt__button dt__button--plain' onClick={() => exportNow('csv')}>
              CSV
            </button>
          </span>
        )}
      </div>
      {exporting && (
        <p className='dt__note' role='status'>
          {exporting}
        </p>
      )}
      {toolbar}
      {picked.length > 0 && (
        <div className='dt__bar' role='region' aria-label='批量操作'>
          <strong>已选 {picked.length} 项</strong>
          {allOnPage && visible.length > shown.length && picked.length < visible.length && (
            <button type='button' className='dt__button dt__button--plain' onClick={() => setSelected(new Set(visible.map(rowKey)))}>
              选择筛选出的全部 {visible.length} 项
            </button>
          )}
          {bulk.map((a) => (
            <button key={a.key} type='button' className='dt__button' onClick={() => setActing(a)}>
              {a.label}
            </button>
          ))}
          <button type='button' className='dt__button dt__button--plain' onClick={() => setSelected(new Set())}>
            取消选择
          </button>
        </div>
      )}
      {source.error && !all ? (
        <div className='dt__state' role='alert'>
          <p>加载失败：{source.error}</p>
          <button type='button' className='dt__button' onClick={() => void source.reload()}>
            重试
          </button>
        </div>
      ) : !all ? (
        <div className='dt__state state--loading' aria-live='polite'>
          正在加载…
        </div>
      ) : (
        <div className='dt__scroll'>
          <table className={`dt__table ${openKey ? 'dt__table--narrow' : ''}`} aria-rowcount={visible.length + 1} style={{ minWidth: tableMinWidth(columns, bulk.length > 0) }}>
            <caption className='dt__visually-hidden'>
              {title}：{filtered ? `筛选出 ${visible.length} ${unit}` : `共 ${all.length} ${unit}`}
              {pages > 1 ? `，第 ${page} / ${pages} 页` : ''}。用 j、k 或方向键在行间移动，Enter 打开{bulk.length ? '，空格选择' : ''}。
            </caption>
            <colgroup>
              {bulk.length > 0 && <col className='dt__col-check' />}
              {columns.map((c) => (
                <col key={c.key} style={c.width ? { width: `calc(${c.width}ch + 24px)` } : undefined} />
              ))}
            </colgroup>
            <thead>
              <tr>
                {bulk.length > 0 && (
                  <th scope='col' className='dt__check'>
                    <input
                      className='dt__box'
                      type='checkbox'
                      aria-label='选择本页全部'
                      checked={allOnPage}
                      ref={(el) => {
                        if (el) el.indeterminate = someOnPage && !allOnPage;
                      }}
                      onChange={togglePage}
                    />
                  </th>
                )}
                {columns.map((c) => {
                  const sorted = view.sort === c.key;
                  const ariaSort = sorted ? (view.dir === 'asc' ? 'ascending' : 'descending') : c.sort === false ? undefined : 'none';
                  return (
                    <th key={c.key} scope='col' aria-sort={ariaSort} className={c.align === 'end' ? 'dt__end' : undefined}>
                      {c.sort === false ? (
                        c.header
                      ) : (
                        <button type='button' className='dt__sort' onClick={() => setView(nextSort(view, c.key))}>
                          {c.header}
                          <span aria-hidden='true' className='dt__arrow'>
                            {sorted ? (view.dir === 'asc' ? '▲' : '▼') : '⇅'}
                          </span>
                        </button>
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody ref={body}>
              {shown.map((r, i) => {
                const key = rowKey(r);
                return (
                  <tr
                    key={key}
                    tabIndex={i === active ? 0 : -1}
                    aria-selected={bulk.length ? selected.has(key) : undefined}
                    aria-current={openKey === key ? 'true' : undefined}
                    className={`dt__row ${openKey === key ? 'dt__row--open' : ''} ${selected.has(key) ? 'dt__row--picked' : ''} ${onOpen ? 'dt__row--link' : ''}`}
                    onFocus={() => setActive(i)}
                    onKeyDown={(e) => onRowKey(e, r, i)}
                    onClick={(e) => {
                      const t = e.target as HTMLElement;
                      if (onOpen && !t.closest('input, button, a, select, label, .dt__check')) onOpen(r);
                    }}
                  >
                    {bulk.length > 0 && (
                      // The whole cell is the check box's target (a 60 px row in 长辈模式), not the box alone.
                      <td className='dt__check' onClick={(e) => e.target === e.currentTarget && toggle(key)}>
                        <input className='dt__box' type='checkbox' tabIndex={-1} aria-label={`选择 ${rowLabel(r)}`} checked={selected.has(key)} onChange={() => toggle(key)} />
                      </td>
                    )}
                    {columns.map((c) => (
                      <td key={c.key} className={[c.align === 'end' ? 'dt__end' : '', c.wrap ? 'dt__wrap' : ''].join(' ').trim() || undefined} title={String(c.value(r) ?? '')}>
                        <Cell column={c} row={r} />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {visible.length === 0 && (
            <div className='dt__state'>
              <p>{empty?.title ?? `没有符合条件的${title}`}</p>
              {empty?.hint && <p className='dt__hint'>{empty.hint}</p>}
              {isNarrowed(view, filters) && (
                <button type='button' className='dt__button' onClick={() => setView({ q: '', filters: clearedFilters(filters) })}>
                  清除筛选
                </button>
              )}
            </div>
          )}
          {pages > 1 && (
            <nav className='dt__pager' aria-label={`${title}分页`}>
              <button type='button' className='dt__button dt__button--plain' disabled={page <= 1} onClick={() => setView({ page: 1 })}>
                首页
              </button>
              <button type='button' className='dt__button dt__button--plain' disabled={page <= 1} onClick={() => setView({ page: page - 1 })}>
                上一页
              </button>
              <span>
                第 {page} / {pages} 页（每页 {DESK_PAGE_SIZE} {unit}）
              </span>
              <button type='button' className='dt__button dt__button--plain' disabled={page >= pages} onClick={() => setView({ page: page + 1 })}>
                下一页
              </button>
              <button type='button' className='dt__button dt__button--plain' disabled={page >= pages} onClick={() => setView({ page: pages })}>
                末页
              </button>
            </nav>
          )}
        </div>
      )}
      {acting && <BulkDialog action={acting} selected={picked} rowKey={rowKey} rowLabel={rowLabel} onClose={finished} />}
    </div>
  );
}

/**
 * A fixed layout gives the columns without a width whatever the others leave, which can be nothing when a record is
 * open beside the table or 长辈模式 enlarges the text (a name cut to one character). The table keeps at least its fixed
 * columns plus 14 characters for each free one, and scrolls sideways inside its frame below that.
 */
function tableMinWidth(columns: { width?: number }[], check: boolean): string {
  const fixed = columns.filter((c) => c.width);
  const chars = fixed.reduce((n, c) => n + (c.width ?? 0), 0);
  const free = columns.length - fixed.length;
  return `calc(${chars}ch + ${fixed.length * 24 + (check ? 72 : 0)}px + ${free * 14}em)`;
}
