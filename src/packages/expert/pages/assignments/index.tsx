/** 陈教授's declarations to score, with where each of his sheets stands. */
import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, type Category } from '@shared/domain';
import type { AssignmentItem } from '@shared/review';
import { api, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import '../expert.scss';
import { deskPage } from '../../../../components/desk/deskPage';

const SHEET_LABELS = { none: '未开始', draft: '草稿已保存', submitted: '已提交' };

function AssignmentsPage() {
  const [items, setItems] = useState<AssignmentItem[] | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    setError('');
    try {
      setItems((await api('reviews', 'myAssignments', {})).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useDidShow(() => {
    load();
  });
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });
  if (error) return <Failure message={error} onRetry={load} />;
  if (!items) return <Loading />;
  if (items.length === 0) return <Empty title='暂无评审任务' hint='市司法局抽取评审组后，任务会出现在这里' />;
  const done = items.filter((i) => i.sheet === 'submitted').length;
  return (
    <View className='expert'>
      <Text className='expert__progress'>
        已完成 {done}/{items.length}
      </Text>
      {items.map((i) => (
        <View key={i.declarationId} className='expert__card' role='link' onClick={() => Taro.navigateTo({ url: `/packages/expert/pages/score/index?id=${i.declarationId}` })}>
          <Text className='expert__name'>{i.name}</Text>
          <Text className='expert__meta'>
            {i.category ? CATEGORY_LABELS[i.category as Category] : ''} · <Text className={`expert__sheet expert__sheet--${i.sheet}`}>{SHEET_LABELS[i.sheet]}</Text>
          </Text>
        </View>
      ))}
    </View>
  );
}

export default deskPage('评审任务', AssignmentsPage);
