/**
 * 记录信用信息: the bureau records an event for any organisation; an association, for its members only (the server
 * checks). Below, the events recorded so far; the bureau may revoke one, with a reason.
 */
import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { EventView, OrgListItem } from '@shared/actions/supervision';
import { CREDIT_EVENT_KINDS, DEFAULT_CREDIT_KINDS, type CreditEventKind } from '@shared/credit';
import type { MeResult } from '@shared/actions/auth';
import { api, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { confirmStep, Field, today, useFormErrors, useLoader } from '../../shared';

const EMPTY = { practitionerName: '', occurredOn: '', title: '', documentNumber: '', evidence: '' };

export default function EventsPage() {
  const preset = useRouter().params.orgId;
  const [me, setMe] = useState<MeResult | null>(null);
  const [orgs, setOrgs] = useState<OrgListItem[] | null>(null);
  const [events, setEvents] = useState<EventView[] | null>(null);
  const [orgId, setOrgId] = useState(preset ?? '');
  const [kind, setKind] = useState<CreditEventKind>('warning');
  const [form, setForm] = useState({ ...EMPTY, occurredOn: today() });
  const { issues, notice, setNotice, setIssues, reset, fail } = useFormErrors();
  const [revokeReason, setRevokeReason] = useState<Record<string, string>>({});

  const { error, load } = useLoader(async () => {
    const who = await api('auth', 'me', {});
    setMe(who);
    const admin = who.roles.includes('admin');
    setOrgs(admin ? (await api('supervision', 'orgs', {})).orgs.filter((o) => o.kind === 'provider') : (await api('supervision', 'members', {})).members);
    setEvents((await api('supervision', 'myEvents', {})).events);
  }, []);

  if (error) return <Failure message={error} onRetry={load} />;
  if (!me || !orgs || !events) return <Loading />;
  const admin = me.roles.includes('admin');
  const org = orgs.find((o) => o.orgId === orgId);
  const set = (k: keyof typeof EMPTY) => (e: { detail: { value: string } }) => setForm((f) => ({ ...f, [k]: e.detail.value }));

  const record = async () => {
    reset();
    if (!org) return setIssues({ orgId: '请选择单位' });
    if (!(await confirmStep('记录信用信息', `为“${org.name}”记录一条${DEFAULT_CREDIT_KINDS[kind].label}？记录后单位会收到通知，并在公示期内向社会公开。`))) return;
    try {
      const input = {
        orgId,
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
      setEvents((await api('supervision', 'myEvents', {})).events);
    } catch (e) {
      fail(e);
    }
  };

  const revoke = async (ev: EventView) => {
    const reason = (revokeReason[ev.eventId] ?? '').trim();
    if (reason.length < 4) return setNotice('撤销需写明理由（至少 4 个字）');
    if (!(await confirmStep('撤销信用信息', `撤销“${ev.title}”？撤销后不再公开，记录仍保留。`, '撤销'))) return;
    try {
      await api('supervision', 'revokeEvent', { eventId: ev.eventId, reason });
      setEvents((await api('supervision', 'myEvents', {})).events);
    } catch (e) {
      setNotice(errorMessage(e));
    }
  };

  return (
    <View className='admin'>
      <View className='admin__card'>
        <Text className='admin__title'>记录信用信息</Text>
        <Text className='admin__meta'>{admin ? '市司法局可为任何服务机构记录。' : '协会只能为本会会员单位记录。'}</Text>
        {orgs.length === 0 ? (
          <Empty title={admin ? '还没有服务机构' : '本协会还没有会员单位'} hint={admin ? undefined : '会员单位由市司法局关联'} />
        ) : (
          <>
            <Field label='单位' error={issues.orgId}>
              <Picker mode='selector' range={orgs.map((o) => o.name)} onChange={(e) => setOrgId(orgs[Number(e.detail.value)].orgId)}>
                <View className='svp__picker'>{org ? org.name : '请选择单位'}</View>
              </Picker>
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

      <View className='admin__card'>
        <Text className='admin__title'>已记录的信用信息</Text>
        {events.length === 0 && <Text className='admin__meta'>还没有记录</Text>}
        {events.map((e) => (
          <View className='svp__row' key={e.eventId}>
            <Text className={`svp__flag ${e.polarity === 'positive' ? 'svp__flag--ok' : ''}`}>{e.kindLabel}</Text>
            <Text className='svp__text'>
              {e.orgName}：{e.title}
            </Text>
            <Text className='admin__meta'>
              {e.occurredOn} · {e.recordedByName} · {e.revoked ? `已撤销（${e.revoked.reason}）` : e.isPublic ? `公示至 ${e.publicUntil}` : e.expired ? '公示期已满' : '未公开'}
            </Text>
            {e.statement && <Text className='svp__text'>单位说明：{e.statement}</Text>}
            {admin && !e.revoked && (
              <View className='svp__actions'>
                <Input className='admin__input' placeholder='撤销理由（如法院撤销原决定）' value={revokeReason[e.eventId] ?? ''} onInput={(x) => setRevokeReason((r) => ({ ...r, [e.eventId]: x.detail.value }))} />
                <AtButton size='small' onClick={() => revoke(e)}>
                  撤销
                </AtButton>
              </View>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}
