import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ProductListItem } from '@shared/product';
import { distanceText } from '@shared/geo';
import { SATISFACTION_NAME, percentText } from '@shared/rating';
import { Badges } from './Badges';
import { Unbroken } from './Unbroken';
import './ProductCard.scss';

/** `from`: how the search's `near` point is named (您, 拱墅区中心), when the list carries distances (issue 24). */
export function ProductCard({ p, from }: { p: ProductListItem; from?: string }) {
  return (
    <View className='card' hoverClass='card--pressed' role='link' onClick={() => Taro.navigateTo({ url: `/pages/product/index?id=${p.productId}` })}>
      <Text className='card__name'>{p.name}</Text>
      <Badges category={p.category} purchaseMethod={p.purchaseMethod} price={p.price} compact />
      <Text className='card__summary'>{p.summary}</Text>
      {p.distance && from && (
        <Unbroken className='card__distance' text={`距${from}${distanceText(p.distance.km)}${p.distance.approximate ? '（按所在区县估算）' : ''}`} />
      )}
      <Unbroken
        className='card__provider'
        text={`${p.providerName} · ${p.district}${p.rating.count > 0 && p.rating.satisfactionRate !== null ? ` · ${SATISFACTION_NAME} ${percentText(p.rating.satisfactionRate)}` : ''}`}
      />
    </View>
  );
}
