/** A provider: the credit events about it (with a place to add its statement) and the rectifications asked of it. */
import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { EventView, RectificationView } from '@shared/actions/supervision';
import { api } from '../../../../api/client';
import { Failure, Loading } from '../../../../components/StateView';
import { confirmStep, issuesOf, useLoader } from '../../shared';
import { deskPage } from '../../../../components/desk/deskPage';

function MinePage() {
  const [events, setEvents] = useState<EventView[] | null>(null);
  const [rects, setRects] = useState<RectificationView[] | null>(null);
  const [text, setText] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});

  const { error, load } = useLoader(async () => {
    setEvents((await api('supervision', 'myEvents', {})).events);
    setRects((await api('supervision', 'rectifications', {})).rectifications);
  }, []);
  if (error) return <Failure message={error} onRetry={load} />;
  if (!events || !rects) return <Loading />;
  const edit = (key: string) => (e: { detail: { value: string } }) => setText((t) => ({ ...t, [key]: e.detail.value }));

  const respond = async (ev: EventView) => {
    setErrors({});
    if (!(await confirmStep('提交情况说明', '情况说明将与这条信用信息一起向社会公开，确认提交？', '提交'))) return;
    try {
      await api('supervision', 'respond', { eventId: ev.eventId, statement: text[ev.eventId] ?? '' });
      load();
    } catch (e) {
      setErrors({ [ev.eventId]: issuesOf(e).fields.statement ?? issuesOf(e).message });
    }
  };
  const answer = async (r: RectificationView) => {
    setErrors({});
    if (!(await confirmStep('提交整改情况', `提交“${r.productName}”的整改措施和佐证材料？提交后不能修改。`, '提交'))) return;
    try {
      await api('supervision', 'answerRectification', { rectificationId: r.rectificationId, measures: text[`m${r.rectificationId}`] ?? '', evidence: text[`e${r.rectificationId}`] ?? '' });
      load();
    } catch (e) {
      const { fields, message } = issuesOf(e);
      setErrors({ [r.rectificationId]: fields.measures ?? fields.evidence ?? message });
    }
  };

  return (
    <View className='admin'>
      <View className='admin__card'>
        <Text className='admin__title'>限期整改</Text>
        {rects.length === 0 && <Text className='admin__meta'>没有整改要求</Text>}
        {rects.map((r) => (
          <View className='svp__row' key={r.rectificationId}>
            {r.overdue && <Text className='svp__flag'>已逾期</Text>}
            <Text className='admin__name'>{r.productName}</Text>
            <Text className='admin__meta'>
              整改期限至 {r.dueOn}（{r.dueWorkingDays} 个工作日）
            </Text>
            <Text className='svp__text'>理由：{r.reason}</Text>
            {r.answer ? (
              <Text className='svp__text'>
                已于 {r.answer.answeredOn} 答复{r.answer.onTime ? '' : '（逾期）'}：{r.answer.measures}
              </Text>
            ) : (
              <>
                <Textarea className='admin__textarea' placeholder='整改措施' value={text[`m${r.rectificationId}`] ?? ''} maxlength={2000} onInput={edit(`m${r.rectificationId}`)} />
                <Textarea className='admin__textarea' placeholder='佐证材料（如回访记录、制度文件）' value={text[`e${r.rectificationId}`] ?? ''} maxlength={2000} onInput={edit(`e${r.rectificationId}`)} />
                {errors[r.rectificationId] && <Text className='admin__error'>{errors[r.rectificationId]}</Text>}
                <AtButton type='primary' size='small' onClick={() => answer(r)}>
                  提交整改情况
                </AtButton>
              </>
            )}
          </View>
        ))}
      </View>

      <View className='admin__card'>
        <Text className='admin__title'>本单位的信用信息</Text>
        {events.length === 0 && <Text className='admin__meta'>暂无信用信息</Text>}
        {events.map((e) => (
          <View className='svp__row' key={e.eventId}>
            <Text className={`svp__flag ${e.polarity === 'positive' ? 'svp__flag--ok' : ''}`}>{e.kindLabel}</Text>
            <Text className='svp__text'>{e.title}</Text>
            <Text className='admin__meta'>
              {e.occurredOn} · {e.recordedByName} · {e.revoked ? `已撤销（${e.revoked.reason}）` : e.isPublic ? `公示至 ${e.publicUntil}` : '公示期已满，不再公开'}
            </Text>
            {e.statement && <Text className='svp__text'>本单位说明：{e.statement}</Text>}
            {e.canRespond && (
              <>
                <Textarea className='admin__textarea' placeholder={e.statement ? '更新情况说明' : '情况说明（将公开）'} value={text[e.eventId] ?? ''} maxlength={1000} onInput={edit(e.eventId)} />
                {errors[e.eventId] && <Text className='admin__error'>{errors[e.eventId]}</Text>}
                <AtButton size='small' onClick={() => respond(e)}>
                  提交情况说明
                </AtButton>
              </>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}

export default deskPage('信用信息与整改', MinePage);
