/**
 * The bureau's side of an open review: the panel's asks for material (forward to the applicant with a date, or decline
 * with a reason), the review meeting (schedule it, record the notes), and the printable review report.
 */
import { useCallback, useEffect, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { DeclarationView } from '@shared/declaration';
import type { AskView, MeetingView } from '@shared/review';
import { RUBRIC } from '@shared/rubric';
import { shanghaiDateTime } from '@shared/time';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { openPrintable } from '../../../../utils/print';

const LABEL = new Map(RUBRIC.map((i) => [i.key, i.label]));
const STATUS = { asked: '待处理', forwarded: '已转交', declined: '不予转交' } as const;

export function ReviewTransparency({ d }: { d: DeclarationView }) {
  const [asks, setAsks] = useState<AskView[]>([]);
  const [meeting, setMeeting] = useState<MeetingView | null>(null);
  const [dueOn, setDueOn] = useState('');
  const [reason, setReason] = useState('');
  const [at, setAt] = useState('');
  const [place, setPlace] = useState('');
  const [notes, setNotes] = useState('');
  const [notice, setNotice] = useState('');
  const inReview = d.status === 'in-review';

  const load = useCallback(async () => {
    try {
      setAsks((await api('reviews', 'asks', { declarationId: d.declarationId })).asks);
      setMeeting((await api('reviews', 'meeting', { declarationId: d.declarationId })).meeting);
    } catch (e) {
      setNotice(errorMessage(e));
    }
  }, [d.declarationId]);
  useEffect(() => {
    if (d.status !== 'draft' && d.status !== 'withdrawn') load();
  }, [load, d.status]);

  const act = async (f: () => Promise<unknown>) => {
    setNotice('');
    try {
      await f();
      load();
    } catch (e) {
      setNotice(e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e));
    }
  };
  const report = () =>
    act(async () => {
      if (!openPrintable((await api('reviews', 'report', { declarationId: d.declarationId })).html)) setNotice('请在电脑浏览器中打开网页版打印评审报告');
    });

  if (d.status === 'draft' || d.status === 'withdrawn') return null;
  return (
    <View className='admin__card'>
      <Text className='admin__title'>评审组要求补充的材料</Text>
      {asks.length === 0 && <Text className='admin__meta'>暂无</Text>}
      {asks.map((a) => (
        <View key={a.askId} className='admin__field'>
          <Text className='admin__label'>
            {a.itemKey ? `【${LABEL.get(a.itemKey)}】` : ''}
            {a.note} · {STATUS[a.status]}
            {a.reason ? `：${a.reason}` : ''}
          </Text>
          {a.answer && <Text className='admin__meta'>申报单位答复：{a.answer.text}</Text>}
          {a.status === 'asked' && inReview && (
            <>
              <Input className='admin__input' value={dueOn} placeholder='补充期限，如 2026-03-20' onInput={(e) => setDueOn(e.detail.value)} />
              <AtButton size='small' type='primary' onClick={() => act(() => api('reviews', 'decideAsk', { askId: a.askId, forward: true, dueOn }))}>
                转交申报单位
              </AtButton>
              <Input className='admin__input' value={reason} placeholder='不予转交的理由' onInput={(e) => setReason(e.detail.value)} />
              <AtButton size='small' onClick={() => act(() => api('reviews', 'decideAsk', { askId: a.askId, forward: false, reason }))}>
                不予转交
              </AtButton>
            </>
          )}
        </View>
      ))}

      <Text className='admin__title'>评审会</Text>
      {meeting ? (
        <Text className='admin__meta'>
          {shanghaiDateTime(meeting.at)} · {meeting.place} · 陈述 {meeting.presentMinutes} 分钟{meeting.notes ? ` · 已记录` : ''}
        </Text>
      ) : (
        <Text className='admin__meta'>未安排</Text>
      )}
      {inReview && !meeting?.notes && (
        <>
          <Input className='admin__input' value={at} placeholder='时间，如 2026-03-20T09:00:00+08:00' onInput={(e) => setAt(e.detail.value)} />
          <Input className='admin__input' value={place} placeholder='地点' onInput={(e) => setPlace(e.detail.value)} />
          <AtButton size='small' onClick={() => act(() => api('reviews', 'scheduleMeeting', { declarationIds: [d.declarationId], at, place }))}>
            {meeting ? '改期' : '安排评审会'}
          </AtButton>
        </>
      )}
      {inReview && meeting && (
        <>
          <Textarea className='admin__input' value={notes} placeholder='会议记录：陈述要点、专家提问与回答' onInput={(e) => setNotes(e.detail.value)} />
          <AtButton size='small' onClick={() => act(() => api('reviews', 'meetingNotes', { declarationId: d.declarationId, notes }))}>
            保存会议记录
          </AtButton>
        </>
      )}
      {meeting?.notes && <Text className='admin__meta'>会议记录：{meeting.notes}</Text>}

      {d.status !== 'submitted' && (
        <AtButton size='small' onClick={report}>
          打印评审报告
        </AtButton>
      )}
      {notice && <Text className='admin__error'>{notice}</Text>}
    </View>
  );
}
