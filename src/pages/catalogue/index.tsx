import { useEffect, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Picker, ScrollView, Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { AUDIENCE_GROUPS, AUDIENCE_GROUP_LABELS, CATEGORIES, CATEGORY_LABELS, DISTRICTS, type AudienceGroup, type Category, type District, type SearchSort } from '@shared/domain';
import { ProductCard } from '../../components/ProductCard';
import { ElderSwitch } from '../../components/ElderSwitch';
import { FreshnessHint } from '../../components/FreshnessHint';
import { SearchBox } from '../../components/SearchBox';
import { Empty, Failure, Loading } from '../../components/StateView';
import { ElderTabs, TabBar } from '../../components/TabBar';
import { useLargeFont } from '../../utils/largeFont';
import { Featured } from './Featured';
import { NothingFound } from './NothingFound';
import { Suggestions } from './Suggestions';
import { useCatalogue, type Filters } from './useCatalogue';
import { useNearest } from './useNearest';
import './index.scss';

const SORT_LABELS: Record<SearchSort, string> = { relevance: '最相关', newest: '最新', rating: '好评优先', grade: '测评等次', distance: '离我最近' };
/** The districts one can stand in (市本级 is the city's own level, not a place). */
const PLACES = DISTRICTS.filter((d): d is Exclude<District, '市本级'> => d !== '市本级');
const DISTRICT_OPTIONS = ['全部区县', ...DISTRICTS];

export default function CataloguePage() {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<Category | undefined>();
  const [audience, setAudience] = useState<AudienceGroup | undefined>();
  const [district, setDistrict] = useState<District | undefined>();
  const [freeOnly, setFreeOnly] = useState(false);
  const [sort, setSort] = useState<SearchSort | undefined>();
  const [large, toggleLarge] = useLargeFont();
  const { items, related, relatedCategory, status, error, moreError, freshness, hasMore, load, loadMore, reload } = useCatalogue();
  const nearest = useNearest();
  const origin = nearest.origin;

  // Nearest first only with a place to count from; the place goes with the request and nowhere else.
  const bySort = sort === 'distance' && !origin ? undefined : sort;
  const filters: Filters = { q: query || undefined, category, audience, district, purchaseMethod: freeOnly ? 'free' : undefined, sort: bySort, ...(origin ? { near: origin.point } : {}) };
  useEffect(() => {
    load(filters);
  }, [query, category, audience, district, freeOnly, bySort, origin]); // eslint-disable-line react-hooks/exhaustive-deps
  const nearestFirst = async () => {
    if (origin || (await nearest.locate())) setSort('distance');
  };

  usePullDownRefresh(async () => {
    await reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => loadMore());

  const filtered = Boolean(query || category || audience || district || freeOnly);
  const clear = () => {
    setQ('');
    setQuery('');
    setCategory(undefined);
    setAudience(undefined);
    setDistrict(undefined);
    setFreeOnly(false);
    setSort(undefined);
    nearest.off();
  };
  const sorts: SearchSort[] = query ? ['relevance', 'newest', 'rating'] : ['newest', 'rating'];
  const activeSort = bySort ?? (query ? 'relevance' : 'newest');

  return (
    <View className={`catalogue ${large ? 'lf' : ''}`}>
      <ElderSwitch on={large} onToggle={toggleLarge} />
      <ElderTabs current='home' large={large} />
      <View className='catalogue__head'>
        <SearchBox
          value={q}
          label='搜索法律服务'
          // Whole in the field at 390 px: 16 px text in the normal mode, 20 px in 长辈模式 (tests/browser/walk.test.ts).
          placeholder={large ? '搜服务，如：欠薪、离婚' : '搜服务，如：调解、欠薪、离婚'}
          onChange={setQ}
          onSearch={() => setQuery(q.trim())}
          onClear={() => {
            setQ('');
            setQuery('');
          }}
        />
        <Suggestions
          typed={q.trim() === query ? '' : q}
          onWord={(w) => {
            setQ(w);
            setQuery(w);
          }}
        />
        <ScrollView className='chips' scrollX enhanced showScrollbar={false}>
          <View className='chips__row'>
            <View className={`chip ${freeOnly ? 'chip--on chip--free' : ''}`} onClick={() => setFreeOnly(!freeOnly)} role='button'>
              <Text>只看免费</Text>
            </View>
            <View className={`chip ${!category ? 'chip--on' : ''}`} onClick={() => setCategory(undefined)} role='button'>
              <Text>全部</Text>
            </View>
            {CATEGORIES.map((c) => (
              <View key={c} className={`chip ${category === c ? 'chip--on' : ''}`} onClick={() => setCategory(category === c ? undefined : c)} role='button'>
                <Text>{CATEGORY_LABELS[c]}</Text>
              </View>
            ))}
          </View>
        </ScrollView>
        <ScrollView className='chips' scrollX enhanced showScrollbar={false}>
          <View className='chips__row'>
            {AUDIENCE_GROUPS.map((g) => (
              <View key={g} className={`chip chip--small ${audience === g ? 'chip--on' : ''}`} onClick={() => setAudience(audience === g ? undefined : g)} role='button'>
                <Text>{AUDIENCE_GROUP_LABELS[g]}</Text>
              </View>
            ))}
          </View>
        </ScrollView>
        <View className='toolbar'>
          <Picker mode='selector' range={DISTRICT_OPTIONS} value={district ? DISTRICT_OPTIONS.indexOf(district) : 0} onChange={(e) => setDistrict(Number(e.detail.value) === 0 ? undefined : (DISTRICT_OPTIONS[Number(e.detail.value)] as District))}>
            <View className={`toolbar__item ${district ? 'toolbar__item--on' : ''}`} role='button'>
              <Text>{district ?? '全部区县'} ▾</Text>
            </View>
          </Picker>
          {sorts.map((s) => (
            <View key={s} className={`toolbar__item ${activeSort === s ? 'toolbar__item--on' : ''}`} onClick={() => setSort(s)} role='button'>
              <Text>{SORT_LABELS[s]}</Text>
            </View>
          ))}
          <View className={`toolbar__item toolbar__near ${activeSort === 'distance' ? 'toolbar__item--on' : ''}`} onClick={nearestFirst} role='button'>
            <Text>{nearest.state.step === 'asking' ? '正在获取位置…' : SORT_LABELS.distance}</Text>
          </View>
        </View>
        {activeSort === 'distance' && origin && (
          <View className='nearby nearby--on'>
            <Text className='nearby__text'>{origin.district ? `按离${origin.label}的距离，由近到远` : '按离您的距离，由近到远（位置只用于这次查找，不保存）'}</Text>
            <View className='nearby__change' role='button' onClick={nearest.openChoice}>
              <Text>{origin.district ? '换一个区县' : '改按区县'}</Text>
            </View>
          </View>
        )}
        {nearest.state.step === 'choose' && (
          <View className='nearby'>
            <Text className='nearby__text'>
              {nearest.state.why === 'refused' ? '没有获得您的位置（您没有同意）。' : nearest.state.why === 'unavailable' ? '暂时获取不到您的位置。' : ''}
              选择您所在的区县，按离区县中心的距离由近到远排列：
            </Text>
            <View className='nearby__places'>
              {PLACES.map((d) => (
                <View
                  key={d}
                  className='chip nearby__place'
                  role='button'
                  onClick={() => {
                    nearest.chooseDistrict(d);
                    setSort('distance');
                  }}
                >
                  <Text>{d}</Text>
                </View>
              ))}
            </View>
          </View>
        )}
      </View>

      <FreshnessHint freshness={freshness} onRetry={reload} />
      {/* Asked for the nearest: the nearest come first, not the recommendations. */}
      {!filtered && activeSort !== 'distance' && status !== 'error' && <Featured onGroup={(g) => setAudience(g)} />}

      {status === 'loading' && <Loading text='正在查找服务…' />}
      {status === 'error' && <Failure message={error} onRetry={reload} />}
      {(status === 'ready' || status === 'more') && items.length === 0 && (
        filtered ? (
          <NothingFound related={related} category={relatedCategory} onClear={clear} />
        ) : (
          <Empty title='目录中暂时还没有产品' hint='产品经市司法局认定后会列在这里' />
        )
      )}
      {(status === 'ready' || status === 'more') && items.length === 0 && filtered && (
        <View className='catalogue__link catalogue__need' role='link' onClick={() => Taro.navigateTo({ url: `/pages/needs/index?q=${encodeURIComponent(query)}` })}>
          <Text>没有合适的服务？说说您的需求 ›</Text>
        </View>
      )}
      {(status === 'ready' || status === 'more') && items.length > 0 && (
        <View className='list'>
          {!filtered && <Text className='list__title'>全部服务</Text>}
          {items.map((p) => (
            <ProductCard key={p.productId} p={p} from={origin?.label} />
          ))}
          <View className='list__foot'>
            {status === 'more' ? (
              <Text className='list__end'>正在加载…</Text>
            ) : hasMore ? (
              <>
                {moreError && <Text className='list__error'>{moreError}</Text>}
                <AtButton size='small' onClick={loadMore}>
                  {moreError ? '重试' : '加载更多'}
                </AtButton>
              </>
            ) : (
              <Text className='list__end'>已经到底了，共 {items.length} 项服务</Text>
            )}
          </View>
        </View>
      )}
      {/* 公示 and 我的 are tabs; these lead to the rest of what the bureau publishes. */}
      <View className='catalogue__links'>
        <View className='catalogue__link' role='link' onClick={() => Taro.navigateTo({ url: '/pages/call/index' })}>
          <Text>产品申报</Text>
        </View>
        <View className='catalogue__link' role='link' onClick={() => Taro.navigateTo({ url: '/pages/needs/index' })}>
          <Text>群众需求</Text>
        </View>
        <View className='catalogue__link' role='link' onClick={() => Taro.navigateTo({ url: '/pages/adjustment/index' })}>
          <Text>目录调整公示</Text>
        </View>
      </View>
      <TabBar current='home' />
    </View>
  );
}
