import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, PURCHASE_METHOD_LABELS, type Category, type PurchaseMethod } from '@shared/domain';
import './Badges.scss';

/** Category and purchase method; 免费 stands out, because it is what most people look for first. */
export function Badges({ category, purchaseMethod }: { category: Category; purchaseMethod: PurchaseMethod }) {
  return (
    <View className='badges'>
      {purchaseMethod === 'free' ? (
        <Text className='badge badge--free'>免费</Text>
      ) : (
        <Text className='badge badge--method'>{PURCHASE_METHOD_LABELS[purchaseMethod]}</Text>
      )}
      <Text className='badge badge--category'>{CATEGORY_LABELS[category]}</Text>
    </View>
  );
}
