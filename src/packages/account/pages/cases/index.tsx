/**
 * 小李 sees what became of his bad rating: that someone called back, what they fixed, and says whether it satisfied
 * him. 仍不满意 the first time asks the bureau to review the case (好差评's 复核), with its deadline; the review's
 * outcome and reason are shown here, and every step is also a message in 我的消息 that opens this page at the case.
 */
import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { CaseView } from '@shared/actions/ratings';
import { LEVEL_LABELS, REVIEW_OUTCOME_LABELS, REVIEW_WORKING_DAYS, type CaseResponse } from '@shared/rating';
import { api, ensureSession, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { Unbroken } from '../../../../components/Unbroken';
import { goTab } from '../../../../utils/nav';
import { useLargeFont } from '../../../../utils/largeFont';
import { askToHearBack } from '../../../../utils/subscribe';
import '../../../admin/pages/admin.scss';
import './index.scss';
import { scrollToSelector } from '../../../../utils/scrollTo';

function Answer({ r, title }: { r: CaseResponse; title: string }) {
  return (
    <View className='cases__answer'>
      <Text className='admin__label cases__step'>{title}</Text>
      {r.callbackOn && <Unbroken className='admin__label' text={`${r.callbackOn} 给您回了电话：${r.callbackNote ?? ''}`} />}
      <Text className='admin__label'>整改措施：{r.fix}</Text>
    </View>
  );
}

function CaseCard({ c, focused, onChanged }: { c: CaseView; focused: boolean; onChanged: () => void }) {
  const [unhappy, setUnhappy] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const reviewed = !!c.review;
  const confirm = async (satisfied: boolean) => {
    // Asked at the tap (WeChat allows it only then): the review's result comes as a result notice.
    if (!satisfied && !reviewed) await askToHearBack(['RESULT']);
    setBusy(true);
    setError('');
    try {
      await api('ratings', 'confirmCase', { caseId: c.caseId, satisfied, ...(!satisfied && reason.trim() ? { reason: reason.trim() } : {}) });
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const decision = c.review?.decision;
  return (
    <View className={`admin__card cases__card ${focused ? 'cases__card--focus' : ''}`} id={`case-${c.caseId}`}>
      <Text className='admin__name'>{c.productName}</Text>
      <Unbroken className='admin__meta' text={`${c.openedOn} 评价“${LEVEL_LABELS[c.level]}”`} />
      {c.text && <Text className='admin__label cases__words'>您写的：{c.text}</Text>}
      {(c.earlier ?? []).map((r, i) => (
        <Answer key={i} r={r} title={`服务单位第 ${i + 1} 次答复（${r.respondedOn}）`} />
      ))}
      {c.response && <Answer r={c.response} title={`服务单位答复（${c.response.respondedOn}）`} />}
      {c.review && (
        <View className='cases__answer'>
          <Text className='admin__label cases__step'>您仍不满意，已请市司法局复核（{c.review.requestedOn}）</Text>
          {decision ? (
            <Text className='admin__label'>
              复核结果（{decision.decidedOn}）：{REVIEW_OUTCOME_LABELS[decision.outcome]}。理由：{decision.reason}
            </Text>
          ) : (
            <Unbroken className='admin__label' text={`市司法局将于 ${c.review.dueOn} 前给出复核结果，结果会在“我的消息”里告诉您`} />
          )}
        </View>
      )}

      {c.status === 'open' && (
        <Text className={c.overdue ? 'admin__error' : 'admin__meta'}>
          {c.overdue ? `服务单位已逾期（应于 ${c.dueOn} 前答复），市司法局会督促处理` : `服务单位应于 ${c.dueOn} 前${c.callbackWanted ? '给您回电并' : ''}答复`}
        </Text>
      )}
      {c.status === 'responded' && !unhappy && (
        <View className='cases__actions'>
          <Text className='admin__label'>您对服务单位的答复满意吗？</Text>
          <AtButton type='primary' disabled={busy} onClick={() => confirm(true)}>
            满意
          </AtButton>
          <AtButton disabled={busy} onClick={() => setUnhappy(true)}>
            仍不满意
          </AtButton>
        </View>
      )}
      {c.status === 'responded' && unhappy && (
        <View className='cases__actions'>
          <Text className='admin__label'>{reviewed ? '市司法局已经复核过。确认仍不满意后，这件事就办结了。' : `提交后，市司法局会在 ${REVIEW_WORKING_DAYS} 个工作日内复核，并把结果告诉您。`}</Text>
          <Textarea className='admin__textarea' value={reason} maxlength={500} placeholder='还有哪里不满意？（选填，只给市司法局看）' onInput={(e) => setReason(e.detail.value)} />
          <AtButton type='primary' disabled={busy} onClick={() => confirm(false)}>
            {reviewed ? '确认仍不满意' : '请市司法局复核'}
          </AtButton>
          <AtButton disabled={busy} onClick={() => setUnhappy(false)}>
            返回
          </AtButton>
        </View>
      )}
      {c.status === 'closed' && (
        <Text className='admin__meta'>
          已办结：您{c.raterSatisfied ? '满意' : '仍不满意'}。{c.raterSatisfied ? '' : '如仍有意见，可以拨打 12348 公共法律服务热线。'}
        </Text>
      )}
      {error && <Text className='admin__error'>{error}</Text>}
    </View>
  );
}

export default function MyCasesPage() {
  const focus = useRouter().params.open;
  const [cases, setCases] = useState<CaseView[] | null>(null);
  const [error, setError] = useState('');
  const [large] = useLargeFont();
  const load = useCallback(async () => {
    setError('');
    try {
      // Opened from a message on a new device: a citizen has no sign-in, only the session this device keeps.
      await ensureSession();
      setCases((await api('ratings', 'myCases', {})).cases);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    load();
  }, [load]);
  useEffect(() => {
    if (focus && cases) setTimeout(() => void scrollToSelector(`#case-${focus}`), 100);
  }, [focus, cases]);
  if (error) return <Failure message={error} onRetry={load} />;
  if (!cases) return <Loading />;
  if (cases.length === 0)
    return (
      <View className={large ? 'lf' : ''}>
        <Empty title='没有需要处理的评价' hint='给出“不满意”评价后，服务单位的回访和整改会显示在这里' action={{ text: '返回我的', onClick: () => goTab('me') }} />
      </View>
    );
  return (
    <View className={`admin cases ${large ? 'lf' : ''}`}>
      {cases.map((c) => (
        <CaseCard key={c.caseId} c={c} focused={c.caseId === focus} onChanged={load} />
      ))}
    </View>
  );
}
