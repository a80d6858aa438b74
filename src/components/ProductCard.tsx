import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ProductListItem } from '@shared/product';
import { GRADE_LABELS } from '@shared/assessment';
import { distanceText } from '@shared/geo';
import { satisfactionText } from '@shared/rating';
import { Badges } from './Badges';
import { Unbroken } from './Unbroken';
import './ProductCard.scss';

/** How others found it, to choose by: its 满意率 and how many rated, and its latest published grade. */
function standing(p: ProductListItem): string {
  const rated = p.rating.count > 0 && p.rating.satisfactionRate !== null ? satisfactionText(p.rating.satisfactionRate, p.rating.count) : '';
  const graded = p.grade ? `${p.grade.year} 年度测评${GRADE_LABELS[p.grade.grade]}${p.grade.carriedFrom ? `（沿用 ${p.grade.carriedFrom} 年度）` : ''}` : '';
  return [rated, graded].filter(Boolean).join(' · ');
}

/** `from`: how the search's `near` point is named (您, 拱墅区中心), when the list carries distances (issue 24). */
export function ProductCard({ p, from }: { p: ProductListItem; from?: string }) {
  const line = standing(p);
  return (
    <View className='card' hoverClass='card--pressed' role='link' onClick={() => Taro.navigateTo({ url: `/pages/product/index?id=${p.productId}` })}>
      <Text className='card__name'>{p.name}</Text>
      <Badges category={p.category} purchaseMethod={p.purchaseMethod} price={p.price} compact />
      <Text className='card__summary'>{p.summary}</Text>
      {p.distance && from && (
        <Unbroken className='card__distance' text={`距${from}${distanceText(p.distance.km)}${p.distance.approximate ? '（按所在区县估算）' : ''}`} />
      )}
      <Unbroken className='card__provider' text={`${p.providerName} · ${p.district}`} />
      {line && <Text className='card__standing'>{line}</Text>}
    </View>
  );
}
