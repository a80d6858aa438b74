import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { PublicProduct } from '@shared/product';
import { chineseDate } from '@shared/time';
import { api, ApiError, errorMessage } from '../../api/client';
import type { RatingSummary } from '@shared/rating';
import { Badges } from '../../components/Badges';
import { ProductNotice } from '../../components/ProductNotice';
import { RatingChart } from '../../components/RatingChart';
import { HomeLink } from '../../components/HomeLink';
import { ProductTimeline } from '../../components/ProductTimeline';
import { ProductGrade } from '../../components/ProductGrade';
import { ProductProcurement } from '../../components/ProductProcurement';
import { Empty, Failure, Loading } from '../../components/StateView';
import { Unbroken } from '../../components/Unbroken';
import { goHome } from '../../utils/nav';
import { useLargeFont } from '../../utils/largeFont';
import { productLink, productPath } from '../../utils/productLink';
import { withPrivacy } from '../../utils/privacy';
import { openInMap } from '../../utils/place';
import { launchParam } from '../../utils/scene';
import { CITIZEN_SECTIONS } from './sections';
import './index.scss';

type State = { status: 'loading' } | { status: 'ready'; product: PublicProduct } | { status: 'missing' } | { status: 'error'; message: string };

export default function ProductPage() {
  const id = launchParam(useRouter().params, 'id');
  const [state, setState] = useState<State>({ status: 'loading' });
  const [large] = useLargeFont();
  const [summary, setSummary] = useState<RatingSummary | null>(null);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const product = await api('catalogue', 'get', { productId: id });
      setState({ status: 'ready', product });
      Taro.setNavigationBarTitle({ title: product.name });
      // The distribution is extra: the page stands without it.
      api('ratings', 'summary', { productId: id })
        .then(setSummary)
        .catch(() => setSummary(null));
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'NOT_FOUND' || e.code === 'INVALID_INPUT')) setState({ status: 'missing' });
      else setState({ status: 'error', message: errorMessage(e) });
    }
  }, [id]);
  useEffect(() => {
    load();
  }, [load]);

  useShareAppMessage(() => ({
    title: state.status === 'ready' ? `${state.product.name} — 杭州公共法律服务` : '杭州公共法律服务产品',
    path: productPath(id),
  }));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <Failure message={state.message} onRetry={load} />;
  if (state.status === 'missing')
    return <Empty title='没有找到这个服务' hint='它可能已调整出目录' action={{ text: '返回首页', onClick: goHome }} />;

  const p = state.product;
  const call = () => Taro.makePhoneCall({ phoneNumber: p.provider.phone.replace(/[^\d-]/g, '') }).catch(() => undefined);
  const copyAddress = () => withPrivacy('setClipboardData', () => Taro.setClipboardData({ data: p.provider.address }), '复制没有成功，请长按地址手动复制');
  const copyLink = () => withPrivacy('setClipboardData', () => Taro.setClipboardData({ data: productLink(p.productId) }), '复制没有成功，请稍后再试');
  const poster = () => Taro.navigateTo({ url: `/packages/promotion/pages/poster/index?id=${p.productId}` });

  return (
    <View className={`product ${large ? 'lf' : ''}`}>
      <HomeLink />
      <View className='product__head'>
        <Text className='product__name'>{p.name}</Text>
        <Badges category={p.category} purchaseMethod={p.purchaseMethod} price={p.details.price ?? p.price} />
        <Text className='product__summary'>{p.summary}</Text>
      </View>
      <ProductNotice productId={p.productId} />

      <View className='block contact'>
        <Text className='block__title'>提供单位</Text>
        <Text className='contact__name'>{p.provider.name}</Text>
        <View className='contact__row'>
          <Text className='contact__label'>电话</Text>
          <Unbroken className='contact__value contact__phone' text={p.provider.phone} />
        </View>
        <View className='contact__row'>
          <Text className='contact__label'>地址</Text>
          <Text className='contact__value' selectable>
            {p.provider.address.startsWith(p.provider.district) ? p.provider.address : `${p.provider.district} ${p.provider.address}`}
          </Text>
        </View>
        <View className='contact__actions'>
          <AtButton type='primary' className='contact__call' onClick={call}>
            拨打电话
          </AtButton>
          {p.place && (
            <AtButton className='contact__nav' onClick={() => openInMap(p.place!, p.provider.name, p.provider.address)}>
              导航
            </AtButton>
          )}
          <AtButton className='contact__copy' onClick={copyAddress}>
            复制地址
          </AtButton>
        </View>
      </View>

      {CITIZEN_SECTIONS.map((s) => (
        <View className='block' key={s.title}>
          <Text className='block__title'>{s.title}</Text>
          {s.fields
            .filter((f) => p.details[f.key])
            .map((f) => (
              <View className='field' key={f.key}>
                <Text className='field__label'>{f.label}</Text>
                <Unbroken className='field__value' text={p.details[f.key]} />
              </View>
            ))}
        </View>
      ))}

      <View className='block'>
        <Text className='block__title'>认定与评价</Text>
        <View className='field'>
          <Text className='field__label'>认定文号</Text>
          <Unbroken className='field__value' text={`${p.documentNumber}（${chineseDate(p.publishedOn)}公布）`} />
        </View>
        <View className='field'>
          <Text className='field__label'>服务评价</Text>
          {summary ? <RatingChart summary={summary} /> : <Text className='field__value'>{p.rating.count === 0 ? '暂无评价' : `${p.rating.count} 条评价`}</Text>}
        </View>
      </View>

      <ProductGrade productId={p.productId} />
      <ProductTimeline productId={p.productId} />
      <ProductProcurement productId={p.productId} />

      <View className='share'>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className='share__button' openType='share'>
            分享给朋友
          </Button>
        ) : (
          <Button className='share__button' onClick={copyLink}>
            复制链接
          </Button>
        )}
        <Button className='share__button' onClick={poster}>
          生成海报
        </Button>
      </View>
    </View>
  );
}
