/** One declaration as the bureau sees it: the specification, the material requests, printing. */
import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { DECLARATION_MODE_LABELS, DECLARATION_STATUS_LABELS, type DeclarationView } from '@shared/declaration';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { SpecView } from '../../../../components/SpecView';
import { Failure, Loading } from '../../../../components/StateView';
import { canPrint, openPrintable } from '../../../../utils/print';
import { shanghaiDate } from '@shared/time';
import { PublicityPanel } from './PublicityPanel';
import { ReviewPanel } from './ReviewPanel';
import { ReviewTransparency } from './ReviewTransparency';
import '../admin.scss';

export default function DeclarationDetailPage() {
  const id = useRouter().params.id ?? '';
  const [d, setD] = useState<DeclarationView | null>(null);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    setError('');
    try {
      setD(await api('declarations', 'get', { declarationId: id }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);
  useEffect(() => {
    load();
  }, [load]);

  const request = async () => {
    setFormErrors({});
    setNotice('');
    try {
      setD(await api('declarations', 'requestMaterials', { declarationId: id, note, dueOn }));
      setNote('');
      setNotice('已通知申报单位补充材料');
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) setFormErrors(Object.fromEntries(e.issues.map((i) => [i.path, i.message])));
      else setNotice(errorMessage(e));
    }
  };
  const print = async () => {
    const { html } = await api('declarations', 'printable', { declarationId: id });
    if (!openPrintable(html)) setNotice('浏览器阻止了新窗口，请允许弹出窗口后重试');
  };

  if (error) return <Failure message={error} onRetry={load} />;
  if (!d) return <Loading />;
  return (
    <View className='admin'>
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
      </View>
      <PublicityPanel d={d} today={shanghaiDate(Date.now())} onChanged={load} />
      <ReviewPanel d={d} onChanged={load} />
      <ReviewTransparency d={d} />
      <SpecView spec={d.spec} />
      <View className='admin__card'>
        <Text className='admin__title'>补充材料</Text>
        {d.materialRequests.length === 0 && <Text className='admin__meta'>尚未要求补充材料</Text>}
        {d.materialRequests.map((r) => (
          <View key={r.requestId} className='admin__field'>
            <Text className='admin__label'>{r.note}</Text>
            <Text className='admin__meta'>
              期限 {r.dueOn} · {r.response ? `已补充：${r.response.text}` : '尚未补充'}
            </Text>
            {r.response && r.response.attachments.length > 0 && <Text className='admin__meta'>附件：{r.response.attachments.map((a) => a.name).join('、')}</Text>}
          </View>
        ))}
        {d.status === 'submitted' && (
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
    </View>
  );
}
