/** An assessor's products for the year, with which methods already have a record. */
import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { METHODS, METHOD_LABELS } from '@shared/assessment';
import type { AssessmentsApi } from '@shared/actions/assessments';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { useLargeFont } from '../../../../utils/largeFont';
import { goTab } from '../../../../utils/nav';
import '../assessor.scss';
import { deskPage } from '../../../../components/desk/deskPage';

type Data = AssessmentsApi['myProducts'][1];

function AssessorProductsPage() {
  const year = new Date().getFullYear();
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<{ message: string; missing: boolean } | null>(null);
  const [large] = useLargeFont();
  const load = useCallback(async () => {
    setError(null);
    try {
      setData(await api('assessments', 'myProducts', { year }));
    } catch (e) {
      setError({ message: errorMessage(e), missing: e instanceof ApiError && e.code === 'NOT_FOUND' });
    }
  }, [year]);
  // Back from recording: the counts changed.
  useDidShow(() => {
    load();
  });

  if (error?.missing) return <Empty title={`${year} 年度测评还没有开始`} hint='市司法局开始测评并分配产品后，任务会出现在这里' action={{ text: '返回我的', onClick: () => goTab('me') }} />;
  if (error) return <Failure message={error.message} onRetry={load} />;
  if (!data) return <Loading />;
  if (data.products.length === 0) return <Empty title='还没有分配给您的产品' hint='请联系市司法局分配测评产品' action={{ text: '刷新', onClick: load }} />;
  return (
    <View className={`assessor ${large ? 'lf' : ''}`}>
      <Text className='assessor__meta'>
        {data.campaign.title} · {data.campaign.startsOn} 至 {data.campaign.endsOn}
      </Text>
      {data.products.map((p) => {
        const done = METHODS.filter((m) => p.findings[m] > 0);
        return (
          <View key={p.productId} className='assessor__card' onClick={() => Taro.navigateTo({ url: `/packages/assessor/pages/record/index?year=${year}&productId=${p.productId}` })}>
            <Text className='assessor__name'>{p.name}</Text>
            <Text className='assessor__meta'>已测评：{done.length ? done.map((m) => METHOD_LABELS[m]).join('、') : '尚无记录'}</Text>
            <Text className='assessor__link'>录入测评记录 ›</Text>
          </View>
        );
      })}
    </View>
  );
}

export default deskPage('我的测评任务', AssessorProductsPage);
