/** 小李 scans the code at the counter and rates the help in ten seconds: five big faces, optional details, done. */
import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { DIMENSIONS, DIMENSION_LABELS, LEVELS, LEVEL_LABELS, type Dimension, type Level, type RatingSummary } from '@shared/rating';
import { api, ensureSession, errorMessage } from '../../api/client';
import { RatingChart } from '../../components/RatingChart';
import { Empty, Failure, Loading } from '../../components/StateView';
import './index.scss';

const FACES: Record<Level, string> = { 5: '😄', 4: '🙂', 3: '😐', 2: '🙁', 1: '😞' };
type Info = { productName: string; providerName: string; servedOn: string; usable: boolean; reason: string | null };

export default function RatePage() {
  const token = useRouter().params.t ?? '';
  const [info, setInfo] = useState<Info | null>(null);
  const [error, setError] = useState('');
  const [level, setLevel] = useState<Level | null>(null);
  const [dims, setDims] = useState<Partial<Record<Dimension, number>>>({});
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [sendError, setSendError] = useState('');
  const [done, setDone] = useState<{ summary: RatingSummary; caseOpened: boolean } | null>(null);

  const load = useCallback(async () => {
    setError('');
    try {
      setInfo(await api('ratings', 'tokenInfo', { token }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [token]);
  useEffect(() => {
    load();
  }, [load]);

  const send = async () => {
    if (!level) return;
    setBusy(true);
    setSendError('');
    try {
      await ensureSession();
      const res = await api('ratings', 'rate', { token, level, ...(Object.keys(dims).length ? { dimensions: dims } : {}), ...(text.trim() ? { text } : {}) });
      setDone({ summary: res.summary, caseOpened: res.caseId !== null });
    } catch (e) {
      setSendError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (error) return <Failure message={error} onRetry={load} />;
  if (!info) return <Loading />;
  if (!info.usable && !done) return <Empty title='无法评价' hint={info.reason ?? ''} />;
  if (done)
    return (
      <View className='rate'>
        <View className='rate__card'>
          <Text className='rate__thanks'>谢谢您的评价！</Text>
          {done.caseOpened && <Text className='rate__hint'>我们已通知服务单位在 5 个工作日内联系您并整改，您可以在“我的账号”中查看处理结果。</Text>}
        </View>
        <View className='rate__card'>
          <Text className='rate__title'>{info.productName} 的评价</Text>
          <RatingChart summary={done.summary} />
        </View>
      </View>
    );

  return (
    <View className='rate'>
      <View className='rate__card'>
        <Text className='rate__title'>{info.productName}</Text>
        <Text className='rate__hint'>
          {info.providerName} · 服务日期 {info.servedOn}
        </Text>
        <Text className='rate__question'>您对这次服务满意吗？</Text>
        <View className='faces'>
          {LEVELS.map((l) => (
            <View key={l} className={`faces__item ${level === l ? 'faces__item--on' : ''}`} onClick={() => setLevel(l)}>
              <Text className='faces__face'>{FACES[l]}</Text>
              <Text className='faces__label'>{LEVEL_LABELS[l]}</Text>
            </View>
          ))}
        </View>
      </View>
      {level && (
        <View className='rate__card'>
          <Text className='rate__hint'>可选：分项打分</Text>
          {DIMENSIONS.map((d) => (
            <View key={d} className='stars'>
              <Text className='stars__label'>{DIMENSION_LABELS[d]}</Text>
              {[1, 2, 3, 4, 5].map((n) => (
                <Text key={n} className={`stars__star ${(dims[d] ?? 0) >= n ? 'stars__star--on' : ''}`} onClick={() => setDims({ ...dims, [d]: n })}>
                  ★
                </Text>
              ))}
            </View>
          ))}
          <Textarea className='rate__text' value={text} maxlength={500} placeholder='想说的话（选填，您的身份不会告诉服务单位）' onInput={(e) => setText(e.detail.value)} />
          <Text className='rate__count'>{text.length}/500</Text>
          {sendError && <Text className='rate__error'>{sendError}</Text>}
          <AtButton type='primary' disabled={busy} onClick={send}>
            提交评价
          </AtButton>
        </View>
      )}
    </View>
  );
}
