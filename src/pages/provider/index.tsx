/** A provider's public page: its products (in, suspended or out of the catalogue), their grades, satisfaction and public credit events. */
import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ProviderResult } from '@shared/actions/supervision';
import { CATEGORY_LABELS, type Category } from '@shared/domain';
import { chineseDate } from '@shared/time';
import { satisfactionText } from '@shared/rating';
import { Unbroken } from '../../components/Unbroken';
import { HomeLink } from '../../components/HomeLink';
import { Cost } from '../../components/Cost';
import { api, ApiError, errorMessage } from '../../api/client';
import { Empty, Failure, Loading } from '../../components/StateView';
import { useLargeFont } from '../../utils/largeFont';
import '../../styles/supervision.scss';

type State = { status: 'loading' } | { status: 'ready'; page: ProviderResult } | { status: 'missing' } | { status: 'error'; message: string };

export const STATUS_LABELS = { listed: '在目录中', suspended: '暂停服务', exited: '已退出目录' } as const;

export default function ProviderPage() {
  const id = useRouter().params.id ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });
  const [large] = useLargeFont();
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const page = await api('supervision', 'provider', { orgId: id });
      setState({ status: 'ready', page });
      Taro.setNavigationBarTitle({ title: page.name });
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'NOT_FOUND' || e.code === 'INVALID_INPUT')) setState({ status: 'missing' });
      else setState({ status: 'error', message: errorMessage(e) });
    }
  }, [id]);
  useEffect(() => {
    load();
  }, [load]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <Failure message={state.message} onRetry={load} />;
  if (state.status === 'missing')
    return <Empty title='没有找到这个服务机构' action={{ text: '返回目录', onClick: () => Taro.reLaunch({ url: '/pages/catalogue/index' }) }} />;
  const p = state.page;
  return (
    <View className={`sv provider ${large ? 'lf' : ''}`}>
      <HomeLink />
      <View className='sv__head'>
        <Text className='sv__name'>{p.name}</Text>
        <Unbroken className='sv__meta' text={satisfactionText(p.satisfaction.satisfactionRate, p.satisfaction.count)} />
      </View>

      <View className='sv__block'>
        <Text className='sv__title'>信用信息</Text>
        <Text className='sv__meta'>只显示公示期内的表彰、处理等信息；公示期满或被撤销的不再显示。</Text>
        {p.events.length === 0 && <Text className='sv__empty'>目前没有公示中的信用信息</Text>}
        {p.events.map((e) => (
          <View className='sv__row provider__event' key={e.eventId}>
            <Text className={`sv__badge sv__badge--${e.polarity}`}>{e.kindLabel}</Text>
            <Text className='sv__item'>{e.title}</Text>
            <Text className='sv__text'>
              {chineseDate(e.occurredOn)} · {e.recordedByName}
              {e.documentNumber ? ` · ${e.documentNumber}` : ''}
            </Text>
            {e.practitionerName && <Text className='sv__text'>涉及人员：{e.practitionerName}</Text>}
            <Text className='sv__text'>公示至 {chineseDate(e.publicUntil)}</Text>
            {e.statement && <Text className='sv__statement'>单位说明：{e.statement}</Text>}
          </View>
        ))}
      </View>

      <View className='sv__block'>
        <Text className='sv__title'>服务产品</Text>
        {p.products.length === 0 && <Text className='sv__empty'>暂无目录产品</Text>}
        {p.products.map((x) => (
          <View className='sv__row provider__product' key={x.productId} role='link' onClick={() => Taro.navigateTo({ url: `/pages/product/index?id=${x.productId}` })}>
            <Text className={`sv__badge sv__badge--${x.status}`}>{STATUS_LABELS[x.status]}</Text>
            <Text className='sv__item'>{x.name}</Text>
            <Cost method={x.purchaseMethod} price={x.price} compact />
            <Unbroken className='sv__text' text={`${CATEGORY_LABELS[x.category as Category] ?? ''} · ${satisfactionText(x.rating.satisfactionRate, x.rating.count)}`} />
            {x.grades.map((g) => (
              <View key={g.year}>
                <Unbroken className='sv__text' text={`${g.year} 年度测评：${g.gradeLabel}${g.score !== null ? `（${g.score} 分）` : ''}`} />
                <Unbroken className='sv__text' text={g.evidence} />
              </View>
            ))}
            {x.exit && (
              <Text className='sv__text'>
                {chineseDate(x.exit.on)}退出目录（{x.exit.documentNumber}）
              </Text>
            )}
            {x.suspension && <Text className='sv__text'>{chineseDate(x.suspension.since)}起暂停：{x.suspension.reason}</Text>}
          </View>
        ))}
      </View>
      <View className='sv__link' style={{ padding: '0 24px' }} role='link' onClick={() => Taro.navigateTo({ url: '/pages/adjustment/index' })}>
        <Text>查看目录调整公示 ›</Text>
      </View>
    </View>
  );
}
