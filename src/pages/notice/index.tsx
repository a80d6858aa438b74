/**
 * One product in publicity (issue 24): what is proposed — every public section of its specification, each under a
 * plain name beside the form's own ("谁来服务（提供主体的专业性）") — with a comment button on each section that opens
 * the comment box there, anchored to it; the window; my comments (with the bureau's answer as soon as it is given:
 * a message in 我的消息 leads here, to the comment); every answer once closed.
 */
import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { PublicityDetail } from '@shared/actions/publicity';
import type { PurchaseMethod } from '@shared/domain';
import { pointOf } from '@shared/geo';
import { COMMENT_STATUS_LABELS, DISPOSITION_LABELS, type MyComment, type PublicComment } from '@shared/publicity';
import { SPEC_SECTIONS, type SpecSection } from '@shared/specFields';
import { api, ApiError, ensureSession, errorMessage } from '../../api/client';
import { Cost } from '../../components/Cost';
import { HomeLink } from '../../components/HomeLink';
import { Failure, Loading } from '../../components/StateView';
import { Unbroken } from '../../components/Unbroken';
import { useLargeFont } from '../../utils/largeFont';
import { openInMap } from '../../utils/place';
import { askToHearBack } from '../../utils/subscribe';
import '../publicity/index.scss';
import './index.scss';
import { scrollToSelector } from '../../utils/scrollTo';

const MAX = 1000;
/** The sections citizens may read (those with public fields), in the form's order. */
const PUBLIC_SECTIONS = SPEC_SECTIONS.filter((s) => s.fields.some((f) => f.public));
const SECTION_NAMES = new Map(SPEC_SECTIONS.map((s) => [s.key, `${s.plain}（${s.title}）`]));
/** No anchor: a comment on the product as a whole. */
const WHOLE = '';

type Composer = { anchor: string } | null;

