/**
 * 限期整改 (the bureau): ask a provider to fix a product within working days (the product found by name, never on a
 * wheel); every rectification with its due day, overdue ones flagged.
 */
import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { RectificationView } from '@shared/actions/supervision';
import { DEFAULT_ADJUSTMENT_RULES } from '@shared/credit';
import { api } from '../../../../api/client';
import { findProducts, productOption } from '../../../../components/desk/pickers';
import { SearchSelect, type PickOption } from '../../../../components/desk/SearchSelect';
import { Failure, Loading } from '../../../../components/StateView';
import { confirmStep, Field, useFormErrors, useLoader } from '../../shared';
import { deskPage } from '../../../../components/desk/deskPage';

function RectificationsPage() {
  const preset = useRouter().params.productId ?? '';
  const [list, setList] = useState<RectificationView[] | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [product, setProduct] = useState<PickOption | null>(null);
  // Opened for one product (from the adjustment proposal): it is offered with its provider and standing.
  useEffect(() => {
    if (preset) productOption(preset).then(setProduct).catch(() => undefined);
  }, [preset]);
  const [reason, setReason] = useState('');
  const [days, setDays] = useState(String(DEFAULT_ADJUSTMENT_RULES.rectifyWorkingDays));
  const { issues, notice, setNotice, setIssues, reset, fail } = useFormErrors();

  const { error, load } = useLoader(async () => {
    setList((await api('supervision', 'rectifications', { overdueOnly })).rectifications);
  }, [overdueOnly]);
  if (error) return <Failure message={error} onRetry={load} />;
  if (!list) return <Loading />;

  const open = async () => {
    reset();
    if (!product) return setIssues({ productId: '请查找并选定产品' });
    if (!(await confirmStep('要求限期整改', `要求“${product.label}”（${product.detail ?? ''}）在 ${days} 个工作日内整改？`))) return;
    try {
      const r = await api('supervision', 'rectify', { productId: product.value, reason, dueWorkingDays: Number(days) });
      setNotice(`已发出，整改期限至 ${r.dueOn}`);
      setReason('');
      load();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <View className='admin'>
      <View className='admin__card'>
        <Text className='admin__title'>要求限期整改</Text>
        <Field label='产品' error={issues.productId}>
          <SearchSelect label='产品' search={findProducts} value={product} onChange={setProduct} />
        </Field>
        <Field label='整改理由' error={issues.reason}>
          <Textarea className='admin__textarea' value={reason} maxlength={500} onInput={(e) => setReason(e.detail.value)} />
        </Field>
        <Field label='整改期限（工作日，节假日不计）' error={issues.dueWorkingDays}>
          <Input className='admin__input' type='number' value={days} onInput={(e) => setDays(e.detail.value)} />
        </Field>
        {notice && <Text className='admin__notice'>{notice}</Text>}
        <AtButton type='primary' onClick={open}>
          发出整改要求
        </AtButton>
      </View>
      <View className='admin__filters'>
        <Text className={`admin__chip ${!overdueOnly ? 'admin__chip--on' : ''}`} onClick={() => setOverdueOnly(false)}>
          全部
        </Text>
        <Text className={`admin__chip ${overdueOnly ? 'admin__chip--on' : ''}`} onClick={() => setOverdueOnly(true)}>
          已逾期
        </Text>
      </View>
      <View className='admin__card'>
        {list.length === 0 && <Text className='admin__meta'>{overdueOnly ? '没有逾期的整改' : '还没有整改事项'}</Text>}
        {list.map((r) => (
          <View className='svp__row' key={r.rectificationId}>
            {r.overdue && <Text className='svp__flag'>已逾期</Text>}
            {r.answer && <Text className={`svp__flag ${r.answer.onTime ? 'svp__flag--ok' : ''}`}>{r.answer.onTime ? '按期答复' : '逾期答复'}</Text>}
            <Text className='admin__name'>{r.productName}</Text>
            <Text className='admin__meta'>
              {r.openedOn} 发出 · 期限 {r.dueWorkingDays} 个工作日，至 {r.dueOn}
            </Text>
            <Text className='svp__text'>理由：{r.reason}</Text>
            {r.answer && <Text className='svp__text'>整改措施：{r.answer.measures}</Text>}
            {r.answer && <Text className='svp__text'>佐证材料：{r.answer.evidence}</Text>}
          </View>
        ))}
      </View>
    </View>
  );
}

export default deskPage('限期整改', RectificationsPage);
