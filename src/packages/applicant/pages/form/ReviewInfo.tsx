/** The declaring organisation's view of its review: the meeting slot, and once the panel has confirmed, its own result (no names). */
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { DeclarationView } from '@shared/declaration';
import type { MeetingView, MyResult } from '@shared/review';
import { shanghaiDateTime } from '@shared/time';
import { api } from '../../../../api/client';

const REVIEWED = ['proposed', 'not-passed', 'in-publicity', 'recognised', 'rejected', 'published'];

export function ReviewInfo({ view }: { view: DeclarationView }) {
  const [meeting, setMeeting] = useState<MeetingView | null>(null);
  const [result, setResult] = useState<MyResult | null>(null);
  useEffect(() => {
    api('reviews', 'meeting', { declarationId: view.declarationId })
      .then((r) => setMeeting(r.meeting))
      .catch(() => setMeeting(null));
    if (REVIEWED.includes(view.status))
      api('reviews', 'myResult', { declarationId: view.declarationId })
        .then(setResult)
        .catch(() => setResult(null));
  }, [view.declarationId, view.status]);

  if (!meeting && !result) return null;
  return (
    <View className='section'>
      {meeting && (
        <>
          <Text className='section__title'>评审会</Text>
          <Text className='field__hint'>
            {shanghaiDateTime(meeting.at)}，{meeting.place}
            {meeting.onlineLink ? `（线上：${meeting.onlineLink}）` : ''}。请派人到场陈述约 {meeting.presentMinutes} 分钟，并回答专家提问。
          </Text>
        </>
      )}
      {result && (
        <>
          <Text className='section__title'>评审结果</Text>
          <Text className='field__hint'>
            平均分 {result.average.toFixed(2)}，{result.passed ? '达到达标分数线，拟定为公共法律服务产品' : '未达到达标要求'}
          </Text>
          {result.itemAverages.map((i) => (
            <Text key={i.key} className='field__hint'>
              {i.label}：{i.average} / {i.max}
            </Text>
          ))}
          {result.comments.map((c, i) => (
            <Text key={i} className='field__hint'>
              专家意见：{c}
            </Text>
          ))}
        </>
      )}
    </View>
  );
}
