/**
 * The bureau verifies self-registered organisations against their certificates: approve, or refuse with a reason.
 * At the desk the organisations are a table (filtered by status, kind and district, the server's own query) and the
 * one selected opens beside it with its verification; on a phone each is a card with its verification in place.
 */
import { useCallback, useMemo, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { askConfirm } from '../../../../components/Dialog';
import { AtButton } from 'taro-ui';
import { DISTRICTS, type District } from '@shared/domain';
import { ORG_KINDS, ORG_KIND_LABELS, ORG_STATUSES, ORG_STATUS_LABELS, type OrgKind, type OrgStatus, type OrgView } from '@shared/org';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { DataTable } from '../../../../components/desk/DataTable';
import { DeskLayout } from '../../../../components/desk/DeskLayout';
import type { Column, Filter } from '../../../../components/desk/table';
import { useRows } from '../../../../components/desk/useRows';
import { useTable } from '../../../../components/desk/useTable';
import { rememberParams } from '../../../../utils/address';
import { useDeskWidth } from '../../../../utils/desk';
import '../admin.scss';

const COLUMNS: Column<OrgView>[] = [
  { key: 'name', header: '单位名称', value: (o) => o.name, keep: true },
  { key: 'kind', header: '类型', value: (o) => (o.kind ? ORG_KIND_LABELS[o.kind] : '市司法局邀请'), width: 12 },
  { key: 'district', header: '区县', value: (o) => o.district ?? '', width: 8 },
  { key: 'creditCode', header: '统一社会信用代码', value: (o) => o.creditCode ?? '', width: 20 },
  { key: 'contact', header: '联系人', value: (o) => (o.contactName ? `${o.contactName} ${o.contactPhone ?? ''}` : ''), width: 20 },
  { key: 'status', header: '状态', value: (o) => ORG_STATUS_LABELS[o.status], width: 8, keep: true },
  { key: 'createdAt', header: '登记时间', value: (o) => o.createdAt.slice(0, 10), width: 10, align: 'end' },
];
const FILTERS: Filter<OrgView>[] = [
  { key: 'status', label: '核验状态', options: ORG_STATUSES.map((s) => ({ value: s, label: ORG_STATUS_LABELS[s] })), initial: 'pending' },
  { key: 'kind', label: '类型', all: '全部类型', deskOnly: true, options: ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] })) },
  { key: 'district', label: '区县', all: '全部区县', deskOnly: true, options: DISTRICTS.map((d) => ({ value: d, label: d })) },
];

/** One organisation and, while it waits, its verification: approve, or refuse with a reason the organisation sees. */
function OrgCard({ o, sharing, onDone }: { o: OrgView; sharing: number; onDone: (message: string) => void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const verify = async (approve: boolean) => {
    const confirm = await askConfirm({ title: approve ? '核验通过' : '不予通过', content: `${o.name}（${o.creditCode ?? ''}）`, confirmText: '确定', cancelText: '取消' });
    if (!confirm) return;
    setProblem('');
    try {
      await api('orgs', 'verify', { orgId: o.orgId, approve, reason });
      onDone(`${o.name}：${approve ? '已核验通过' : '已不予通过'}`);
    } catch (e) {
      setProblem(e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e));
    }
  };
  return (
    <View className='admin__card'>
      <Text className='admin__title'>{o.name}</Text>
      <Text className='admin__meta'>
        {o.kind ? ORG_KIND_LABELS[o.kind] : '市司法局邀请'} · {o.district ?? ''} · 统一社会信用代码 {o.creditCode ?? '—'}
      </Text>
      {o.contactName && (
        <Text className='admin__meta'>
          联系人 {o.contactName} {o.contactPhone}
        </Text>
      )}
      {o.verification?.reason && <Text className='admin__meta'>核验意见：{o.verification.reason}</Text>}
      {o.status === 'pending' && sharing > 1 && <Text className='admin__error'>另有 {sharing - 1} 家待核验单位用同一信用代码登记：请对照证照，只核验通过真正的那一家</Text>}
      {o.status === 'pending' && (
        <>
          <Input className='admin__input' value={reason} placeholder='意见（不予通过时必填，单位会看到）' onInput={(e) => setReason(e.detail.value)} />
          {problem && <Text className='admin__error'>{problem}</Text>}
          <AtButton type='primary' size='small' onClick={() => verify(true)}>
            核验通过
          </AtButton>
          <AtButton size='small' onClick={() => verify(false)}>
            不予通过
          </AtButton>
        </>
      )}
    </View>
  );
}

export default function OrgsPage() {
  const desk = useDeskWidth();
  const [notice, setNotice] = useState('');
  const [open, setOpen] = useState<string | null>(useRouter().params.open ?? null);
  const table = useTable(COLUMNS, FILTERS, { sort: 'createdAt', dir: 'asc' });
  const { status, kind, district } = table.view.filters;
  const rows = useRows<OrgView>(
    async () => ({ items: (await api('orgs', 'list', { status: status as OrgStatus, ...(kind ? { kind: kind as OrgKind } : {}), ...(district ? { district: district as District } : {}) })).orgs }),
    [status, kind, district],
    { all: true },
  );
  // Registrations waiting for the bureau may share a credit code (a squatter beside the real organisation): say so.
  const sharing = useMemo(() => {
    const m = new Map<string, number>();
    for (const o of rows.rows ?? []) if (o.status === 'pending' && o.creditCode) m.set(o.creditCode, (m.get(o.creditCode) ?? 0) + 1);
    return m;
  }, [rows.rows]);
  const choose = useCallback((id: string | null) => {
    setOpen(id);
    rememberParams({ open: id });
  }, []);
  const done = (message: string) => {
    setNotice(message);
    void rows.reload();
  };
  const card = (o: OrgView) => <OrgCard o={o} sharing={sharing.get(o.creditCode ?? '') ?? 0} onDone={done} />;
  const chosen = open ? rows.rows?.find((o) => o.orgId === open) : undefined;

  const beside = desk && chosen && (
    <View className='beside'>
      <View className='beside__bar'>
        <Text className='admin__label'>核验</Text>
        <View className='beside__link' role='button' aria-label='关闭所选单位' onClick={() => choose(null)}>
          关闭 ✕
        </View>
      </View>
      {card(chosen)}
    </View>
  );

  return (
    <DeskLayout title='单位核验' aside={beside || undefined} asideLabel='所选单位'>
      <View className='admin'>
        {notice && <Text className='admin__notice'>{notice}</Text>}
        <DataTable
          table={table}
          rows={rows}
          title='单位'
          unit='家'
          rowKey={(o) => o.orgId}
          rowLabel={(o) => o.name}
          onOpen={(o) => choose(o.orgId)}
          openKey={desk ? open : null}
          card={card}
          empty={{ title: `没有${ORG_STATUS_LABELS[status as OrgStatus] ?? ''}的单位` }}
        />
      </View>
    </DeskLayout>
  );
}
