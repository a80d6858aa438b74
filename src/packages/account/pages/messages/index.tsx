/**
 * 我的 → 消息: what the system has told this person (material requests, review tasks, results, deadlines; for a citizen
 * the answer to a comment and what became of a bad rating), newest first. Every message opens its record.
 */
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { MessageView } from '@shared/notify';
import { api, ensureSession, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { goTab } from '../../../../utils/nav';
import { useLargeFont } from '../../../../utils/largeFont';
import '../../../admin/pages/admin.scss';
import './index.scss';
import { useLoadAndPullRefresh } from '../../../../utils/useLoad';

export default function MessagesPage() {
  const [messages, setMessages] = useState<MessageView[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [page, setPage] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState('');
  const [large] = useLargeFont();

  const load = useCallback(async (next = 0) => {
    setError('');
    try {
      await ensureSession(); // opened from a link on a new device: the session this device keeps
      const res = await api('notify', 'inbox', { page: next });
      setMessages((prev) => (next > 0 && prev ? [...prev, ...res.messages] : res.messages));
      setUnread(res.unread);
      setPage(res.page);
      setHasMore(res.hasMore);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useLoadAndPullRefresh(load);

  const open = async (m: MessageView) => {
    if (!m.read) {
      try {
        const res = await api('notify', 'markRead', { ids: [m.id] });
        setUnread(res.unread);
        setMessages((prev) => prev?.map((x) => (x.id === m.id ? { ...x, read: true } : x)) ?? prev);
      } catch {
        // Marking read is a nicety: opening the message goes on.
      }
    }
    if (m.link) Taro.navigateTo({ url: m.link }).catch(() => Taro.showToast({ title: '这个页面暂时打不开', icon: 'none' }));
  };
  const readAll = async () => {
    try {
      const res = await api('notify', 'markRead', { all: true });
      setUnread(res.unread);
      setMessages((prev) => prev?.map((x) => ({ ...x, read: true })) ?? prev);
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none' });
    }
  };

  if (error) return <Failure message={error} onRetry={() => load()} />;
  if (!messages) return <Loading />;
  if (messages.length === 0)
    return (
      <View className={large ? 'lf' : ''}>
        <Empty title='还没有消息' hint='您的意见得到答复、不满意评价有了处理结果，以及需要您办理的事项（补充材料、评审任务、整改期限等），都会显示在这里' action={{ text: '返回我的', onClick: () => goTab('me') }} />
      </View>
    );
  return (
    <View className={`admin msgs ${large ? 'lf' : ''}`}>
      <View className='admin__filters'>
        <Text className='admin__meta'>{unread ? `${unread} 条未读` : '全部已读'}</Text>
        {unread > 0 && (
          <AtButton size='small' onClick={readAll}>
            全部标为已读
          </AtButton>
        )}
      </View>
      {messages.map((m) => (
        <View key={m.id} className={`admin__card msgs__item ${m.read ? '' : 'msgs__item--unread'}`} role={m.link ? 'link' : undefined} onClick={() => open(m)}>
          <Text className='admin__name msgs__title'>
            {m.read ? '' : '● '}
            {m.title}
          </Text>
          <Text className='admin__label msgs__body'>{m.body}</Text>
          <Text className='admin__meta'>
            {m.createdAt.slice(0, 10)}
            {m.link ? ' · 点击查看 ›' : ''}
          </Text>
        </View>
      ))}
      {hasMore && <AtButton onClick={() => load(page + 1)}>加载更多</AtButton>}
    </View>
  );
}
