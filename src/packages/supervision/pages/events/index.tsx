/**
 * 记录信用信息: the bureau records an event for any organisation; an association, for its members only (the server
 * checks). The organisation is found by typing part of its name (never a wheel of every organisation). Below — at the
 * desk, as a table beside the form — the events recorded so far; the bureau may revoke one, with a reason.
 */
import { useMemo, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { EventView, OrgListItem } from '@shared/actions/supervision';
import { CREDIT_EVENT_KINDS, DEFAULT_CREDIT_KINDS, type CreditEventKind } from '@shared/credit';
import type { MeResult } from '@shared/actions/auth';
import { api, errorMessage } from '../../../../api/client';
import { DataTable } from '../../../../components/desk/DataTable';
import { DeskLayout } from '../../../../components/desk/DeskLayout';
import { localSearch, SearchSelect, type PickOption } from '../../../../components/desk/SearchSelect';
import type { Column, Filter } from '../../../../components/desk/table';
import { useRows } from '../../../../components/desk/useRows';
import { useTable } from '../../../../components/desk/useTable';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { rememberParams } from '../../../../utils/address';
import { useDeskWidth } from '../../../../utils/desk';
import { confirmStep, Field, today, useFormErrors, useLoader } from '../../shared';

const EMPTY = { practitionerName: '', occurredOn: '', title: '', documentNumber: '', evidence: '' };
const standing = (e: EventView) => (e.revoked ? `已撤销（${e.revoked.reason}）` : e.isPublic ? `公示至 ${e.publicUntil}` : e.expired ? '公示期已满' : '未公开');

const COLUMNS: Column<EventView>[] = [
  { key: 'org', header: '单位', value: (e) => e.orgName, width: 22, keep: true },
  { key: 'kind', header: '类型', value: (e) => e.kindLabel, width: 10, keep: true },
  { key: 'title', header: '事由', value: (e) => e.title },
  { key: 'occurredOn', header: '发生日期', value: (e) => e.occurredOn, width: 10, align: 'end' },
  { key: 'recordedBy', header: '记录单位', value: (e) => e.recordedByName, width: 12 },
  { key: 'standing', header: '公开', value: standing, sort: (e) => (e.revoked ? 'z' : e.publicUntil), width: 16 },
  { key: 'statement', header: '单位说明', value: (e) => e.statement ?? '', hidden: true },
  { key: 'documentNumber', header: '文号', value: (e) => e.documentNumber ?? '', hidden: true },
];
const FILTERS: Filter<EventView>[] = [
  { key: 'kind', label: '类型', all: '全部类型', options: CREDIT_EVENT_KINDS.map((k) => ({ value: k, label: DEFAULT_CREDIT_KINDS[k].label })), test: (e, v) => e.kind === v, deskOnly: true },
  { key: 'standing', label: '公开', all: '全部', options: [{ value: 'public', label: '公示中' }, { value: 'revoked', label: '已撤销' }], test: (e, v) => (v === 'revoked' ? !!e.revoked : e.isPublic && !e.revoked), deskOnly: true },
];

/** One event: what it says and, for the bureau, revoking it with a reason. */
function EventCard({ e, admin, onChanged }: { e: EventView; admin: boolean; onChanged: () => void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const revoke = async () => {
    setProblem('');
    if (reason.trim().length < 4) return setProblem('撤销需写明理由（至少 4 个字）');
    if (!(await confirmStep('撤销信用信息', `撤销“${e.title}”？撤销后不再公开，记录仍保留。`, '撤销'))) return;
    try {
      await api('supervision', 'revokeEvent', { eventId: e.eventId, reason: reason.trim() });
      onChanged();
    } catch (x) {
      setProblem(errorMessage(x));
    }
  };
  return (
    <View className='svp__row'>
      <Text className={`svp__flag ${e.polarity === 'positive' ? 'svp__flag--ok' : ''}`}>{e.kindLabel}</Text>
      <Text className='svp__text'>
        {e.orgName}：{e.title}
      </Text>
      <Text className='admin__meta'>
        {e.occurredOn} · {e.recordedByName} · {standing(e)}
      </Text>
      {e.statement && <Text className='svp__text'>单位说明：{e.statement}</Text>}
      {admin && !e.revoked && (
        <View className='svp__actions'>
          <Input className='admin__input' placeholder='撤销理由（如法院撤销原决定）' value={reason} onInput={(x) => setReason(x.detail.value)} />
          <AtButton size='small' onClick={revoke}>
            撤销
          </AtButton>
        </View>
      )}
      {problem && <Text className='admin__error'>{problem}</Text>}
    </View>
  );
}

export default function EventsPage() {
  const preset = useRouter().params.orgId;
  const desk = useDeskWidth();
  const [me, setMe] = useState<MeResult | null>(null);
  const [orgs, setOrgs] = useState<OrgListItem[] | null>(null);
  const [org, setOrg] = useState<PickOption | null>(null);
  const [kind, setKind] = useState<CreditEventKind>('warning');
  const [form, setForm] = useState({ ...EMPTY, occurredOn: today() });
  const { issues, notice, setNotice, setIssues, reset, fail } = useFormErrors();
  const [open, setOpen] = useState<string | null>(useRouter().params.open ?? null);
  const table = useTable(COLUMNS, FILTERS, { sort: 'occurredOn', dir: 'desc' });
  const rows = useRows<EventView>(async () => ({ items: (await api('supervision', 'myEvents', {})).events }), [], { all: true });

  const { error, load } = useLoader(async () => {
    const who = await api('auth', 'me', {});
    setMe(who);
    const admin = who.roles.includes('admin');
    const list = admin ? (await api('supervision', 'orgs', {})).orgs.filter((o) => o.kind === 'provider') : (await api('supervision', 'members', {})).members;
    setOrgs(list);
    const first = list.find((o) => o.orgId === preset);
    if (first) setOrg({ value: first.orgId, label: first.name });
  }, []);
  const orgSearch = useMemo(() => localSearch((orgs ?? []).map((o) => ({ value: o.orgId, label: o.name }))), [orgs]);

  const frame = (body: JSX.Element, aside?: JSX.Element) => (
    <DeskLayout title='信用信息' aside={aside} asideLabel={open ? '所选信用信息' : '记录信用信息'}>
      {body}
    </DeskLayout>
  );
  if (error) return frame(<Failure message={error} onRetry={load} />);
  if (!me || !orgs) return frame(<Loading />);
  const admin = me.roles.includes('admin');
  const set = (k: keyof typeof EMPTY) => (e: { detail: { value: string } }) => setForm((f) => ({ ...f, [k]: e.detail.value }));
  const choose = (id: string | null) => {
    setOpen(id);
    rememberParams({ open: id });
  };

  const record = async () => {
    reset();
    if (!org) return setIssues({ orgId: '请查找并选定单位' });
    if (!(await confirmStep('记录信用信息', `为“${org.label}”记录一条${DEFAULT_CREDIT_KINDS[kind].label}？记录后单位会收到通知，并在公示期内向社会公开。`))) return;
    try {
      const input = {
        orgId: org.value,
        kind,
        occurredOn: form.occurredOn,
        title: form.title,
        evidence: form.evidence,
        ...(form.practitionerName.trim() ? { practitionerName: form.practitionerName.trim() } : {}),
        ...(form.documentNumber.trim() ? { documentNumber: form.documentNumber.trim() } : {}),
      };
      const e = await api('supervision', 'recordEvent', input);
      setNotice(`已记录，公示至 ${e.publicUntil}`);
      setForm({ ...EMPTY, occurredOn: today() });
      await rows.reload();
    } catch (e) {
      fail(e);
    }
  };

  const recordForm = (
    <View className='admin__card'>
      <Text className='admin__title'>记录信用信息</Text>
      <Text className='admin__meta'>{admin ? '市司法局可为任何服务机构记录。' : '协会只能为本会会员单位记录。'}</Text>
      {orgs.length === 0 ? (
        <Empty title={admin ? '还没有服务机构' : '本协会还没有会员单位'} hint={admin ? undefined : '会员单位由市司法局关联'} />
      ) : (
        <>
          <Field label={`单位（共 ${orgs.length} 家，输入名称中的几个字查找）`} error={issues.orgId}>
            <SearchSelect label='单位' search={orgSearch} value={org} onChange={setOrg} />
          </Field>
          <Field label='类别' error={issues.kind}>
            <Picker mode='selector' range={CREDIT_EVENT_KINDS.map((k) => `${DEFAULT_CREDIT_KINDS[k].label}（公示 ${DEFAULT_CREDIT_KINDS[k].publicityMonths} 个月）`)} onChange={(e) => setKind(CREDIT_EVENT_KINDS[Number(e.detail.value)])}>
              <View className='svp__picker'>{DEFAULT_CREDIT_KINDS[kind].label}</View>
            </Picker>
          </Field>
          <Field label='发生（决定）日期' error={issues.occurredOn}>
            <Picker mode='date' value={form.occurredOn} end={today()} onChange={set('occurredOn')}>
              <View className='svp__picker'>{form.occurredOn}</View>
            </Picker>
          </Field>
          <Field label='事由' error={issues.title}>
            <Input className='admin__input' value={form.title} maxlength={100} onInput={set('title')} />
          </Field>
          <Field label='涉及的执业人员（可不填；只有行政处罚、行业处分会公开姓名）' error={issues.practitionerName}>
            <Input className='admin__input' value={form.practitionerName} maxlength={20} onInput={set('practitionerName')} />
          </Field>
          <Field label='决定书文号（可不填）' error={issues.documentNumber}>
            <Input className='admin__input' value={form.documentNumber} maxlength={60} onInput={set('documentNumber')} />
          </Field>
          <Field label='依据材料（不公开）' error={issues.evidence}>
            <Textarea className='admin__textarea' value={form.evidence} maxlength={2000} onInput={set('evidence')} />
          </Field>
          {notice && <Text className='admin__notice'>{notice}</Text>}
          <AtButton type='primary' onClick={record}>
            记录
          </AtButton>
        </>
      )}
    </View>
  );
  const chosen = open ? rows.rows?.find((e) => e.eventId === open) : undefined;
  const card = (e: EventView) => <EventCard e={e} admin={admin} onChanged={() => void rows.reload()} />;
  const list = (
    <DataTable table={table} rows={rows} title='信用信息' unit='条' rowKey={(e) => e.eventId} rowLabel={(e) => `${e.orgName}：${e.title}`} onOpen={(e) => choose(e.eventId)} openKey={desk ? open : null} card={card} exportView={admin ? { dataset: 'events' } : undefined} empty={{ title: '还没有记录' }} />
  );

  if (!desk)
    return frame(
      <View className='admin'>
        {recordForm}
        <View className='admin__card'>
          <Text className='admin__title'>已记录的信用信息</Text>
          {list}
        </View>
      </View>,
    );
  return frame(
    <View className='admin'>{list}</View>,
    chosen ? (
      <View className='beside'>
        <View className='beside__bar'>
          <View className='beside__link' role='button' onClick={() => choose(null)}>
            ‹ 记录新的信用信息
          </View>
        </View>
        <View className='admin__card'>{card(chosen)}</View>
      </View>
    ) : (
      recordForm
    ),
  );
}
