/**
 * A product's one timeline (申报 → 评审 → 公示 → 公布 → 测评 → 调整), each step with its date and document, and the
 * recommending association where there is one. It loads on its own: the product page stands without it.
 */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { chineseDate } from '@shared/time';
import { TIMELINE_KIND_LABELS, type TimelineEvent } from '@shared/timeline';
import { api } from '../api/client';
import './ProductTimeline.scss';

export function ProductTimeline({ productId }: { productId: string }) {
  const [events, setEvents] = useState<TimelineEvent[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let alive = true;
    api('catalogue', 'timeline', { productId })
      .then((t) => alive && setEvents(t.events))
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
    };
  }, [productId]);

  if (failed) return null;
  return (
    <View className='block timeline'>
      <Text className='block__title'>认定历程</Text>
      {!events ? (
        <Text className='timeline__text'>正在加载…</Text>
      ) : (
        events.map((e, i) => (
          <View className={`timeline__step timeline__step--${e.kind}`} key={`${e.kind}-${i}`}>
            <Text className='timeline__kind'>{TIMELINE_KIND_LABELS[e.kind]}</Text>
            <View className='timeline__body'>
              <Text className='timeline__date'>
                {chineseDate(e.on)}
                {e.until ? ` 至 ${chineseDate(e.until)}` : ''}
              </Text>
              <Text className='timeline__text'>{e.text}</Text>
              {e.documentNumber && <Text className='timeline__doc'>文号：{e.documentNumber}</Text>}
            </View>
          </View>
        ))
      )}
    </View>
  );
}
