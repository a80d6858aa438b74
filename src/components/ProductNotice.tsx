/**
 * What a product page says about the product's place in the catalogue (issue 12): "已退出目录" with the document and
 * date, a suspension, or the provider's public negative credit events; and a way to the provider's public page.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ApiOutput } from '@shared/api';
import { chineseDate } from '@shared/time';
import { api } from '../api/client';
import './ProductNotice.scss';

export function ProductNotice({ productId }: { productId: string }) {
  const [n, setN] = useState<ApiOutput<'supervision', 'productNotice'> | null>(null);
  useEffect(() => {
    // Extra information: the product page stands without it.
    api('supervision', 'productNotice', { productId })
      .then(setN)
      .catch(() => setN(null));
  }, [productId]);
  if (!n) return null;
  const openProvider = () => n.orgId && Taro.navigateTo({ url: `/pages/provider/index?id=${n.orgId}` });
  return (
    <View className='pnotice'>
      {n.exit && (
        <View className='pnotice__box pnotice__box--exited' role='alert'>
          <Text className='pnotice__title'>已退出目录</Text>
          <Text className='pnotice__text'>
            依据 {n.exit.documentNumber}，本产品于 {chineseDate(n.exit.on)} 退出杭州市公共法律服务产品目录，不再接受评价。
          </Text>
          <Text className='pnotice__text'>原因：{n.exit.reason}</Text>
        </View>
      )}
      {n.suspension && (
        <View className='pnotice__box pnotice__box--suspended' role='alert'>
          <Text className='pnotice__title'>暂停服务</Text>
          <Text className='pnotice__text'>
            自 {chineseDate(n.suspension.since)} 起暂停，待市司法局复核。原因：{n.suspension.reason}
          </Text>
        </View>
      )}
      {n.negativeEvents.length > 0 && (
        <View className='pnotice__box'>
          <Text className='pnotice__title'>提供单位的信用提示</Text>
          {n.negativeEvents.map((e, i) => (
            <Text className='pnotice__text' key={i}>
              {e.kindLabel}：{e.title}（{chineseDate(e.occurredOn)}）
            </Text>
          ))}
        </View>
      )}
      {n.orgId && (
        <View className='pnotice__link' role='link' onClick={openProvider}>
          <Text>查看 {n.providerName} 的信用与测评 ›</Text>
        </View>
      )}
    </View>
  );
}
