/**
 * On the phone, at the provider's counter: pick the method, walk its checklist, add notes and photos, submit.
 * Everything typed is kept on the phone as a draft until the record is accepted, so a weak signal loses nothing.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { CHECKLISTS, METHODS, METHOD_LABELS, type Method } from '@shared/assessment';
import type { FindingView } from '@shared/actions/assessments';
import { shanghaiDate } from '@shared/time';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { Failure, Loading } from '../../../../components/StateView';
import type { PickedFile } from '../../../../utils/pickFile';
import { pickAndUploadPhoto } from '../../../../utils/pickPhoto';
import { useLargeFont } from '../../../../utils/largeFont';
import '../assessor.scss';

interface Draft {
  method: Method;
  checked: string[];
  notes: string;
  evidence: PickedFile[];
  supersedes?: string;
  reason?: string;
}

const draftKey = (year: number, productId: string) => `hzlp.assess.draft.${year}.${productId}`;
const empty = (method: Method = 'ledger'): Draft => ({ method, checked: [], notes: '', evidence: [] });

const FINDING_BY = { admin: '市司法局', assessor: '其他测评机构', purchaser: '采购单位' } as const;

export default function RecordPage() {
  const params = useRouter().params;
  const year = Number(params.year) || new Date().getFullYear();
  const productId = params.productId ?? '';
  const [draft, setDraft] = useState<Draft>(() => (Taro.getStorageSync(draftKey(year, productId)) as Draft) || empty());
  const [findings, setFindings] = useState<FindingView[] | null>(null);
  const [loadError, setLoadError] = useState('');
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [large] = useLargeFont();

  // The draft is saved on the phone on every change.
  const update = (patch: Partial<Draft>) =>
    setDraft((d) => {
      const next = { ...d, ...patch };
      Taro.setStorageSync(draftKey(year, productId), next);
      return next;
    });

  const load = useCallback(async () => {
    setLoadError('');
    try {
      setFindings((await api('assessments', 'findings', { year, productId })).findings);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, [year, productId]);
  useEffect(() => {
    load();
  }, [load]);

  const items = CHECKLISTS[draft.method];
  const score = items.filter((i) => draft.checked.includes(i.key)).reduce((a, i) => a + i.points, 0);
  const toggle = (key: string) => update({ checked: draft.checked.includes(key) ? draft.checked.filter((k) => k !== key) : [...draft.checked, key] });

  const addPhoto = async () => {
    setNotice(null);
    try {
      const f = await pickAndUploadPhoto();
      // registerFile also answers the size; a finding keeps the id and the name only.
      if (f) update({ evidence: [...draft.evidence, { fileId: f.fileId, name: f.name }] });
    } catch (e) {
      setNotice({ kind: 'error', text: `照片没有上传成功：${errorMessage(e)}。记录已保存在本机，可稍后再试。` });
    }
  };

  const submit = async () => {
    setBusy(true);
    setNotice(null);
    setIssues({});
    try {
      await api('assessments', 'recordFinding', {
        year,
        productId,
        method: draft.method,
        on: shanghaiDate(new Date()),
        score,
        notes: draft.notes,
        checked: draft.checked,
        evidence: draft.evidence.map(({ fileId, name }) => ({ fileId, name })),
        ...(draft.supersedes ? { supersedes: draft.supersedes, reason: draft.reason ?? '' } : {}),
      });
      Taro.removeStorageSync(draftKey(year, productId));
      setDraft(empty(draft.method));
      setNotice({ kind: 'ok', text: `${METHOD_LABELS[draft.method]}记录已提交（${score} 分）` });
      load();
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) setIssues(Object.fromEntries(e.issues.map((i) => [i.path.split('.')[0], i.message])));
      const offline = !(e instanceof ApiError);
      setNotice({ kind: 'error', text: offline ? '网络不好，没有提交成功。记录已保存在本机，信号恢复后再点提交。' : errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  if (loadError && !findings) return <Failure message={loadError} onRetry={load} />;
  if (!findings) return <Loading />;
  const current = findings.filter((f) => !f.supersededBy);

  return (
    <View className={`assessor ${large ? 'lf' : ''}`}>
      <View className='assessor__card'>
        <Text className='assessor__title'>测评方式</Text>
        <View className='assessor__chips'>
          {METHODS.map((m) => (
            <Text key={m} className={`assessor__chip ${m === draft.method ? 'assessor__chip--on' : ''}`} onClick={() => update({ method: m, checked: [], supersedes: undefined, reason: undefined })}>
              {METHOD_LABELS[m]}
            </Text>
          ))}
        </View>
        {!draft.supersedes && current.some((f) => f.mine && f.method === draft.method) && (
          <Text className='assessor__meta'>本单位已有这一方式的记录：如需改动，请在下方“已提交的记录”里点“更正这条”。</Text>
        )}
      </View>

      <View className='assessor__card'>
        <Text className='assessor__title'>检查清单（逐项核对，符合的勾选）</Text>
        {items.map((i) => (
          <View key={i.key} className={`assessor__item ${draft.checked.includes(i.key) ? 'assessor__item--on' : ''}`} onClick={() => toggle(i.key)}>
            <Text className='assessor__tick'>{draft.checked.includes(i.key) ? '✓' : ''}</Text>
            <Text className='assessor__itemText'>{i.label}</Text>
            <Text className='assessor__points'>{i.points} 分</Text>
          </View>
        ))}
        <Text className='assessor__score'>得分：{score} 分</Text>
        {issues.score && <Text className='assessor__error'>{issues.score}</Text>}
      </View>

      <View className='assessor__card'>
        <Text className='assessor__title'>测评情况</Text>
        <Textarea className='assessor__textarea' value={draft.notes} maxlength={2000} placeholder='看到了什么、问了谁、发现的问题' onInput={(e) => update({ notes: e.detail.value })} />
        {issues.notes && <Text className='assessor__error'>{issues.notes}</Text>}
        <Text className='assessor__title'>照片和材料（{draft.evidence.length}）</Text>
        {draft.evidence.map((f) => (
          <View key={f.fileId} className='assessor__file'>
            <Text className='assessor__fileName'>{f.name}</Text>
            <Text className='assessor__link' onClick={() => update({ evidence: draft.evidence.filter((x) => x.fileId !== f.fileId) })}>
              删除
            </Text>
          </View>
        ))}
        {issues.evidence && <Text className='assessor__error'>{issues.evidence}</Text>}
        <AtButton onClick={addPhoto}>添加照片</AtButton>
        {draft.supersedes && (
          <View>
            <Text className='assessor__title'>更正理由</Text>
            <Textarea className='assessor__textarea' value={draft.reason ?? ''} maxlength={1000} onInput={(e) => update({ reason: e.detail.value })} />
            {issues.reason && <Text className='assessor__error'>{issues.reason}</Text>}
          </View>
        )}
      </View>

      {notice && <Text className={`assessor__notice assessor__notice--${notice.kind}`}>{notice.text}</Text>}
      <AtButton type='primary' loading={busy} disabled={busy} onClick={submit}>
        {draft.supersedes ? '提交更正' : '提交测评记录'}
      </AtButton>

      <View className='assessor__card'>
        <Text className='assessor__title'>已提交的记录</Text>
        {current.length === 0 && <Text className='assessor__meta'>还没有记录</Text>}
        {current.map((f) => (
          <View key={f.findingId} className='assessor__finding'>
            <Text className='assessor__meta'>
              {METHOD_LABELS[f.method]} · {f.on} · {f.score} 分{f.supersedes ? '（更正）' : ''}
            </Text>
            <Text className='assessor__itemText'>{f.notes}</Text>
            {f.mine ? (
              <Text className='assessor__link' onClick={() => update({ method: f.method, checked: f.checked, notes: f.notes, evidence: f.evidence, supersedes: f.findingId, reason: '' })}>
                更正这条
              </Text>
            ) : (
              <Text className='assessor__meta'>{FINDING_BY[f.recordedAs]}录入，只有录入单位可以更正</Text>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}
