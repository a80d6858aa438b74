/**
 * An applicant's declarations with their status, and the call that is open now. At the desk the declarations are a
 * table (search, sort by status or date, the ones with material to supply first); on a phone, today's cards.
 */
import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { DECLARATION_STATUSES, DECLARATION_STATUS_LABELS, type CallView, type DeclarationListItem } from '@shared/declaration';
import { api, errorMessage } from '../../../../api/client';
import { DataTable } from '../../../../components/desk/DataTable';
import { DeskLayout } from '../../../../components/desk/DeskLayout';
import type { Column } from '../../../../components/desk/table';
import type { Rows } from '../../../../components/desk/useRows';
import { useTable } from '../../../../components/desk/useTable';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { useDeskWidth } from '../../../../utils/desk';
import { useLargeFont } from '../../../../utils/largeFont';
import { Recommended } from './Recommended';
import './index.scss';

type State = { status: 'loading' } | { status: 'ready'; items: DeclarationListItem[]; call: CallView | null } | { status: 'error'; message: string };

const COLUMNS: Column<DeclarationListItem>[] = [
  { key: 'name', header: '产品名称', value: (d) => d.name || '未命名的产品' },
  { key: 'status', header: '状态', value: (d) => DECLARATION_STATUS_LABELS[d.status], sort: (d) => DECLARATION_STATUSES.indexOf(d.status), width: 10 },
  { key: 'completeness', header: '已填', value: (d) => `${Math.round(d.completeness * 100)}%`, sort: (d) => d.completeness, width: 6, align: 'end', searchable: false },
  { key: 'materials', header: '待补材料', value: (d) => (d.openMaterialRequests ? `${d.openMaterialRequests} 项` : ''), sort: (d) => d.openMaterialRequests, width: 9, align: 'end', searchable: false },
  { key: 'updatedAt', header: '更新时间', value: (d) => d.updatedAt.slice(0, 10), width: 10, align: 'end' },
];

/** The page's list as the table's rows: everything is read at once (an organisation has a handful). */
const rowsOf = (items: DeclarationListItem[], load: () => Promise<void>): Rows<DeclarationListItem> => ({ rows: items, error: '', complete: true, more: () => undefined, reload: load });

export default function MyDeclarationsPage() {
  const desk = useDeskWidth();
  const table = useTable(COLUMNS, [], { sort: 'updatedAt', dir: 'desc' });
  const [large] = useLargeFont();
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(async () => {
    try {
      const [{ items }, { calls }] = await Promise.all([api('declarations', 'listMine', {}), api('declarations', 'listCalls', {})]);
      setState({ status: 'ready', items, call: calls.find((c) => c.state === 'open') ?? calls.find((c) => c.state === 'upcoming') ?? null });
    } catch (e) {
      setState({ status: 'error', message: errorMessage(e) });
    }
  }, []);
  useDidShow(() => {
    load();
  });
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  const frame = (body: JSX.Element) => <DeskLayout title='我的申报'>{body}</DeskLayout>;
  if (state.status === 'loading') return frame(<Loading />);
  if (state.status === 'error') return frame(<Failure message={state.message} onRetry={load} />);
  const { items, call } = state;
  const open = (id?: string) => Taro.navigateTo({ url: `/packages/applicant/pages/form/index${id ? `?id=${id}` : ''}` });

  const card = (d: DeclarationListItem) => (
    <View className='mine__item' role='button' onClick={() => open(d.declarationId)}>
      <Text className='mine__name'>{d.name || '未命名的产品'}</Text>
      <Text className={`mine__status mine__status--${d.status}`}>{DECLARATION_STATUS_LABELS[d.status]}</Text>
      <Text className='mine__meta'>
        已填 {Math.round(d.completeness * 100)}% · 更新于 {d.updatedAt.slice(0, 10)}
      </Text>
      {d.openMaterialRequests > 0 && <Text className='mine__alert'>有 {d.openMaterialRequests} 项材料需要补充</Text>}
    </View>
  );

  return frame(
    <View className={`mine ${large ? 'lf' : ''}`}>
      <View className='mine__call'>
        {call ? (
          <>
            <Text className='mine__call-title'>{call.title}</Text>
            <Text className='mine__call-dates'>
              申报期 {call.opensOn} 至 {call.closesOn}
              {call.state === 'upcoming' ? '（尚未开始）' : ''}
            </Text>
            {call.state === 'open' && (
              <AtButton type='primary' onClick={() => open()}>
                新建申报
              </AtButton>
            )}
          </>
        ) : (
          <Text className='mine__call-dates'>目前没有开放的申报。市司法局每年发布一次申报公告。</Text>
        )}
      </View>
      <Recommended />
      {items.length === 0 ? (
        <Empty title='还没有申报' hint={call?.state === 'open' ? '点击“新建申报”开始填写产品说明书' : undefined} />
      ) : desk ? (
        <DataTable table={table} rows={rowsOf(items, load)} title='申报' unit='份' rowKey={(d) => d.declarationId} rowLabel={(d) => d.name || '未命名的产品'} onOpen={(d) => open(d.declarationId)} card={card} />
      ) : (
        items.map((d) => <View key={d.declarationId}>{card(d)}</View>)
      )}
    </View>,
  );
}
