import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ProductListItem } from '@shared/product';
import { Badges } from './Badges';
import { Unbroken } from './Unbroken';
import './ProductCard.scss';

export function ProductCard({ p }: { p: ProductListItem }) {
  return (
    <View className='card' hoverClass='card--pressed' role='link' onClick={() => Taro.navigateTo({ url: `/pages/product/index?id=${p.productId}` })}>
      <Text className='card__name'>{p.name}</Text>
      <Badges category={p.category} purchaseMethod={p.purchaseMethod} price={p.price} compact />
      <Text className='card__summary'>{p.summary}</Text>
      <Unbroken
        className='card__provider'
        text={`${p.providerName} · ${p.district}${p.rating.count > 0 && p.rating.satisfactionRate !== null ? ` · 满意率 ${Math.round(p.rating.satisfactionRate * 100)}%` : ''}`}
      />
    </View>
  );
}