export default function NoticePage() {
  const { id = '', comment: focusComment } = useRouter().params;
  const [large] = useLargeFont();
  const [p, setP] = useState<PublicityDetail | null>(null);
  const [comments, setComments] = useState<{ comments: PublicComment[]; mine: MyComment[]; closed: boolean; nextCursor: string | null } | null>(null);
  const [more, setMore] = useState<'idle' | 'loading' | string>('idle');
  const [error, setError] = useState('');
  const [composer, setComposer] = useState<Composer>(null);
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<{ anchor: string; kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setError('');
    try {
      // A message about one of my comments opens here: the comments are read as the signed-in person.
      if (focusComment) await ensureSession();
      const [detail, list] = await Promise.all([api('publicity', 'get', { declarationId: id }), api('publicity', 'comments', { declarationId: id })]);
      setP(detail);
      setComments(list);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id, focusComment]);
  useEffect(() => {
    load();
  }, [load]);
  // Opened from a message: bring that comment (and its answer) into view.
  useEffect(() => {
    if (focusComment && comments) setTimeout(() => void scrollToSelector(`#c-${focusComment}`), 100);
  }, [focusComment, comments]);

  /** The next page of public comments (keyset cursor), appended to those shown. */
  const loadMore = async () => {
    if (!comments?.nextCursor) return;
    setMore('loading');
    try {
      const page = await api('publicity', 'comments', { declarationId: id, cursor: comments.nextCursor });
      setComments({ ...comments, comments: [...comments.comments, ...page.comments], nextCursor: page.nextCursor, closed: page.closed });
      setMore('idle');
    } catch (e) {
      setMore(errorMessage(e));
    }
  };

  const openComposer = (anchor: string) => {
    setComposer({ anchor });
    setNotice(null);
    setTimeout(() => void scrollToSelector(`#compose-${anchor || 'whole'}`), 80);
  };

  const send = async () => {
    if (!composer) return;
    const anchor = composer.anchor;
    // Asked at the tap (WeChat allows it only then): the answer to this comment comes as a result notice.
    await askToHearBack(['RESULT']);
    setBusy(true);
    setNotice(null);
    try {
      await ensureSession();
      const res = await api('publicity', 'comment', { declarationId: id, text, ...(anchor ? { anchor } : {}) });
      setText('');
      setComposer(null);
      const told = '市司法局答复后，会在“我的 → 我的消息”里告诉您';
      setNotice({ anchor, kind: 'ok', text: res.status === 'shown' ? `意见已公开，您的署名是 ${res.pseudonym}。${told}` : `意见已提交，审核后公开。${told}` });
      setComments(await api('publicity', 'comments', { declarationId: id }));
    } catch (e) {
      setNotice({ anchor, kind: 'error', text: e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  if (error) return <Failure message={error} onRetry={load} />;
  if (!p || !comments) return <Loading />;
  const open = p.state === 'open';
  const answer = (c: PublicComment) =>
    c.disposition && (
      <View className='comment__answer'>
        <Text className='comment__disposition'>市司法局答复：{DISPOSITION_LABELS[c.disposition]}</Text>
        <Text>{c.reply}</Text>
      </View>
    );

  /** The comment box, where it was opened (under a section, or at the end for the product as a whole). */
  const composeAt = (anchor: string) => (
    <>
      {composer?.anchor === anchor && (
        <View className='compose' id={`compose-${anchor || 'whole'}`}>
          <Text className='compose__about'>{anchor ? `对“${SECTION_NAMES.get(anchor)}”提意见` : '对这个产品提意见'}</Text>
          <Textarea className='notice__input' value={text} maxlength={MAX} focus placeholder='请写下您的意见或建议（5 至 1000 字）。您的身份不会公开。' onInput={(e) => setText(e.detail.value)} />
          <Text className={`notice__count ${text.trim().length > 0 && text.trim().length < 5 ? 'notice__count--short' : ''}`}>
            {text.length}/{MAX}
          </Text>
          <AtButton type='primary' disabled={busy || text.trim().length < 5} onClick={send}>
            提交意见
          </AtButton>
          <AtButton onClick={() => setComposer(null)}>取消</AtButton>
        </View>
      )}
      {notice?.anchor === anchor && <Text className={`notice__msg notice__msg--${notice.kind}`}>{notice.text}</Text>}
    </>
  );

  return (
    <View className={`notice ${large ? 'lf' : ''}`}>
      <HomeLink />
      <View className='notice-card'>
        <Text className='notice-card__name'>{p.name}</Text>
        <Text className='notice-card__meta'>{p.providerName}</Text>
        <Cost method={p.purchaseMethod as PurchaseMethod} price={p.price} />
        <Unbroken
          className={`notice-card__state notice-card__state--${p.state}`}
          text={open ? `公示中，还剩 ${p.workingDaysLeft} 个工作日（${p.startsOn} 至 ${p.endsOn}）` : p.state === 'upcoming' ? `${p.startsOn} 开始公示，至 ${p.endsOn} 止` : `公示已于 ${p.endsOn} 结束`}
        />
        <Text className='notice__summary'>{p.summary}</Text>
        <Text className='notice-card__meta'>
          {open ? '下面是申报单位填写的产品说明书中向社会公开的内容。哪一部分有意见，点那一部分下面的“提意见”。' : '下面是申报单位填写的产品说明书中向社会公开的内容。'}
        </Text>
      </View>

      {PUBLIC_SECTIONS.map((s) => (
        <View key={s.key} className='notice-card proposal' id={`s-${s.key}`}>
          <Text className='proposal__title'>
            {s.plain}
            <Text className='proposal__form'>（{s.title}）</Text>
          </Text>
          <SectionFields section={s} details={p.details} name={p.name} />
          {open && composer?.anchor !== s.key && (
            <View className='proposal__comment' role='button' onClick={() => openComposer(s.key)}>
              <Text>对“{s.plain}”提意见</Text>
            </View>
          )}
          {composeAt(s.key)}
        </View>
      ))}

      {open && (
        <View className='notice-card'>
          {composer?.anchor !== WHOLE && (
            <AtButton type='primary' onClick={() => openComposer(WHOLE)}>
              对这个产品提意见
            </AtButton>
          )}
          {composeAt(WHOLE)}
        </View>
      )}

      {comments.mine.length > 0 && (
        <View className='notice-card'>
          <Text className='notice__title'>我的意见</Text>
          {comments.mine.map((c) => (
            <View key={c.commentId} id={`c-${c.commentId}`} className={`comment ${c.commentId === focusComment ? 'comment--focus' : ''}`}>
              <Text className='comment__head'>
                {c.pseudonym} · {COMMENT_STATUS_LABELS[c.status]}
                {c.anchor ? ` · 关于“${SECTION_NAMES.get(c.anchor)}”` : ''}
              </Text>
              <Text className='comment__text'>{c.text}</Text>
              {answer(c) || <Text className='comment__wait'>等待市司法局答复，答复后会通知您</Text>}
            </View>
          ))}
        </View>
      )}

      <View className='notice-card'>
        <Text className='notice__title'>
          公开意见（{p.comments}）{comments.closed ? ' · 含处理结果' : ''}
        </Text>
        {comments.comments.length === 0 && <Text className='notice-card__meta'>还没有公开的意见</Text>}
        {comments.comments.map((c) => (
          <View key={c.commentId} className='comment'>
            <Text className='comment__head'>
              {c.byApplicant ? '申报单位' : c.pseudonym}
              {c.anchor ? ` · 关于“${SECTION_NAMES.get(c.anchor)}”` : ''}
            </Text>
            <Text className='comment__text'>{c.text}</Text>
            {answer(c)}
          </View>
        ))}
        {comments.nextCursor && (
          <View>
            {more !== 'idle' && more !== 'loading' && <Text className='notice__msg notice__msg--error'>{more}</Text>}
            <AtButton size='small' disabled={more === 'loading'} onClick={loadMore}>
              {more === 'loading' ? '正在加载…' : more === 'idle' ? '加载更多意见' : '重试'}
            </AtButton>
          </View>
        )}
        {!comments.closed && comments.comments.length > 0 && <Text className='notice-card__meta'>公示结束后，这里会公开每条意见的处理结果。</Text>}
      </View>
    </View>
  );
}

/** A section's public fields as declared: choices by their labels, the service point as a map link. */
function SectionFields({ section, details, name }: { section: SpecSection; details: Record<string, string>; name: string }) {
  const place = pointOf({ latitude: Number(details['publicInfo.latitude']) || undefined, longitude: Number(details['publicInfo.longitude']) || undefined });
  return (
    <View>
      {section.fields
        .filter((f) => f.public && f.kind !== 'coordinate')
        .map((f) => {
          const raw = details[f.key];
          const value = raw === undefined ? '' : (f.choices?.find((c) => c.value === raw)?.label ?? raw);
          return (
            <View key={f.key} className='proposal__field'>
              <Text className='proposal__label'>{f.label}</Text>
              <Text className={`proposal__value ${value ? '' : 'proposal__value--empty'}`}>{value || '（未填写）'}</Text>
            </View>
          );
        })}
      {section.key === 'publicInfo' && (
        <View className='proposal__field'>
          <Text className='proposal__label'>地图上的位置</Text>
          {place ? (
            <View className='proposal__map' role='link' onClick={() => openInMap(place, name, details['publicInfo.address'] ?? '')}>
              <Text>在地图上查看 ›</Text>
            </View>
          ) : (
            <Text className='proposal__value proposal__value--empty'>（未填写）</Text>
          )}
        </View>
      )}
    </View>
  );
}
