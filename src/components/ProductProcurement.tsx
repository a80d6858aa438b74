/** The product page's purchases this year: how many purchasing units bought it; the amount only when it is public money. */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ProductProcurementSummary } from '@shared/actions/procurement';
import { api } from '../api/client';
import './ProductProcurement.scss';

export function ProductProcurement({ productId }: { productId: string }) {
  const [s, setS] = useState<ProductProcurementSummary | null>(null);
  useEffect(() => {
    api('procurement', 'productSummary', { productId })
      .then(setS)
      .catch(() => setS(null));
  }, [productId]);
  // Nothing bought yet (or not readable): the page says nothing rather than “0”.
  if (!s || s.units === 0) return null;
  return (
    <View className='block pprocurement'>
      <Text className='block__title'>采购情况</Text>
      <Text className='pprocurement__text'>
        {s.year} 年已有 {s.units} 家单位采购这项服务
        {s.amount !== undefined ? `，使用财政资金 ${s.amount.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元` : ''}。
      </Text>
    </View>
  );
}
