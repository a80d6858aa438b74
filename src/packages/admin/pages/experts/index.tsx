/**
 * 评审专家库: add experts (each gets a one-time invite code), see who is bound, deactivate. Deactivating is an official
 * act (issue 21): it asks for a reason and a confirmation, ends the expert's access at once and takes them off every
 * open panel (the review page then offers to call a reserve). At the desk the pool is a table (search by name,
 * workplace or specialty; filter by kind and state) with the form beside it, and experts are deactivated (with one
 * reason) or reactivated in bulk (one change and audit entry each).
 */
import { useMemo, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { askConfirm } from '../../../../components/Dialog';
import { AtButton } from 'taro-ui';
import type { ExpertView } from '@shared/actions/reviews';
import { EXPERT_KINDS, EXPERT_KIND_LABELS, type ExpertKind } from '@shared/rubric';
import { INVITE_TTL_DAYS } from '@shared/limits';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { DataTable } from '../../../../components/desk/DataTable';
import { DeskLayout } from '../../../../components/desk/DeskLayout';
import type { BulkAction, BulkOutcome, Column, Filter } from '../../../../components/desk/table';
import { useRows } from '../../../../components/desk/useRows';
import { useTable } from '../../../../components/desk/useTable';
import { useDeskWidth } from '../../../../utils/desk';
import '../admin.scss';

const COLUMNS: Column<ExpertView>[] = [
  { key: 'name', header: '姓名', value: (x) => x.name, width: 10, keep: true },
  { key: 'title', header: '职务职称', value: (x) => x.title, width: 14 },
  { key: 'organisation', header: '工作单位', value: (x) => x.organisation, keep: true },
  { key: 'kind', header: '类别', value: (x) => EXPERT_KIND_LABELS[x.kind], width: 12 },
  { key: 'specialties', header: '专长', value: (x) => x.specialties.join('、'), width: 16 },
  { key: 'bound', header: '账号', value: (x) => (x.userId ? '已绑定' : '未绑定'), width: 7 },
  { key: 'active', header: '状态', value: (x) => (x.active ? '在库' : '已停用'), width: 7, keep: true },
  { key: 'deactivated', header: '停用理由', value: (x) => (!x.active && x.deactivated ? x.deactivated.reason : ''), hidden: true },
  { key: 'conflicts', header: '申报回避', value: (x) => x.declaredConflicts?.length || '', sort: (x) => x.declaredConflicts?.length ?? 0, width: 8, align: 'end', searchable: false },
];
const FILTERS: Filter<ExpertView>[] = [
  { key: 'kind', label: '类别', all: '全部类别', options: EXPERT_KINDS.map((k) => ({ value: k, label: EXPERT_KIND_LABELS[k] })), test: (x, v) => x.kind === v, deskOnly: true },
  { key: 'active', label: '状态', all: '全部专家', options: [{ value: 'yes', label: '在库' }, { value: 'no', label: '已停用' }], test: (x, v) => x.active === (v === 'yes'), deskOnly: true },
];

/** Each expert's own change (setExpertActive), one after another: one record and audit entry each. */
const setActive = (active: boolean): BulkAction<ExpertView> => ({
  key: active ? 'activate' : 'deactivate',
  label: active ? '启用' : '停用',
  applies: (x) => x.active !== active || (active ? '已在库' : '已停用'),
  describe: (rows) =>
    active
      ? `将启用 ${rows.length} 位专家，此后抽取评审组时可以抽到他们`
      : `将停用 ${rows.length} 位专家：立即不能查看和提交任何评审，正在进行的评审组中其评分不再计入（之后请到相应申报的评审页补充候补专家）`,
  ...(active ? {} : { reason: { label: '停用理由（评审组和操作记录会看到它）', placeholder: '如：已调离工作单位' } }),
  confirmText: active ? '启用' : '停用',
  run: async (rows, v) => {
    const out: BulkOutcome[] = [];
    for (const x of rows) {
      try {
        await api('reviews', 'setExpertActive', { expertId: x.expertId, active, ...(active ? {} : { reason: v.reason }) });
        out.push({ id: x.expertId, ok: true });
      } catch (e) {
        out.push({ id: x.expertId, ok: false, message: errorMessage(e) });
      }
    }
    return out;
  },
});

export default function ExpertsPage() {
  const desk = useDeskWidth();
  const [form, setForm] = useState({ name: '', organisation: '', title: '', phone: '', kind: 'academic' as ExpertKind });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const table = useTable(COLUMNS, FILTERS);
  const rows = useRows<ExpertView>(async () => ({ items: (await api('reviews', 'listExperts', {})).experts }), [], { all: true });
  const load = rows.reload;
  const bulk = useMemo(() => [setActive(false), setActive(true)], []);

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
      const confirm = await askConfirm({ title: `停用 ${x.name}？`, content: `停用后立即不能查看和提交任何评审；正在进行的评审组中，其评分不再计入。理由：${reason}` });
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

  const addForm = (
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
  );
  const card = (x: ExpertView) => (
    <View className='admin__card'>
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
  );

  return (
    <DeskLayout title='评审专家库' aside={desk ? addForm : undefined} asideLabel='添加专家'>
      <View className='admin'>
        {!desk && addForm}
        <DataTable table={table} rows={rows} title='专家' unit='位' rowKey={(x) => x.expertId} rowLabel={(x) => x.name} card={card} bulk={desk ? bulk : []} empty={{ title: '专家库还是空的' }} />
      </View>
    </DeskLayout>
  );
}
