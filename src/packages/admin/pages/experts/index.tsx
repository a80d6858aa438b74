/**
 * 评审专家库: add experts (each gets a one-time invite code), see who is bound, deactivate. Deactivating is an official
 * act (issue 21): it asks for a reason and a confirmation, ends the expert's access at once and takes them off every
 * open panel (the review page then offers to call a reserve).
 */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { ExpertView } from '@shared/actions/reviews';
import { EXPERT_KINDS, EXPERT_KIND_LABELS, type ExpertKind } from '@shared/rubric';
import { INVITE_TTL_DAYS } from '@shared/limits';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import '../admin.scss';

export default function ExpertsPage() {
  const [experts, setExperts] = useState<ExpertView[] | null>(null);
  const [error, setError] = useState('');
  const [form, setForm] = useState({ name: '', organisation: '', title: '', phone: '', kind: 'academic' as ExpertKind });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const load = useCallback(async () => {
    setError('');
    try {
      setExperts((await api('reviews', 'listExperts', {})).experts);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  const add = async () => {
    setErrors({});
    setNotice('');
    try {
      const { inviteCode } = await api('reviews', 'addExpert', { ...form, specialties: [] });
      setNotice(`已加入专家库。请把邀请码 ${inviteCode} 交给 ${form.name}，在小程序“我的账号”中绑定（${INVITE_TTL_DAYS} 天内有效）。`);
      setForm({ ...form, name: '', organisation: '', title: '', phone: '' });
      load();
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) setErrors(Object.fromEntries(e.issues.map((i) => [i.path, i.message])));
      else setNotice(errorMessage(e));
    }
  };
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const toggle = async (x: ExpertView) => {
    const reason = (reasons[x.expertId] ?? '').trim();
    setRowErrors({ ...rowErrors, [x.expertId]: '' });
    if (x.active) {
      if (reason.length < 2) return setRowErrors({ ...rowErrors, [x.expertId]: '停用专家时请写明理由，评审组和审计记录会看到它' });
      const { confirm } = await Taro.showModal({ title: `停用 ${x.name}？`, content: `停用后立即不能查看和提交任何评审；正在进行的评审组中，其评分不再计入。理由：${reason}` });
      if (!confirm) return;
    }
    try {
      const done = await api('reviews', 'setExpertActive', { expertId: x.expertId, active: !x.active, ...(x.active ? { reason } : {}) });
      if (done.leftPanels.length) setNotice(`${x.name} 已退出 ${done.leftPanels.length} 个正在评审的评审组，请到相应申报的评审页补充候补专家。`);
      load();
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) setRowErrors({ ...rowErrors, [x.expertId]: e.issues[0].message });
      else setNotice(errorMessage(e));
    }
  };
  const field = (key: 'name' | 'organisation' | 'title' | 'phone', label: string) => (
    <View className='admin__field'>
      <Text className='admin__label'>{label}</Text>
      <Input className='admin__input' value={form[key]} onInput={(e) => setForm({ ...form, [key]: e.detail.value })} />
      {errors[key] && <Text className='admin__error'>{errors[key]}</Text>}
    </View>
  );

  return (
    <View className='admin'>
      <View className='admin__card'>
        <Text className='admin__title'>添加专家</Text>
        {field('name', '姓名')}
        {field('organisation', '工作单位（用于回避）')}
        {field('title', '职务职称')}
        {field('phone', '联系电话')}
        <View className='admin__filters'>
          {EXPERT_KINDS.map((k) => (
            <Text key={k} className={`admin__chip ${form.kind === k ? 'admin__chip--on' : ''}`} onClick={() => setForm({ ...form, kind: k })}>
              {EXPERT_KIND_LABELS[k]}
            </Text>
          ))}
        </View>
        {notice && <Text className='admin__notice'>{notice}</Text>}
        <AtButton type='primary' onClick={add}>
          加入专家库
        </AtButton>
      </View>
      {error ? (
        <Failure message={error} onRetry={load} />
      ) : !experts ? (
        <Loading />
      ) : experts.length === 0 ? (
        <Empty title='专家库还是空的' />
      ) : (
        experts.map((x) => (
          <View key={x.expertId} className='admin__card'>
            <Text className='admin__name'>
              {x.name} {x.title}
            </Text>
            <Text className='admin__meta'>
              {x.organisation} · {EXPERT_KIND_LABELS[x.kind]} · {x.userId ? '已绑定' : '未绑定'} · {x.active ? '在库' : '已停用'}
            </Text>
            {!x.active && x.deactivated && <Text className='admin__meta'>停用理由：{x.deactivated.reason}</Text>}
            {x.active && <Input className='admin__input' value={reasons[x.expertId] ?? ''} placeholder='停用理由（停用时必填）' onInput={(e) => setReasons({ ...reasons, [x.expertId]: e.detail.value })} />}
            {rowErrors[x.expertId] && <Text className='admin__error'>{rowErrors[x.expertId]}</Text>}
            <AtButton size='small' onClick={() => toggle(x)}>
              {x.active ? '停用' : '启用'}
            </AtButton>
          </View>
        ))
      )}
    </View>
  );
}
