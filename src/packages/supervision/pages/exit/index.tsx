/**
 * 暂停、恢复与退出: the bureau suspends a product pending review or reinstates it (each with a reason), and removes
 * products from the catalogue by an official document (文号, date, reason), after a confirmation. A product is found
 * by typing a few characters of its name (or its number) — never a wheel of every product: the one picked is shown
 * with its provider and standing, and joins the exit list only when the bureau confirms it is the right one.
 */
import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { api } from '../../../../api/client';
import { DeskLayout } from '../../../../components/desk/DeskLayout';
import { findProducts, productOption } from '../../../../components/desk/pickers';
import { SearchSelect, type PickOption } from '../../../../components/desk/SearchSelect';
import { confirmStep, Field, issuesOf, today, useFormErrors } from '../../shared';

type Product = PickOption & { status?: string };

export default function ExitPage() {
  const preset = useRouter().params.productId ?? '';
  const [candidate, setCandidate] = useState<Product | null>(null);
  const [picked, setPicked] = useState<Product[]>([]);
  const [documentNumber, setDocumentNumber] = useState('');
  const [on, setOn] = useState(today());
  const [reason, setReason] = useState('');
  const { issues, notice, setNotice, setIssues, reset, fail } = useFormErrors();
  const [target, setTarget] = useState<Product | null>(null);
  const [suspendReason, setSuspendReason] = useState('');
  const [statusNotice, setStatusNotice] = useState('');

  // Opened for one product (from the adjustment proposal): it is offered, not yet taken.
  useEffect(() => {
    if (!preset) return;
    productOption(preset)
      .then((p) => {
        setCandidate(p);
        setTarget(p);
      })
      .catch(() => undefined);
  }, [preset]);

  const names = (list: Product[]) => list.map((p) => `“${p.label}”（${p.detail ?? ''}）`).join('、');
  const take = () => {
    if (!candidate) return;
    setPicked((list) => (list.some((p) => p.value === candidate.value) ? list : [...list, candidate]));
    setCandidate(null);
    setIssues({});
  };

  const exit = async () => {
    reset();
    if (!picked.length) return setIssues({ productIds: candidate ? '请先点“确认是这个产品”，把它加入退出名单' : '请查找并确认要退出目录的产品' });
    if (!(await confirmStep('退出目录', `依据 ${documentNumber || '（未填文号）'}，${names(picked)}于 ${on} 退出目录。此后不能再评价，未用的评价码作废。`, '退出目录'))) return;
    try {
      const r = await api('supervision', 'exit', { productIds: picked.map((p) => p.value), documentNumber, on, reason });
      setNotice(`已退出目录（目录第 ${r.version} 版）：${picked.map((p) => p.label).join('、')}`);
      setPicked([]);
    } catch (e) {
      fail(e);
    }
  };
  const changeStatus = async (kind: 'suspend' | 'reinstate') => {
    setStatusNotice('');
    if (!target) return setStatusNotice('请先查找并选定产品');
    if (!(await confirmStep(kind === 'suspend' ? '暂停产品' : '恢复产品', `${kind === 'suspend' ? '暂停' : '恢复'}“${target.label}”（${target.detail ?? ''}）？理由：${suspendReason}`))) return;
    try {
      await api('supervision', kind, { productId: target.value, reason: suspendReason });
      setStatusNotice(kind === 'suspend' ? '已暂停，目录中不再显示，产品页显示暂停公告' : '已恢复，目录中重新显示');
      setTarget(await productOption(target.value));
    } catch (e) {
      setStatusNotice(issuesOf(e).message);
    }
  };

  return (
    <DeskLayout title='暂停与退出目录'>
      <View className='admin'>
        <View className='admin__card'>
          <Text className='admin__title'>退出目录（依文件）</Text>
          <Field label='产品（输入名称中的几个字或产品编号查找）' error={issues.productIds}>
            <SearchSelect label='产品' search={findProducts} value={candidate} onChange={setCandidate} />
            {candidate && (
              <AtButton size='small' type='primary' onClick={take}>
                确认是这个产品，加入退出名单
              </AtButton>
            )}
          </Field>
          {picked.length > 0 && (
            <View className='svp__list' role='list' aria-label='退出名单'>
              <Text className='admin__label'>退出名单（{picked.length} 个）</Text>
              {picked.map((p) => (
                <View key={p.value} className='svp__row' role='listitem'>
                  <Text className='svp__text'>{p.label}</Text>
                  <Text className='admin__meta'>{p.detail}</Text>
                  <View className='svp__remove' role='button' aria-label={`从退出名单中移除 ${p.label}`} onClick={() => setPicked((list) => list.filter((x) => x.value !== p.value))}>
                    移除
                  </View>
                </View>
              ))}
            </View>
          )}
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
          <Field label='产品（输入名称中的几个字或产品编号查找）'>
            <SearchSelect label='要暂停或恢复的产品' search={findProducts} value={target} onChange={(p) => (setTarget(p), setStatusNotice(''))} />
          </Field>
          <Field label='理由（公开）'>
            <Textarea className='admin__textarea' value={suspendReason} maxlength={500} onInput={(e) => setSuspendReason(e.detail.value)} />
          </Field>
          {statusNotice && <Text className='admin__notice'>{statusNotice}</Text>}
          <View className='svp__actions'>
            <AtButton onClick={() => changeStatus('suspend')}>暂停</AtButton>
            <AtButton onClick={() => changeStatus('reinstate')}>恢复</AtButton>
          </View>
        </View>
      </View>
    </DeskLayout>
  );
}
