/** An applicant's declarations with their status, and the call that is open now. */
import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { DECLARATION_STATUS_LABELS, type CallView, type DeclarationListItem } from '@shared/declaration';
import { api, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { useLargeFont } from '../../../../utils/largeFont';
import { Recommended } from './Recommended';
import './index.scss';

type State = { status: 'loading' } | { status: 'ready'; items: DeclarationListItem[]; call: CallView | null } | { status: 'error'; message: string };

export default function MyDeclarationsPage() {
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

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <Failure message={state.message} onRetry={load} />;
  const { items, call } = state;
  const open = (id?: string) => Taro.navigateTo({ url: `/packages/applicant/pages/form/index${id ? `?id=${id}` : ''}` });

  return (
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
      ) : (
        items.map((d) => (
          <View key={d.declarationId} className='mine__item' role='button' onClick={() => open(d.declarationId)}>
            <Text className='mine__name'>{d.name || '未命名的产品'}</Text>
            <Text className={`mine__status mine__status--${d.status}`}>{DECLARATION_STATUS_LABELS[d.status]}</Text>
            <Text className='mine__meta'>
              已填 {Math.round(d.completeness * 100)}% · 更新于 {d.updatedAt.slice(0, 10)}
            </Text>
            {d.openMaterialRequests > 0 && <Text className='mine__alert'>有 {d.openMaterialRequests} 项材料需要补充</Text>}
          </View>
        ))
      )}
    </View>
  );
}
