import { useEffect, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import { AtButton, AtSearchBar } from 'taro-ui';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@shared/domain';
import { Badges } from '../../components/Badges';
import { Empty, Failure, Loading } from '../../components/StateView';
import { useCatalogue } from './useCatalogue';
import './index.scss';

export default function CataloguePage() {
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<Category | undefined>();
  const [freeOnly, setFreeOnly] = useState(false);
  const { items, status, error, hasMore, load, loadMore, reload } = useCatalogue();

  const filters = { q: q.trim() || undefined, category, purchaseMethod: freeOnly ? ('free' as const) : undefined };
  useEffect(() => {
    load(filters);
    // Reload when a filter changes; typing waits for the search button (see onActionClick).
  }, [category, freeOnly]); // eslint-disable-line react-hooks/exhaustive-deps

  usePullDownRefresh(async () => {
    await reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => loadMore());

  const filtered = Boolean(filters.q || category || freeOnly);
  const clear = () => {
    setQ('');
    setCategory(undefined);
    setFreeOnly(false);
    if (!category && !freeOnly) load({});
  };

  return (
    <View className='catalogue'>
      <View className='catalogue__head'>
        <AtSearchBar
          value={q}
          placeholder='搜服务，如：调解、劳动、法律援助'
          actionName='搜索'
          onChange={(v: string) => setQ(v)}
          onConfirm={() => load(filters)}
          onActionClick={() => load(filters)}
          onClear={() => {
            setQ('');
            load({ ...filters, q: undefined });
          }}
        />
        <ScrollView className='chips' scrollX enhanced showScrollbar={false}>
          <View className='chips__row'>
            <Text className={`chip ${freeOnly ? 'chip--on chip--free' : ''}`} onClick={() => setFreeOnly(!freeOnly)}>
              只看免费
            </Text>
            <Text className={`chip ${!category ? 'chip--on' : ''}`} onClick={() => setCategory(undefined)}>
              全部
            </Text>
            {CATEGORIES.map((c) => (
              <Text key={c} className={`chip ${category === c ? 'chip--on' : ''}`} onClick={() => setCategory(c)}>
                {CATEGORY_LABELS[c]}
              </Text>
            ))}
          </View>
        </ScrollView>
      </View>

      {status === 'loading' && <Loading text='正在查找服务…' />}
      {status === 'error' && <Failure message={error} onRetry={reload} />}
      {(status === 'ready' || status === 'more') && items.length === 0 && (
        <Empty
          title='没有找到相关服务'
          hint={filtered ? '换个说法试试，或清除筛选条件' : '目录中暂时还没有产品'}
          action={filtered ? { text: '清除筛选', onClick: clear } : undefined}
        />
      )}
      {(status === 'ready' || status === 'more') && items.length > 0 && (
        <View className='list'>
          {items.map((p) => (
            <View key={p.productId} className='card' hoverClass='card--pressed' onClick={() => Taro.navigateTo({ url: `/pages/product/index?id=${p.productId}` })}>
              <Text className='card__name'>{p.name}</Text>
              <Badges category={p.category} purchaseMethod={p.purchaseMethod} />
              <Text className='card__summary'>{p.summary}</Text>
              <Text className='card__provider'>
                {p.providerName} · {p.district}
              </Text>
            </View>
          ))}
          <View className='list__foot'>
            {status === 'more' ? (
              <Text className='list__end'>正在加载…</Text>
            ) : hasMore ? (
              <AtButton size='small' onClick={loadMore}>
                加载更多
              </AtButton>
            ) : (
              <Text className='list__end'>已经到底了，共 {items.length} 项服务</Text>
            )}
          </View>
        </View>
      )}
      <View className='catalogue__me' onClick={() => Taro.navigateTo({ url: '/packages/account/pages/me/index' })}>
        <Text>我的账号</Text>
      </View>
    </View>
  );
}
