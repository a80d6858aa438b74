/**
 * The provider's side of the yearly assessment: report each product's year before the campaign ends, read the draft
 * result with how it was computed, and appeal it within the appeal window.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { askConfirm } from '../../../../components/Dialog';
import { AtButton } from 'taro-ui';
import { APPEAL_STATUS_LABELS, CAMPAIGN_STATUS_LABELS, evidenceText, gradeText, shortfallText, showsScore } from '@shared/assessment';
import type { AssessmentsApi, ResultView } from '@shared/actions/assessments';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { useLargeFont } from '../../../../utils/largeFont';
import './index.scss';
import { deskPage } from '../../../../components/desk/deskPage';

type Mine = AssessmentsApi['mine'][1];
type Issues = Record<string, string>;
const issuesOf = (e: unknown): Issues => (e instanceof ApiError ? Object.fromEntries(e.issues.map((i) => [i.path, i.message])) : {});

function SelfReportForm({ year, productId, onDone }: { year: number; productId: string; onDone: () => void }) {
  const [served, setServed] = useState('');
  const [capacity, setCapacity] = useState('');
  const [summary, setSummary] = useState('');
  const [issues, setIssues] = useState<Issues>({});
  const [message, setMessage] = useState('');
  const submit = async () => {
    setIssues({});
    setMessage('');
    try {
      await api('assessments', 'selfReport', { year, productId, servedCount: Number(served), ...(capacity ? { capacity: Number(capacity) } : {}), summary });
      onDone();
    } catch (e) {
      setIssues(issuesOf(e));
      setMessage(errorMessage(e));
    }
  };
  return (
    <View className='pa__form'>
      <Text className='pa__label'>全年服务人次</Text>
      <Input className='pa__input' type='number' value={served} onInput={(e) => setServed(e.detail.value)} />
      {issues.servedCount && <Text className='pa__error'>{issues.servedCount}</Text>}
      <Text className='pa__label'>年服务能力（可服务的人次，选填）</Text>
      <Input className='pa__input' type='number' value={capacity} onInput={(e) => setCapacity(e.detail.value)} />
      {issues.capacity && <Text className='pa__error'>{issues.capacity}</Text>}
      <Text className='pa__label'>自评报告</Text>
      <Textarea className='pa__textarea' value={summary} maxlength={5000} placeholder='全年服务开展情况、成效和存在的问题' onInput={(e) => setSummary(e.detail.value)} />
      {issues.summary && <Text className='pa__error'>{issues.summary}</Text>}
      {message && !Object.keys(issues).length && <Text className='pa__error'>{message}</Text>}
      <AtButton type='primary' onClick={submit}>
        提交自评报告
      </AtButton>
    </View>
  );
}

function Breakdown({ r }: { r: ResultView }) {
  return (
    <View className='pa__breakdown'>
      {r.components.map((c) => (
        <View key={c.key} className={`pa__component ${c.key.startsWith('inspection.') ? 'pa__component--sub' : ''}`}>
          <Text className='pa__cLabel'>{c.label}</Text>
          <Text className='pa__cValue'>{c.score === null ? '不计入' : `${c.score} 分 × ${c.effectiveWeight}%${c.missing ? '（全市水平）' : ''}`}</Text>
          {c.note && <Text className='pa__cNote'>{c.note}</Text>}
        </View>
      ))}
    </View>
  );
}

function ProviderAssessmentPage() {
  const year = new Date().getFullYear();
  const [data, setData] = useState<Mine | null>(null);
  const [error, setError] = useState('');
  const [reporting, setReporting] = useState<string | null>(null);
  const [appealing, setAppealing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState('');
  const [large] = useLargeFont();
  const load = useCallback(async () => {
    setError('');
    try {
      setData(await api('assessments', 'mine', { year }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [year]);
  useEffect(() => {
    load();
  }, [load]);

  const appeal = async (productId: string) => {
    if (!(await askConfirm({ title: '提交申诉', content: '每个产品每年只能申诉一次，提交后不能修改。确定提交吗？' }))) return;
    try {
      await api('assessments', 'appeal', { year, productId, reason });
      setAppealing(null);
      setReason('');
      setNotice('申诉已提交，市司法局处理后会在这里显示结果');
      load();
    } catch (e) {
      setNotice(errorMessage(e));
    }
  };

  if (error) return <Failure message={error} onRetry={load} />;
  if (!data) return <Loading />;
  if (!data.campaign) return <Empty title={`${year} 年度测评还没有开始`} hint='市司法局开始测评后，您可以在这里提交自评报告' action={{ text: '刷新', onClick: load }} />;
  const c = data.campaign;
  if (data.products.length === 0) return <Empty title='本单位没有参加本年度测评的产品' action={{ text: '返回我的申报', onClick: () => Taro.navigateTo({ url: '/packages/applicant/pages/declarations/index' }) }} />;
  const canAppeal = c.status === 'computed' && c.appealBy !== null;

  return (
    <View className={`pa ${large ? 'lf' : ''}`}>
      <View className='pa__card'>
        <Text className='pa__title'>{c.title}</Text>
        <Text className='pa__meta'>
          {CAMPAIGN_STATUS_LABELS[c.status]} · 自评截止 {c.endsOn}
          {c.appealBy ? ` · 申诉截止 ${c.appealBy}` : ''}
        </Text>
      </View>
      {notice && <Text className='pa__notice'>{notice}</Text>}
      {data.products.map((p) => {
        const r = data.results.find((x) => x.productId === p.productId);
        const a = data.appeals.find((x) => x.productId === p.productId);
        return (
          <View key={p.productId} className='pa__card'>
            <Text className='pa__title'>{p.name}</Text>
            <Text className='pa__meta'>自评报告：{p.selfReported ? '已提交（截止前可重新提交）' : '未提交'}</Text>
            {p.selfReport && (
              <Text className='pa__meta'>
                服务能力：
                {p.selfReport.accepted
                  ? `市司法局核定为每年 ${p.selfReport.accepted.capacity} 人次${p.selfReport.accepted.capacity !== p.selfReport.capacity ? `（申报 ${p.selfReport.capacity ?? '未填'}）` : ''}`
                  : '尚未经市司法局核定（核定前，使用情况按全市水平计，且不能评为需要核定服务能力的等次）'}
              </Text>
            )}
            {c.status === 'open' &&
              (reporting === p.productId ? (
                <SelfReportForm year={year} productId={p.productId} onDone={() => (setReporting(null), setNotice('自评报告已提交'), load())} />
              ) : (
                <AtButton onClick={() => setReporting(p.productId)}>{p.selfReported ? '重新填写自评报告' : '填写自评报告'}</AtButton>
              ))}
            {r && (
              <View>
                <Text className='pa__grade'>
                  {r.status === 'published' ? '测评结果' : '测评结果（征求意见稿）'}：{gradeText(r)}
                  {showsScore(r) ? ` · ${r.score} 分` : ` · 得分 ${r.score}`}
                </Text>
                <Text className='pa__meta'>{evidenceText(r.evidence)}</Text>
                {(r.shortfalls ?? []).map((s) => (
                  <Text key={s.grade} className='pa__meta'>
                    {shortfallText(s)}
                  </Text>
                ))}
                <Breakdown r={r} />
              </View>
            )}
            {a && (
              <Text className='pa__meta'>
                申诉：{APPEAL_STATUS_LABELS[a.status]}
                {a.decision ? `（${a.decision.reason}）` : ''}
              </Text>
            )}
            {r && !a && canAppeal &&
              (appealing === p.productId ? (
                <View className='pa__form'>
                  <Text className='pa__label'>申诉理由</Text>
                  <Textarea className='pa__textarea' value={reason} maxlength={1000} onInput={(e) => setReason(e.detail.value)} />
                  <AtButton type='primary' onClick={() => appeal(p.productId)}>
                    提交申诉
                  </AtButton>
                </View>
              ) : (
                <AtButton onClick={() => setAppealing(p.productId)}>对结果有异议，申诉</AtButton>
              ))}
          </View>
        );
      })}
    </View>
  );
}

export default deskPage('年度测评', ProviderAssessmentPage);
