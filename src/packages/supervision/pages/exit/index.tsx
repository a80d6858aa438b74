/**
 * 暂停、恢复与退出: the bureau suspends a product pending review or reinstates it (each with a reason), and removes
 * products from the catalogue by an official document (文号, date, reason), after a confirmation.
 */
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { SearchCatalogueResult } from '@shared/actions/catalogue';
import { api } from '../../../../api/client';
import { Failure, Loading } from '../../../../components/StateView';
import { confirmStep, Field, issuesOf, today, useFormErrors, useLoader } from '../../shared';

export default function ExitPage() {
  const preset = useRouter().params.productId ?? '';
  const [products, setProducts] = useState<{ productId: string; name: string }[] | null>(null);
  const [picked, setPicked] = useState<string[]>(preset ? [preset] : []);
  const [documentNumber, setDocumentNumber] = useState('');
  const [on, setOn] = useState(today());
  const [reason, setReason] = useState('');
  const { issues, notice, setNotice, setIssues, reset, fail } = useFormErrors();
  const [suspendId, setSuspendId] = useState('');
  const [suspendReason, setSuspendReason] = useState('');

  const { error, load } = useLoader(async () => {
    setProducts((await api('ratings', 'myProducts', {})).products);
  }, []);
  if (error) return <Failure message={error} onRetry={load} />;
  if (!products) return <Loading />;
  const names = (ids: string[]) => ids.map((id) => products.find((p) => p.productId === id)?.name ?? id).join('、');

  const exit = async () => {
    reset();
    if (!picked.length) return setIssues({ productIds: '请选择要退出目录的产品' });
    if (!(await confirmStep('退出目录', `依据 ${documentNumber || '（未填文号）'}，“${names(picked)}”于 ${on} 退出目录。此后不能再评价，未用的评价码作废。`, '退出目录'))) return;
    try {
      const r = await api('supervision', 'exit', { productIds: picked, documentNumber, on, reason });
      setNotice(`已退出目录（目录第 ${r.version} 版）`);
      setPicked([]);
      load();
    } catch (e) {
      fail(e);
    }
  };
  const changeStatus = async (kind: 'suspend' | 'reinstate') => {
    setNotice('');
    if (!suspendId) return setNotice('请填写产品编号');
    if (!(await confirmStep(kind === 'suspend' ? '暂停产品' : '恢复产品', `${kind === 'suspend' ? '暂停' : '恢复'}产品 ${suspendId}？理由：${suspendReason}`))) return;
    try {
      await api('supervision', kind, { productId: suspendId, reason: suspendReason });
      setNotice(kind === 'suspend' ? '已暂停，目录中不再显示，产品页显示暂停公告' : '已恢复，目录中重新显示');
      load();
    } catch (e) {
      setNotice(issuesOf(e).message);
    }
  };
  const find = async (q: string) => {
    if (!q.trim()) return;
    const res: SearchCatalogueResult = await api('catalogue', 'search', { q: q.trim(), limit: 1 });
    if (res.items[0]) setSuspendId(res.items[0].productId);
  };

  return (
    <View className='admin'>
      <View className='admin__card'>
        <Text className='admin__title'>退出目录（依文件）</Text>
        <Field label='产品' error={issues.productIds}>
          <Picker mode='selector' range={products.map((p) => p.name)} onChange={(e) => setPicked((x) => [...new Set([...x, products[Number(e.detail.value)].productId])])}>
            <View className='svp__picker'>{picked.length ? names(picked) : '请选择产品（可多选）'}</View>
          </Picker>
          {picked.length > 0 && (
            <AtButton size='small' onClick={() => setPicked([])}>
              清空选择
            </AtButton>
          )}
        </Field>
        <Field label='文号（必填，如 杭司〔2026〕88号）' error={issues.documentNumber}>
          <Input className='admin__input' value={documentNumber} maxlength={30} onInput={(e) => setDocumentNumber(e.detail.value)} />
        </Field>
        <Field label='退出日期' error={issues.on}>
          <Picker mode='date' value={on} end={today()} onChange={(e) => setOn(e.detail.value)}>
            <View className='svp__picker'>{on}</View>
          </Picker>
        </Field>
        <Field label='退出理由（公开）' error={issues.reason}>
          <Textarea className='admin__textarea' value={reason} maxlength={500} onInput={(e) => setReason(e.detail.value)} />
        </Field>
        {notice && <Text className='admin__notice'>{notice}</Text>}
        <AtButton type='primary' onClick={exit}>
          退出目录
        </AtButton>
      </View>

      <View className='admin__card'>
        <Text className='admin__title'>暂停或恢复</Text>
        <Field label='产品编号（或输入名称查找）'>
          <Input className='admin__input' value={suspendId} onInput={(e) => setSuspendId(e.detail.value)} onConfirm={(e) => find(e.detail.value).catch(() => undefined)} />
        </Field>
        <Field label='理由（公开）'>
          <Textarea className='admin__textarea' value={suspendReason} maxlength={500} onInput={(e) => setSuspendReason(e.detail.value)} />
        </Field>
        <View className='svp__actions'>
          <AtButton onClick={() => changeStatus('suspend')}>暂停</AtButton>
          <AtButton onClick={() => changeStatus('reinstate')}>恢复</AtButton>
        </View>
      </View>
    </View>
  );
}
