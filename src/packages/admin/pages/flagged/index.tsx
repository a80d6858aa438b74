/**
 * The bureau reviews ratings held out of the published summary: given by the account that issued the code, by an
 * account of the provider, or in a burst of one issuer's codes. Accepted ones count from then on.
 */
import { useCallback, useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { askConfirm } from '../../../../components/Dialog';
import { AtButton } from 'taro-ui';
import type { FlaggedRating } from '@shared/actions/ratings';
import { api, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import '../admin.scss';
import { deskPage } from '../../../../components/desk/deskPage';

function FlaggedPage() {
  const [items, setItems] = useState<FlaggedRating[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});

  const load = useCallback(async (cursor?: string, shown: FlaggedRating[] = []) => {
    setError('');
    try {
      const page = await api('ratings', 'flagged', { limit: 50, ...(cursor ? { cursor } : {}) });
      setItems([...shown, ...page.ratings]);
      setNext(page.nextCursor);
      setTotal(page.total);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  const decide = async (r: FlaggedRating, accept: boolean) => {
    const reason = (reasons[r.ratingId] ?? '').trim();
    if (reason.length < 2) return setNotice('请先写明复核理由（如回访核实的情况）');
    const confirm = await askConfirm({ title: accept ? '采信这条评价' : '不采信这条评价', content: accept ? '采信后这条评价计入公开的满意度。确认吗？' : '不采信的评价不计入满意度。确认吗？', confirmText: '确认', cancelText: '再看看' });
    if (!confirm) return;
    setNotice('');
    try {
      await api('ratings', 'reviewFlag', { ratingId: r.ratingId, accept, reason });
      setNotice(accept ? '已采信，计入满意度' : '已不采信');
      load();
    } catch (e) {
      setNotice(errorMessage(e));
    }
  };

  if (error) return <Failure message={error} onRetry={() => load()} />;
  if (!items) return <Loading />;
  return (
    <View className='admin'>
      <Text className='admin__title'>待审核的可疑评价（{total} 条）</Text>
      <Text className='admin__meta'>以下评价暂不计入公开的满意度，核实后再决定是否采信。</Text>
      {notice && <Text className='admin__error'>{notice}</Text>}
      {items.length === 0 && <Empty title='没有待审核的可疑评价' hint='发现可疑评价时会出现在这里' />}
      {items.map((r) => (
        <View key={r.ratingId} className='admin__card'>
          <Text className='admin__label'>
            {r.productName} · {r.levelLabel}（{r.level} 分）
          </Text>
          <Text className='admin__meta'>
            {r.ratedOn} · {r.reasonLabel}
          </Text>
          {r.text && <Text className='admin__meta'>{r.text}</Text>}
          <Input className='admin__input' value={reasons[r.ratingId] ?? ''} placeholder='复核理由（必填）' onInput={(e) => setReasons({ ...reasons, [r.ratingId]: e.detail.value })} />
          <AtButton size='small' type='primary' onClick={() => decide(r, true)}>
            采信
          </AtButton>
          <AtButton size='small' onClick={() => decide(r, false)}>
            不采信
          </AtButton>
        </View>
      ))}
      {next && (
        <AtButton size='small' onClick={() => load(next, items)}>
          加载更多（已显示 {items.length} / {total} 条）
        </AtButton>
      )}
    </View>
  );
}

export default deskPage('可疑评价审核', FlaggedPage);
