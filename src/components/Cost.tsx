/**
 * What a service costs, as a citizen reads it (types/cost.ts): 免费 / 部分费用由政府补贴 / 收费 / 费用见说明 first and
 * prominent, then what the person pays, then the regulation's term (购买方式), smaller. Cards, the product page, the
 * publicity notice and the provider page all show it through this one component.
 */
import { Text, View } from '@tarojs/components';
import { costInWords } from '@shared/cost';
import type { PurchaseMethod } from '@shared/domain';
import './Cost.scss';

export function Cost({ method, price, compact = false }: { method: PurchaseMethod; price: string | undefined; compact?: boolean }) {
  // A card kept on the device by an older version has no price: the method alone still gives the headline.
  const c = costInWords(method, price ?? '');
  return (
    <View className={`cost cost--${c.kind} ${compact ? 'cost--compact' : ''}`}>
      <Text className='cost__headline'>{c.headline}</Text>
      {c.detail && <Text className='cost__detail'>{c.detail}</Text>}
      <Text className='cost__term'>购买方式：{c.term}</Text>
    </View>
  );
}
