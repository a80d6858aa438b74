/** Every declaration, filtered by call, status and category, newest first. */
import { useCallback, useEffect, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@shared/domain';
import { DECLARATION_STATUSES, DECLARATION_STATUS_LABELS, type CallView, type DeclarationListItem, type DeclarationStatus } from '@shared/declaration';
import { api, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import '../admin.scss';

export default function AllDeclarationsPage() {
  const [calls, setCalls] = useState<CallView[]>([]);
  const [callId, setCallId] = useState<string | undefined>();
  const [status, setStatus] = useState<DeclarationStatus | undefined>();
  const [category, setCategory] = useState<Category | undefined>();
  const [items, setItems] = useState<DeclarationListItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    api('declarations', 'listCalls', {})
      .then((r) => setCalls(r.calls))
      .catch(() => setCalls([]));
  }, []);
  const load = useCallback(
    async (more = false) => {
      setError('');
      if (!more) setItems(null);
      try {
        const page = await api('declarations', 'listAll', { callId, status, category, limit: 30, ...(more && cursor ? { cursor } : {}) });
        setItems((prev) => (more && prev ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [callId, status, category, cursor],
  );
  useEffect(() => {
    load();
  }, [callId, status, category]); // eslint-disable-line react-hooks/exhaustive-deps
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  const chip = (on: boolean, label: string, set: () => void) => (
    <Text key={label} className={`admin__chip ${on ? 'admin__chip--on' : ''}`} onClick={set}>
      {label}
    </Text>
  );

  return (
    <View className='admin'>
      <View className='admin__filters'>
        {chip(!callId, '全部批次', () => setCallId(undefined))}
        {calls.map((c) => chip(callId === c.callId, `${c.year} 年`, () => setCallId(c.callId)))}
      </View>
      <View className='admin__filters'>
        {chip(!status, '全部状态', () => setStatus(undefined))}
        {DECLARATION_STATUSES.map((s) => chip(status === s, DECLARATION_STATUS_LABELS[s], () => setStatus(s)))}
      </View>
      <View className='admin__filters'>
        {chip(!category, '全部类别', () => setCategory(undefined))}
        {CATEGORIES.map((c) => chip(category === c, CATEGORY_LABELS[c], () => setCategory(c)))}
      </View>
      {error ? (
        <Failure message={error} onRetry={() => load()} />
      ) : items === null ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty title='没有符合条件的申报' />
      ) : (
        <View>
          {items.map((d) => (
            <View key={d.declarationId} className='admin__card' onClick={() => Taro.navigateTo({ url: `/packages/admin/pages/declaration/index?id=${d.declarationId}` })}>
              <Text className='admin__name'>{d.name || '未命名的产品'}</Text>
              <Text className='admin__meta'>
                <Text className='admin__status'>{DECLARATION_STATUS_LABELS[d.status]}</Text>
                {d.category ? CATEGORY_LABELS[d.category as Category] : '类别未选或有误'} · 已填 {Math.round(d.completeness * 100)}%{d.submittedAt ? ` · 提交于 ${d.submittedAt.slice(0, 10)}` : ''}
                {d.openMaterialRequests ? ` · 待补充 ${d.openMaterialRequests} 项` : ''}
              </Text>
            </View>
          ))}
          {cursor && (
            <AtButton size='small' onClick={() => load(true)}>
              加载更多
            </AtButton>
          )}
        </View>
      )}
    </View>
  );
}
