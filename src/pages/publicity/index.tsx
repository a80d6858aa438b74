/** 公示: products now open for comment, with a working-day countdown, and those whose notice has ended. */
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, type Category, type PurchaseMethod } from '@shared/domain';
import type { PublicityListItem } from '@shared/publicity';
import { api, errorMessage } from '../../api/client';
import { Empty, Failure, Loading } from '../../components/StateView';
import { ElderTabs, TabBar } from '../../components/TabBar';
import { Cost } from '../../components/Cost';
import { Unbroken } from '../../components/Unbroken';
import { useLargeFont } from '../../utils/largeFont';
import { goHome } from '../../utils/nav';
import './index.scss';
import { useLoadAndPullRefresh } from '../../utils/useLoad';

const OUTCOME = { recognised: '公示通过', rejected: '未予认定' };

export default function PublicityPage() {
  const [items, setItems] = useState<PublicityListItem[] | null>(null);
  const [error, setError] = useState('');
  const [large] = useLargeFont();
  const load = useCallback(async () => {
    setError('');
    try {
      setItems((await api('publicity', 'list', {})).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useLoadAndPullRefresh(load);

  return (
    <View className={`notices ${large ? 'lf' : ''}`}>
      <ElderTabs current='publicity' large={large} />
      <View className='notices__link' role='link' onClick={() => Taro.navigateTo({ url: '/pages/adjustment/index' })}>
        <Text>目录调整公示（暂停、退出目录的产品）›</Text>
      </View>
      {error ? <Failure message={error} onRetry={load} /> : !items ? <Loading /> : items.length === 0 ? (
        <Empty
          title='目前没有公示中的产品'
          hint='公示是一项服务列入目录前的最后一步：市司法局拟认定的产品在这里公开不少于 7 个工作日，人人都可以提意见。下一批开始公示时会列在这里。'
          action={{ text: '去看产品目录', onClick: goHome }}
        />
      ) : <List items={items} />}
      <TabBar current='publicity' />
    </View>
  );
}

function List({ items }: { items: PublicityListItem[] }) {
  return (
    <View>
      <Unbroken className='notices__intro' text='拟认定的公共法律服务产品在此公示不少于 7 个工作日。您可以对每个产品提出意见，市司法局会逐条答复并公开。' />
      {items.map((p) => (
        <View key={p.declarationId} className='notice-card' role='link' onClick={() => Taro.navigateTo({ url: `/pages/notice/index?id=${p.declarationId}` })}>
          <Text className='notice-card__name'>{p.name}</Text>
          <Text className='notice-card__meta'>
            {CATEGORY_LABELS[p.category as Category] ?? ''} · {p.providerName}
          </Text>
          <Cost method={p.purchaseMethod as PurchaseMethod} price={p.price} compact />
          <Text className={`notice-card__state notice-card__state--${p.state}`}>
            <Unbroken
              text={p.state === 'open' ? `公示中，还剩 ${p.workingDaysLeft} 个工作日（至 ${p.endsOn}）` : p.state === 'upcoming' ? `${p.startsOn} 开始公示，至 ${p.endsOn} 止` : p.outcome ? OUTCOME[p.outcome] : `公示已于 ${p.endsOn} 结束`}
            />
          </Text>
          <Text className='notice-card__meta'>{p.comments} 条公开意见</Text>
        </View>
      ))}
    </View>
  );
}
