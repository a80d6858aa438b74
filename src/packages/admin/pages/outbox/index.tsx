/** The bureau's outbox: every message the system wrote, to whom, and how its WeChat delivery went. */
import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { OutboxMessage } from '@shared/actions/notify';
import { NOTIFY_KINDS, NOTIFY_KIND_INFO, type DeliveryStatus, type NotifyKind } from '@shared/notify';
import { api, errorMessage } from '../../../../api/client';
import { Chip } from '../../../../components/Chip';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import '../admin.scss';
import { useLoadAndPullRefresh } from '../../../../utils/useLoad';

const STATUS_LABELS: Record<DeliveryStatus, string> = { pending: '待发送', sent: '已发送', failed: '发送失败', skipped: '未发送（仅站内）' };

export default function OutboxPage() {
  const [kind, setKind] = useState<NotifyKind | undefined>();
  const [status, setStatus] = useState<DeliveryStatus | undefined>();
  const [messages, setMessages] = useState<OutboxMessage[] | null>(null);
  const [page, setPage] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState('');

  const load = useCallback(
    async (next = 0) => {
      setError('');
      if (next === 0) setMessages(null);
      try {
        const res = await api('notify', 'outbox', { page: next, ...(kind ? { kind } : {}), ...(status ? { status } : {}) });
        setMessages((prev) => (next > 0 && prev ? [...prev, ...res.messages] : res.messages));
        setPage(res.page);
        setHasMore(res.hasMore);
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [kind, status],
  );
  useLoadAndPullRefresh(load);

  const chip = (on: boolean, label: string, set: () => void) => <Chip key={label} on={on} label={label} onClick={set} />;

  return (
    <View className='admin'>
      <View className='admin__filters'>
        {chip(!kind, '全部消息', () => setKind(undefined))}
        {NOTIFY_KINDS.map((k) => chip(kind === k, NOTIFY_KIND_INFO[k].title, () => setKind(k)))}
      </View>
      <View className='admin__filters'>
        {chip(!status, '全部状态', () => setStatus(undefined))}
        {(Object.keys(STATUS_LABELS) as DeliveryStatus[]).map((s) => chip(status === s, STATUS_LABELS[s], () => setStatus(s)))}
      </View>
      {error ? (
        <Failure message={error} onRetry={() => load()} />
      ) : !messages ? (
        <Loading />
      ) : messages.length === 0 ? (
        <Empty title='没有符合条件的消息' hint='换一个类型或状态试试' action={{ text: '显示全部', onClick: () => (setKind(undefined), setStatus(undefined)) }} />
      ) : (
        <View>
          {messages.map((m) => (
            <View key={m.id} className='admin__card'>
              <Text className='admin__name'>{m.title}</Text>
              <Text className='admin__label'>{m.body}</Text>
              <Text className='admin__meta'>
                {m.createdAt.slice(0, 16).replace('T', ' ')} · 发给{m.recipientName} · {STATUS_LABELS[m.sendStatus]}
                {m.read ? ' · 已读' : ''}
              </Text>
              {m.sendDetail && <Text className='admin__meta'>{m.sendDetail}</Text>}
            </View>
          ))}
          {hasMore && <AtButton onClick={() => load(page + 1)}>加载更多</AtButton>}
        </View>
      )}
    </View>
  );
}
