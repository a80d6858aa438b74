/**
 * The needs board (市场调研): what legal help people need and cannot find in the catalogue. Anyone reads it; signed-in
 * people post a need and support others' (once each); the bureau's answers show under each need.
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Picker, Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { CATEGORIES, CATEGORY_LABELS, DISTRICTS, type Category, type District } from '@shared/domain';
import { NEED_STATUS_LABELS, type PublicNeed } from '@shared/needs';
import { api, ApiError, ensureSession, errorMessage } from '../../api/client';
import { HomeLink } from '../../components/HomeLink';
import { Empty, Failure, Loading } from '../../components/StateView';
import { Unbroken } from '../../components/Unbroken';
import { useLargeFont } from '../../utils/largeFont';
import '../../styles/desk.scss';
import './index.scss';
import { useLoadAndPullRefresh } from '../../utils/useLoad';

type Sort = 'supported' | 'newest';
const CATEGORY_OPTIONS = ['不限类别', ...CATEGORIES.map((c) => CATEGORY_LABELS[c])];
const DISTRICT_OPTIONS = ['不限区县', ...DISTRICTS];

export default function NeedsPage() {
  const router = useRouter();
  const [sort, setSort] = useState<Sort>('supported');
  const [items, setItems] = useState<PublicNeed[] | null>(null);
  const [supported, setSupported] = useState<string[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [large] = useLargeFont();
  const [text, setText] = useState(() => decodeURIComponent(router.params.q ?? ''));
  const [category, setCategory] = useState<Category | undefined>();
  const [district, setDistrict] = useState<District | undefined>();
  const [formError, setFormError] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setError('');
    try {
      const page = await api('needs', 'list', { sort });
      setItems(page.items);
      setSupported(page.supported);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [sort]);
  useLoadAndPullRefresh(load);
  const more = async () => {
    if (!cursor) return;
    try {
      const page = await api('needs', 'list', { sort, cursor });
      setItems([...(items ?? []), ...page.items]);
      setSupported([...supported, ...page.supported]);
      setCursor(page.nextCursor);
    } catch (e) {
      setNotice({ ok: false, text: errorMessage(e) });
    }
  };

  const post = async () => {
    setBusy(true);
    setFormError({});
    setNotice(null);
    try {
      await ensureSession();
      const res = await api('needs', 'submit', { text: text.trim(), ...(category ? { category } : {}), ...(district ? { district } : {}) });
      setText('');
      setNotice({ ok: true, text: res.visibility === 'shown' ? `已发布（显示为“${res.pseudonym}”），感谢您的建议` : '已收到，内容需要工作人员看过后再显示' });
      await load();
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) setFormError(Object.fromEntries(e.issues.map((i) => [i.path, i.message])));
      setNotice({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const support = async (needId: string) => {
    setNotice(null);
    try {
      await ensureSession();
      const res = await api('needs', 'support', { needId });
      setItems((items ?? []).map((n) => (n.needId === needId ? { ...n, supports: res.supports } : n)));
      setSupported([...supported, needId]);
    } catch (e) {
      setNotice({ ok: false, text: errorMessage(e) });
    }
  };

  return (
    <View className={`desk needs ${large ? 'lf' : ''}`}>
      <HomeLink />
      <View className='desk__card needs__form'>
        <Text className='desk__title'>说说您需要的法律服务</Text>
        <Text className='desk__meta'>目录里没有找到合适的服务？写下您的需求，市司法局会答复，也会用来确定下一年征集哪些产品。请不要写姓名、电话等个人信息。</Text>
        <Textarea className='desk__textarea' value={text} maxlength={500} placeholder='例如：希望有针对网约车司机的劳动权益咨询，晚上也能打电话' onInput={(e) => setText(e.detail.value)} />
        {formError.text && <Text className='desk__error'>{formError.text}</Text>}
        <View className='desk__side'>
          <Picker className='desk__half' mode='selector' range={CATEGORY_OPTIONS} value={category ? CATEGORIES.indexOf(category) + 1 : 0} onChange={(e) => setCategory(Number(e.detail.value) === 0 ? undefined : CATEGORIES[Number(e.detail.value) - 1])}>
            <View className='desk__text needs__pick' role='button'>
              <Text>{category ? CATEGORY_LABELS[category] : '不限类别'} ▾</Text>
            </View>
          </Picker>
          <Picker className='desk__half' mode='selector' range={DISTRICT_OPTIONS} value={district ? DISTRICT_OPTIONS.indexOf(district) : 0} onChange={(e) => setDistrict(Number(e.detail.value) === 0 ? undefined : (DISTRICT_OPTIONS[Number(e.detail.value)] as District))}>
            <View className='desk__text needs__pick' role='button'>
              <Text>{district ?? '不限区县'} ▾</Text>
            </View>
          </Picker>
        </View>
        <AtButton type='primary' loading={busy} disabled={busy} onClick={post}>
          提交需求
        </AtButton>
        {notice && <Text className={`desk__notice desk__notice--${notice.ok ? 'ok' : 'error'}`}>{notice.text}</Text>}
      </View>

      <View className='desk__tabs' role='tablist' aria-label='排列顺序'>
        {(['supported', 'newest'] as Sort[]).map((s) => (
          <View key={s} className={`desk__tab ${sort === s ? 'desk__tab--on' : ''}`} role='tab' aria-selected={sort === s ? 'true' : 'false'} onClick={() => setSort(s)}>
            <Text>{s === 'supported' ? '支持最多' : '最新提出'}</Text>
          </View>
        ))}
      </View>
      {error ? (
        <Failure message={error} onRetry={load} />
      ) : !items ? (
        <Loading text='正在加载大家的需求…' />
      ) : items.length === 0 ? (
        <Empty title='还没有人提出需求' hint='您可以在上面第一个写下需要的法律服务' />
      ) : (
        <View>
          {items.map((n) => (
            <View key={n.needId} className='desk__card needs__item'>
              <Text className='desk__text'>{n.text}</Text>
              <Unbroken className='desk__meta' text={`${n.pseudonym} · ${n.createdAt.slice(0, 10)}${n.category ? ` · ${CATEGORY_LABELS[n.category]}` : ''}${n.district ? ` · ${n.district}` : ''}`} />
              <Text className={`desk__badge desk__badge--${n.status}`}>{NEED_STATUS_LABELS[n.status]}</Text>
              {n.reply && <Text className='desk__text'>市司法局答复：{n.reply}</Text>}
              {n.productId && (
                <View className='desk__link' role='link' onClick={() => Taro.navigateTo({ url: `/pages/product/index?id=${n.productId}` })}>
                  <Text>查看可以满足这个需求的服务 ›</Text>
                </View>
              )}
              {n.linkedProductIds.map((id) => (
                <View key={id} className='desk__link' role='link' onClick={() => Taro.navigateTo({ url: `/pages/product/index?id=${id}` })}>
                  <Text>已有新产品回应这个需求 ›</Text>
                </View>
              ))}
              <View className='desk__row'>
                <Unbroken className='desk__meta needs__count' text={`${n.supports} 人也有这个需求`} />
                <AtButton size='small' disabled={supported.includes(n.needId)} onClick={() => support(n.needId)}>
                  {supported.includes(n.needId) ? '已支持' : '我也需要'}
                </AtButton>
              </View>
            </View>
          ))}
          {cursor ? (
            <AtButton size='small' onClick={more}>
              加载更多
            </AtButton>
          ) : (
            <Text className='desk__meta'>已经到底了</Text>
          )}
        </View>
      )}
    </View>
  );
}
