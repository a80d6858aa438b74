/**
 * 信用与调整规则: each credit kind's publicity period and severity, the satisfaction line, the rectification period and the
 * re-entry ban. The bureau changes them with a reason; each change is a new version, and recorded events keep theirs.
 */
import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { CREDIT_EVENT_KINDS, type SupervisionRules } from '@shared/credit';
import { api } from '../../../../api/client';
import { Failure, Loading } from '../../../../components/StateView';
import { confirmStep, Field, useFormErrors, useLoader } from '../../shared';
import { deskPage } from '../../../../components/desk/deskPage';

const SEVERITY = ['表彰', '轻微', '一般', '严重（建议暂停待复核）'];

function RulesPage() {
  const [rules, setRules] = useState<SupervisionRules | null>(null);
  const [months, setMonths] = useState<Record<string, string>>({});
  const [below, setBelow] = useState('');
  const [ban, setBan] = useState('');
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const { issues, notice, setNotice, reset, fail } = useFormErrors();

  const show = (r: SupervisionRules) => {
    setRules(r);
    setMonths(Object.fromEntries(CREDIT_EVENT_KINDS.map((k) => [k, String(r.kinds[k].publicityMonths)])));
    setBelow(String(Math.round(r.adjustment.satisfactionBelow * 100)));
    setBan(String(r.adjustment.reentryBanYears));
    setDays(String(r.adjustment.rectifyWorkingDays));
  };
  const { error, load } = useLoader(async () => {
    show(await api('supervision', 'rules', {}));
  }, []);
  if (error) return <Failure message={error} onRetry={load} />;
  if (!rules) return <Loading />;

  const save = async () => {
    reset();
    if (!(await confirmStep('修改规则', `保存为第 ${rules.version + 1} 版规则？已记录的信用信息仍按记录时的公示期。`, '保存'))) return;
    try {
      const kinds = Object.fromEntries(CREDIT_EVENT_KINDS.map((k) => [k, { publicityMonths: Number(months[k]) }]));
      show(await api('supervision', 'setRules', { kinds, satisfactionBelow: Number(below) / 100, reentryBanYears: Number(ban), rectifyWorkingDays: Number(days), reason }));
      setReason('');
      setNotice('已保存');
    } catch (e) {
      fail(e);
    }
  };

  return (
    <View className='admin'>
      <View className='admin__card'>
        <Text className='admin__title'>第 {rules.version} 版规则</Text>
        {CREDIT_EVENT_KINDS.map((k) => (
          <Field key={k} label={`${rules.kinds[k].label}（${SEVERITY[rules.kinds[k].severity]}）公示期，月`} error={issues[`kinds.${k}.publicityMonths`]}>
            <Input className='admin__input' type='number' value={months[k]} onInput={(e) => setMonths((m) => ({ ...m, [k]: e.detail.value }))} />
          </Field>
        ))}
        <Field label='机构满意率低于（%）时建议整改' error={issues.satisfactionBelow}>
          <Input className='admin__input' type='digit' value={below} onInput={(e) => setBelow(e.detail.value)} />
        </Field>
        <Field label='整改期限默认工作日' error={issues.rectifyWorkingDays}>
          <Input className='admin__input' type='number' value={days} onInput={(e) => setDays(e.detail.value)} />
        </Field>
        <Field label='退出后禁止再次申报同一产品（年）' error={issues.reentryBanYears}>
          <Input className='admin__input' type='number' value={ban} onInput={(e) => setBan(e.detail.value)} />
        </Field>
        <Field label='修改理由（记入留痕）' error={issues.reason}>
          <Textarea className='admin__textarea' value={reason} maxlength={500} onInput={(e) => setReason(e.detail.value)} />
        </Field>
        {notice && <Text className='admin__notice'>{notice}</Text>}
        <AtButton type='primary' onClick={save}>
          保存为新版本
        </AtButton>
      </View>
    </View>
  );
}

export default deskPage('信用与调整规则', RulesPage);
