/**
 * 申请回避: an expert with a conflict of interest steps aside from this declaration, with a reason of their own.
 * It takes effect at once (reviews.recuse): a reserve expert takes the place, and the bureau sees the reason.
 */
import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { api, ApiError, errorMessage } from '../../../../api/client';

export function RecusalSheet({ declarationId, onDone, onCancel }: { declarationId: string; onDone: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    setError('');
    try {
      await api('reviews', 'recuse', { declarationId, reason: reason.trim() });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='sheet' role='dialog' aria-label='申请回避'>
      <View className='sheet__panel'>
        <Text className='sheet__title'>申请回避</Text>
        <Text className='sheet__text'>与申报单位有利害关系（如任职、近亲属、合作或推荐关系）的，应当回避。提交后立即生效：您不再评审这份申报，由候补专家替补，市司法局会看到您写的理由。</Text>
        <Textarea className='sheet__input' value={reason} maxlength={200} placeholder='请写明回避理由（必填），如：本人曾在该单位兼职' onInput={(e) => setReason(e.detail.value)} />
        {error && <Text className='sheet__error'>{error}</Text>}
        <AtButton type='primary' disabled={busy || reason.trim().length < 2} onClick={send}>
          确认回避
        </AtButton>
        <AtButton onClick={onCancel}>取消</AtButton>
      </View>
    </View>
  );
}
