/** 小李 scans the code at the counter and rates the help in ten seconds: five big faces, optional details, done. */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { BAD_LEVEL, DIMENSIONS, DIMENSION_LABELS, LEVELS, LEVEL_LABELS, type Dimension, type Level, type RatingSummary } from '@shared/rating';
import { api, ApiError, ensureSession, errorMessage } from '../../api/client';
import { HomeLink } from '../../components/HomeLink';
import { RatingChart } from '../../components/RatingChart';
import { Failure, Loading } from '../../components/StateView';
import { Unbroken } from '../../components/Unbroken';
import { useLargeFont } from '../../utils/largeFont';
import { goHome, goTab } from '../../utils/nav';
import { CallbackRequest, type CallbackChoice } from './CallbackRequest';
import { launchParam } from '../../utils/scene';
import { askToHearBack } from '../../utils/subscribe';
import './index.scss';

const FACES: Record<Level, string> = { 5: '😄', 4: '🙂', 3: '😐', 2: '🙁', 1: '😞' };
type Info = { productId: string; productName: string; providerName: string; servedOn: string; usable: boolean; reason: string | null };

/** A page where the rating ends (thanks, a used or a bad code): what happens next, and the ways on. */
function Terminal({ title, tone, lines, productId, children }: { title: string; tone: 'ok' | 'stop'; lines: string[]; productId?: string; children?: ReactNode }) {
  const [large] = useLargeFont();
  return (
    <View className={`rate ${large ? 'lf' : ''}`}>
      <View className='rate__card'>
        <Text className={`rate__end rate__end--${tone}`}>{title}</Text>
        {lines.map((l) => (
          <Unbroken key={l} className='rate__next' text={l} />
        ))}
        <View className='rate__ways'>
          <AtButton type='primary' onClick={goHome}>
            返回首页
          </AtButton>
          {productId && <AtButton onClick={() => Taro.redirectTo({ url: `/pages/product/index?id=${productId}` })}>查看这项服务</AtButton>}
          <AtButton onClick={() => goTab('me')}>到“我的”查看我的评价</AtButton>
        </View>
      </View>
      {children}
    </View>
  );
}

export default function RatePage() {
  const token = launchParam(useRouter().params, 't');
  const [info, setInfo] = useState<Info | null>(null);
  const [error, setError] = useState('');
  const [level, setLevel] = useState<Level | null>(null);
  const [dims, setDims] = useState<Partial<Record<Dimension, number>>>({});
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [sendError, setSendError] = useState('');
  const [done, setDone] = useState<{ summary: RatingSummary; caseOpened: boolean; phoneLeft: boolean } | null>(null);
  const [callback, setCallback] = useState<CallbackChoice>({ wanted: false, phone: '', consent: false });
  const [invalid, setInvalid] = useState(false);
  const [large] = useLargeFont();

  const load = useCallback(async () => {
    setError('');
    try {
      setInfo(await api('ratings', 'tokenInfo', { token }));
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'NOT_FOUND' || e.code === 'INVALID_INPUT')) setInvalid(true);
      else setError(errorMessage(e));
    }
  }, [token]);
  useEffect(() => {
    load();
  }, [load]);

  const send = async () => {
    if (!level) return;
    // A bad rating opens a case: asked at the tap (WeChat allows it only then) to hear of the answer and the call-back.
    if (level <= BAD_LEVEL) await askToHearBack(['RESULT']);
    setBusy(true);
    setSendError('');
    try {
      await ensureSession();
      const wantCall = level <= BAD_LEVEL && callback.wanted;
      if (wantCall && !callback.consent) throw new ApiError('INVALID_INPUT', '请勾选同意后再留电话，或取消“希望服务单位打电话给我”');
      const res = await api('ratings', 'rate', {
        token,
        level,
        ...(Object.keys(dims).length ? { dimensions: dims } : {}),
        ...(text.trim() ? { text } : {}),
        ...(wantCall ? { callback: { phone: callback.phone, consent: true as const } } : {}),
      });
      setDone({ summary: res.summary, caseOpened: res.caseId !== null, phoneLeft: !!wantCall });
    } catch (e) {
      setSendError(e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (invalid)
    return <Terminal title='评价码无效' tone='stop' lines={['这个二维码或链接不完整，或不是本平台的评价码。', '请重新扫描服务窗口的二维码，或请工作人员重新出示评价码。']} />;
  if (error) return <Failure message={error} onRetry={load} />;
  if (!info) return <Loading />;
  if (done)
    return (
      <Terminal
        title='谢谢您的评价！'
        tone='ok'
        productId={info.productId}
        lines={
          done.caseOpened
            ? [
                done.phoneLeft ? '服务单位会在 5 个工作日内按您留的电话联系您，并说明整改情况；事情处理完，您的号码即删除。' : '您的不满意评价已转给服务单位，单位须在 5 个工作日内写明整改情况（您没有留电话，不会有人打给您）。',
                '服务单位答复后会通知您（“我的 → 我的消息”）；答复和处理进度在“我的”里，您看过后可以告诉我们是否满意，仍不满意的可以请市司法局复核。',
              ]
            : ['您的评价已计入这项服务的满意度，帮助更多人选择服务。']
        }
      >
        <View className='rate__card'>
          <Text className='rate__title'>{info.productName} 的评价</Text>
          <RatingChart summary={done.summary} />
        </View>
      </Terminal>
    );
  if (!info.usable)
    return (
      <Terminal
        title='这个评价码不能再用了'
        tone='stop'
        productId={info.productId}
        lines={[info.reason ?? '', '每次服务可以评价一次。如需再次评价，请在下次办理时向工作人员索取新的评价码；如有急事，可拨打 12348 法律服务热线。'].filter(Boolean)}
      />
    );

  return (
    <View className={`rate ${large ? 'lf' : ''}`}>
      <HomeLink />
      <View className='rate__card'>
        <Text className='rate__title'>{info.productName}</Text>
        <Unbroken className='rate__hint' text={`${info.providerName} · 服务日期 ${info.servedOn}`} />
        <Text className='rate__question'>您对这次服务满意吗？</Text>
        <View className='faces'>
          {LEVELS.map((l) => (
            <View key={l} className={`faces__item ${level === l ? 'faces__item--on' : ''}`} role='radio' aria-checked={level === l ? 'true' : 'false'} onClick={() => setLevel(l)}>
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
                <View key={n} className={`stars__star ${(dims[d] ?? 0) >= n ? 'stars__star--on' : ''}`} role='radio' aria-label={`${DIMENSION_LABELS[d]} ${n} 星`} aria-checked={dims[d] === n ? 'true' : 'false'} onClick={() => setDims({ ...dims, [d]: n })}>
                  <Text>★</Text>
                </View>
              ))}
            </View>
          ))}
          <Textarea className='rate__text' value={text} maxlength={500} placeholder='想说的话（选填，您的身份不会告诉服务单位）' onInput={(e) => setText(e.detail.value)} />
          <Text className='rate__count'>{text.length}/500</Text>
          {level <= BAD_LEVEL && <CallbackRequest value={callback} onChange={setCallback} />}
          {sendError && <Text className='rate__error'>{sendError}</Text>}
          <AtButton type='primary' disabled={busy} onClick={send}>
            提交评价
          </AtButton>
        </View>
      )}
    </View>
  );
}
