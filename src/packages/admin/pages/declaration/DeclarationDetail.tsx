/**
 * One declaration as the bureau sees it, in parts: on a phone one column in today's order; at the desk the actions
 * (review, publicity, publication, 要求补充材料) in a sticky panel beside the content, and the specification's sections
 * collapsible — the page that was 6,783 px tall with 要求补充材料 at the very bottom.
 */
import { useCallback, useEffect, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { DECLARATION_MODE_LABELS, DECLARATION_STATUS_LABELS, type DeclarationView } from '@shared/declaration';
import { shanghaiDate } from '@shared/time';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { SpecView } from '../../../../components/SpecView';
import { canPrint, openPrintable } from '../../../../utils/print';
import { PublicityPanel } from './PublicityPanel';
import { ReviewPanel } from './ReviewPanel';
import { ReviewTransparency } from './ReviewTransparency';

export function useDeclaration(id: string) {
  const [d, setD] = useState<DeclarationView | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    setError('');
    try {
      setD(await api('declarations', 'get', { declarationId: id }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);
  useEffect(() => {
    setD(null);
    load();
  }, [load]);
  return { d, setD, error, load };
}

export function DeclarationHeader({ d }: { d: DeclarationView }) {
  const [notice, setNotice] = useState('');
  const print = async () => {
    const { html } = await api('declarations', 'printable', { declarationId: d.declarationId });
    if (!openPrintable(html)) setNotice('浏览器阻止了新窗口，请允许弹出窗口后重试');
  };
  return (
    <View className='admin__card'>
      <Text className='admin__name'>{d.name || '未命名的产品'}</Text>
      <Text className='admin__meta'>
        <Text className='admin__status'>{DECLARATION_STATUS_LABELS[d.status]}</Text>
        {DECLARATION_MODE_LABELS[d.declarationMode]}
        {d.recommender ? `（${d.recommender}）` : ''} · 版本 {d.version}
      </Text>
      {canPrint && (
        <AtButton size='small' onClick={print}>
          打印说明书
        </AtButton>
      )}
      {notice && <Text className='admin__error'>{notice}</Text>}
    </View>
  );
}

/** The material requests so far (`list`) and, while the declaration is submitted, the form to ask for more (`form`). */
export function MaterialRequests({ d, onUpdated, list = true, form = true }: { d: DeclarationView; onUpdated: (d: DeclarationView) => void; list?: boolean; form?: boolean }) {
  const [note, setNote] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const request = async () => {
    setFormErrors({});
    setNotice('');
    try {
      onUpdated(await api('declarations', 'requestMaterials', { declarationId: d.declarationId, note, dueOn }));
      setNote('');
      setNotice('已通知申报单位补充材料');
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) setFormErrors(Object.fromEntries(e.issues.map((i) => [i.path, i.message])));
      else setNotice(errorMessage(e));
    }
  };
  const asking = form && d.status === 'submitted';
  if (!list && !asking) return null;
  return (
    <View className='admin__card'>
      <Text className='admin__title'>{list ? '补充材料' : '要求补充材料'}</Text>
      {list && d.materialRequests.length === 0 && <Text className='admin__meta'>尚未要求补充材料</Text>}
      {list &&
        d.materialRequests.map((r) => (
          <View key={r.requestId} className='admin__field'>
            <Text className='admin__label'>{r.note}</Text>
            <Text className='admin__meta'>
              期限 {r.dueOn} · {r.response ? `已补充：${r.response.text}` : '尚未补充'}
            </Text>
            {r.response && r.response.attachments.length > 0 && <Text className='admin__meta'>附件：{r.response.attachments.map((a) => a.name).join('、')}</Text>}
          </View>
        ))}
      {asking && (
        <View>
          <Textarea className='admin__textarea' value={note} placeholder='需要补充的材料' onInput={(e) => setNote(e.detail.value)} />
          {formErrors.note && <Text className='admin__error'>{formErrors.note}</Text>}
          <Input className='admin__input' value={dueOn} placeholder='补充期限，如 2026-03-20' onInput={(e) => setDueOn(e.detail.value)} />
          {formErrors.dueOn && <Text className='admin__error'>{formErrors.dueOn}</Text>}
          {notice && <Text className='admin__notice'>{notice}</Text>}
          <AtButton type='primary' onClick={request}>
            要求补充材料
          </AtButton>
        </View>
      )}
    </View>
  );
}

type Parts = { d: DeclarationView; load: () => void; setD: (d: DeclarationView) => void };

/** On a phone: the one column of today. */
export function DeclarationPhone({ d, load, setD }: Parts) {
  return (
    <View className='admin'>
      <DeclarationHeader d={d} />
      <PublicityPanel d={d} today={shanghaiDate(Date.now())} onChanged={load} />
      <ReviewPanel d={d} onChanged={load} />
      <ReviewTransparency d={d} />
      <SpecView spec={d.spec} />
      <MaterialRequests d={d} onUpdated={setD} />
    </View>
  );
}

/** At the desk, the sticky panel: what can be done to the declaration now. */
export function DeclarationActions({ d, load, setD }: Parts) {
  return (
    <View className='admin admin--actions'>
      <DeclarationHeader d={d} />
      <PublicityPanel d={d} today={shanghaiDate(Date.now())} onChanged={load} part='actions' />
      <ReviewPanel d={d} onChanged={load} />
      <MaterialRequests d={d} onUpdated={setD} list={false} />
    </View>
  );
}

/** At the desk, the content beside the actions: the review's course, the comments, the specification, materials. */
export function DeclarationContent({ d, load, setD }: Parts) {
  return (
    <View className='admin'>
      <ReviewTransparency d={d} />
      <PublicityPanel d={d} today={shanghaiDate(Date.now())} onChanged={load} part='comments' />
      <MaterialRequests d={d} onUpdated={setD} form={false} />
      <SpecView spec={d.spec} collapsible />
    </View>
  );
}
