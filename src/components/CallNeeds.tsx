/** The yearly call's most supported needs from the needs board: what people asked for that the catalogue lacks. */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PublicNeed } from '@shared/needs';
import { api, errorMessage } from '../api/client';
import { Unbroken } from './Unbroken';
import './CallNeeds.scss';

export function CallNeeds({ callId }: { callId: string }) {
  const [needs, setNeeds] = useState<PublicNeed[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api('needs', 'forCall', { callId })
      .then((r) => setNeeds(r.needs))
      .catch((e) => setError(errorMessage(e)));
  }, [callId]);
  return (
    <View className='callneeds'>
      <Text className='callneeds__title'>群众最需要的服务</Text>
      {error ? (
        <Text className='callneeds__item'>暂时无法显示：{error}</Text>
      ) : !needs ? (
        <Text className='callneeds__item'>正在加载…</Text>
      ) : needs.length === 0 ? (
        <Text className='callneeds__item'>还没有群众提出需求。</Text>
      ) : (
        needs.map((n) => (
          <Unbroken key={n.needId} className='callneeds__item' text={`${n.supports} 人 · ${n.text}`} />
        ))
      )}
      <View className='callneeds__link' role='link' onClick={() => Taro.navigateTo({ url: '/pages/needs/index' })}>
        <Text>查看全部需求 ›</Text>
      </View>
    </View>
  );
}
