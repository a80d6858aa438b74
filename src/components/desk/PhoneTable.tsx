/**
 * The staff table on a phone (and always in WeChat): the page's own cards, the filters as chips, search-as-you-type
 * once the list is long, the sort as chips, 20 at a time with 加载更多, and — where the page has bulk actions — a
 * check box on each card and the same bulk dialog as at the desk.
 */
import { useMemo, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { Chip } from '../Chip';
import { Empty, Failure, Loading } from '../StateView';
import { BulkDialog } from './BulkDialog';
import { applyView, clearedFilters, isNarrowed, PHONE_PAGE_SIZE, rowText, type BulkAction, type BulkOutcome } from './table';
import type { DataTableProps } from './DataTable.props';
import './PhoneTable.scss';

/** A list this long gets a search field on the phone (a short one is read at a glance). */
const SEARCH_FROM = 20;

export function PhoneTable<R>({ table, rows: source, title, unit = '条', rowKey, rowLabel, card, bulk = [], empty }: DataTableProps<R>) {
  const { view, setView, columns, filters } = table;
  const [shown, setShown] = useState(PHONE_PAGE_SIZE);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [acting, setActing] = useState<BulkAction<R> | null>(null);
  const all = source.rows;
  const texts = useMemo(() => all?.map((r) => rowText(r, columns)), [all, columns]);
  const visible = useMemo(() => (all ? applyView(all, columns, filters, view, texts) : []), [all, columns, filters, view, texts]);

  const chips = filters
    .filter((f) => f.options.length > 0 && !f.deskOnly)
    .map((f) => (
      <View key={f.key} className='admin__filters' role='group' aria-label={f.label}>
        {f.all !== undefined && <Chip on={!view.filters[f.key]} label={f.all} onClick={() => setView({ filters: { ...view.filters, [f.key]: '' } })} />}
        {f.options.map((o) => (
          <Chip key={o.value} on={view.filters[f.key] === o.value} label={o.label} onClick={() => setView({ filters: { ...view.filters, [f.key]: o.value } })} />
        ))}
      </View>
    ));
  const long = (all?.length ?? 0) > SEARCH_FROM || !!view.q;

  if (source.error && !all) return (
    <View>
      {chips}
      <Failure message={source.error} onRetry={() => void source.reload()} />
    </View>
  );
  if (!all) return (
    <View>
      {chips}
      <Loading />
    </View>
  );

  const picked = all.filter((r) => selected.has(rowKey(r)));
  const toggle = (key: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const finished = (outcomes: BulkOutcome[] | null) => {
    setActing(null);
    if (!outcomes) return;
    // The refused stay selected (and listed); the done ones leave the selection.
    setSelected(new Set(outcomes.filter((o) => !o.ok).map((o) => o.id)));
    void source.reload();
  };

  return (
    <View className='dtable'>
      {chips}
      {long && (
        <Input
          className='dtable__search'
          value={view.q}
          maxlength={50}
          placeholder={`在${title}中搜索`}
          nativeProps={{ 'aria-label': `在${title}中搜索`, type: 'search' }}
          onInput={(e) => setView({ q: e.detail.value })}
        />
      )}
      {visible.length === 0 ? (
        <Empty
          title={empty?.title ?? `没有符合条件的${title}`}
          hint={empty?.hint}
          action={isNarrowed(view, filters) ? { text: '清除筛选', onClick: () => setView({ q: '', filters: clearedFilters(filters) }) } : undefined}
        />
      ) : (
        <View>
          {long && (
            <View className='dtable__count' role='status'>
              共 {visible.length} {unit}
              {source.complete ? '' : '（还有未载入的）'}
            </View>
          )}
          {visible.slice(0, shown).map((r) => {
            const key = rowKey(r);
            return (
              <View key={key} className={`dtable__item ${bulk.length ? 'dtable__item--pick' : ''}`}>
                {bulk.length > 0 && (
                  <View className='dtable__check' role='checkbox' aria-checked={selected.has(key) ? 'true' : 'false'} aria-label={`选择 ${rowLabel(r)}`} onClick={() => toggle(key)}>
                    <Text className='dtable__box' aria-hidden='true'>
                      {selected.has(key) ? '✓' : ''}
                    </Text>
                  </View>
                )}
                <View className='dtable__card'>{card(r)}</View>
              </View>
            );
          })}
          {(visible.length > shown || !source.complete) && (
            <AtButton
              size='small'
              onClick={() => {
                setShown((n) => n + PHONE_PAGE_SIZE);
                if (visible.length <= shown + PHONE_PAGE_SIZE) source.more();
              }}
            >
              加载更多
            </AtButton>
          )}
        </View>
      )}
      {picked.length > 0 && (
        <View className='dtable__bar' role='region' aria-label='批量操作'>
          <Text className='dtable__picked'>已选 {picked.length} 项</Text>
          {bulk.map((a) => (
            <AtButton key={a.key} size='small' type='primary' onClick={() => setActing(a)}>
              {a.label}
            </AtButton>
          ))}
          <AtButton size='small' onClick={() => setSelected(new Set())}>
            取消选择
          </AtButton>
        </View>
      )}
      {acting && <BulkDialog action={acting} selected={picked} rowKey={rowKey} rowLabel={rowLabel} onClose={finished} />}
    </View>
  );
}
