/**
 * The bureau's outbox: every message the system wrote, to whom (the organisation's or expert's name), and how its
 * WeChat delivery went. Filtered by kind and delivery (the server's own query); at the desk a table of every page.
 */
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { OutboxMessage } from '@shared/actions/notify';
import { NOTIFY_KINDS, NOTIFY_KIND_INFO, type DeliveryStatus, type NotifyKind } from '@shared/notify';
import { api } from '../../../../api/client';
import { DataTable } from '../../../../components/desk/DataTable';
import { DeskLayout } from '../../../../components/desk/DeskLayout';
import type { Column, Filter } from '../../../../components/desk/table';
import { useRows } from '../../../../components/desk/useRows';
import { useTable } from '../../../../components/desk/useTable';
import { useDeskWidth } from '../../../../utils/desk';
import '../admin.scss';

const STATUS_LABELS: Record<DeliveryStatus, string> = { pending: '待发送', sent: '已发送', failed: '发送失败', skipped: '未发送（仅站内）' };
/** What kind of recipient a message went to, beside its name. */
const RECIPIENT_KIND = (r: string) => (r === 'admin' ? '' : r.startsWith('o:') ? '申报/服务单位' : r.startsWith('e:') ? '评审专家' : '个人');
const recipient = (m: OutboxMessage) => `${m.recipientName}${RECIPIENT_KIND(m.recipient) ? `（${RECIPIENT_KIND(m.recipient)}）` : ''}`;
const stamp = (iso: string) => iso.slice(0, 16).replace('T', ' ');

const COLUMNS: Column<OutboxMessage>[] = [
  { key: 'title', header: '消息', value: (m) => m.title, width: 18, keep: true },
  { key: 'body', header: '内容', value: (m) => m.body },
  { key: 'recipient', header: '发给', value: recipient, width: 26, keep: true },
  { key: 'createdAt', header: '时间', value: (m) => stamp(m.createdAt), width: 16, align: 'end' },
  { key: 'status', header: '发送', value: (m) => STATUS_LABELS[m.sendStatus], width: 10 },
  { key: 'read', header: '已读', value: (m) => (m.read ? '已读' : ''), width: 5 },
  { key: 'detail', header: '发送情况', value: (m) => m.sendDetail ?? '', hidden: true },
];
const FILTERS: Filter<OutboxMessage>[] = [
  { key: 'kind', label: '类型', all: '全部消息', options: NOTIFY_KINDS.map((k) => ({ value: k, label: NOTIFY_KIND_INFO[k].title })) },
  { key: 'status', label: '发送状态', all: '全部状态', options: (Object.keys(STATUS_LABELS) as DeliveryStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] })) },
];

export default function OutboxPage() {
  const desk = useDeskWidth();
  const table = useTable(COLUMNS, FILTERS, { sort: 'createdAt', dir: 'desc' });
  const { kind, status } = table.view.filters;
  const rows = useRows<OutboxMessage>(
    async (cursor) => {
      const res = await api('notify', 'outbox', { page: Number(cursor ?? 0), ...(kind ? { kind: kind as NotifyKind } : {}), ...(status ? { status: status as DeliveryStatus } : {}) });
      return { items: res.messages, next: res.hasMore ? String(res.page + 1) : null };
    },
    [kind, status],
    { all: desk },
  );
  usePullDownRefresh(async () => {
    await rows.reload();
    Taro.stopPullDownRefresh();
  });
  const card = (m: OutboxMessage) => (
    <View className='admin__card'>
      <Text className='admin__name'>{m.title}</Text>
      <Text className='admin__label'>{m.body}</Text>
      <Text className='admin__meta'>
        {stamp(m.createdAt)} · 发给{m.recipientName} · {STATUS_LABELS[m.sendStatus]}
        {m.read ? ' · 已读' : ''}
      </Text>
      {m.sendDetail && <Text className='admin__meta'>{m.sendDetail}</Text>}
    </View>
  );
  return (
    <DeskLayout title='消息发送记录'>
      <View className='admin'>
        <DataTable table={table} rows={rows} title='消息' unit='条' rowKey={(m) => m.id} rowLabel={(m) => m.title} card={card} empty={{ title: '没有符合条件的消息', hint: '换一个类型或状态试试' }} />
      </View>
    </DeskLayout>
  );
}
