/**
 * A search that found nothing still leads somewhere: related services — when the words named a kind of service (调解,
 * 法律援助 …), that kind's services — the 12348 hotline, and clearing the search.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { ProductListItem } from '@shared/product';
import { CATEGORY_LABELS, type Category } from '@shared/domain';
import { ProductCard } from '../../components/ProductCard';

export function NothingFound({ related, category, onClear }: { related: ProductListItem[]; category?: Category; onClear: () => void }) {
  const call = () => Taro.makePhoneCall({ phoneNumber: '12348' }).catch(() => undefined);
  return (
    <View className='nothing'>
      <Text className='nothing__title'>没有找到完全符合的服务</Text>
      <Text className='nothing__hint'>换个说法试试，比如“欠薪”“离婚”“邻居吵架”；也可以直接打电话问。</Text>
      <AtButton type='primary' className='nothing__call' onClick={call}>
        拨打 12348 法律服务热线
      </AtButton>
      <AtButton className='nothing__clear' onClick={onClear}>
        清除筛选
      </AtButton>
      {related.length > 0 && (
        <View className='nothing__related'>
          <Text className='list__title'>{category ? `您要找的可能是${CATEGORY_LABELS[category]}服务` : '您可能需要'}</Text>
          {related.map((p) => (
            <ProductCard key={p.productId} p={p} />
          ))}
        </View>
      )}
    </View>
  );
}
