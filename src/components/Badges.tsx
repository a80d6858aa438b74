import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, type Category, type PurchaseMethod } from '@shared/domain';
import { Cost } from './Cost';
import './Badges.scss';

/** What it costs in plain words (免费 first, because it is what most people look for first), then the category. */
export function Badges({ category, purchaseMethod, price, compact }: { category: Category; purchaseMethod: PurchaseMethod; price: string | undefined; compact?: boolean }) {
  return (
    <View className='badges'>
      <Cost method={purchaseMethod} price={price} compact={compact} />
      <Text className='badge badge--category'>{CATEGORY_LABELS[category]}</Text>
    </View>
  );
}
