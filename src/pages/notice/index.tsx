/** One product in publicity: what it is, the window, a comment form with a counter, my comments, and every answer once closed. */
import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { PublicityDetail } from '@shared/actions/publicity';
import { COMMENT_STATUS_LABELS, DISPOSITION_LABELS, type MyComment, type PublicComment } from '@shared/publicity';
import { SPEC_SECTIONS } from '@shared/specFields';
import { api, ApiError, ensureSession, errorMessage } from '../../api/client';
import { HomeLink } from '../../components/HomeLink';
import { Failure, Loading } from '../../components/StateView';
import { Unbroken } from '../../components/Unbroken';
import { useLargeFont } from '../../utils/largeFont';
import '../publicity/index.scss';
import './index.scss';

const MAX = 1000;
const SECTION_TITLES = new Map(SPEC_SECTIONS.map((s) => [s.key, s.title]));

export default function NoticePage() {
  const id = useRouter().params.id ?? '';
  const [large] = useLargeFont();
  const [p, setP] = useState<PublicityDetail | null>(null);
  const [comments, setComments] = useState<{ comments: PublicComment[]; mine: MyComment[]; closed: boolean; nextCursor: string | null } | null>(null);
  const [more, setMore] = useState<'idle' | 'loading' | string>('idle');
  const [error, setError] = useState('');
  const [text, setText] = useState('');
  const [anchor, setAnchor] = useState<string | undefined>();
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setError('');
    try {
      const [detail, list] = await Promise.all([api('publicity', 'get', { declarationId: id }), api('publicity', 'comments', { declarationId: id })]);
      setP(detail);
      setComments(list);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [id]);
  useEffect(() => {
    load();
  }, [load]);

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

  const send = async () => {
    setBusy(true);
    setNotice(null);
    try {
      await ensureSession();
      const res = await api('publicity', 'comment', { declarationId: id, text, ...(anchor ? { anchor } : {}) });
      setText('');
      setNotice({ kind: 'ok', text: res.status === 'shown' ? `意见已公开，您的署名是 ${res.pseudonym}` : '意见已提交，审核后公开' });
      setComments(await api('publicity', 'comments', { declarationId: id }));
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof ApiError && e.issues.length ? e.issues[0].message : errorMessage(e) });
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
        <Text className='comment__disposition'>{DISPOSITION_LABELS[c.disposition]}</Text>
        <Text>{c.reply}</Text>
      </View>
    );

  return (
    <View className={`notice ${large ? 'lf' : ''}`}>
      <HomeLink />
      <View className='notice-card'>
        <Text className='notice-card__name'>{p.name}</Text>
        <Text className='notice-card__meta'>{p.providerName}</Text>
        <Unbroken
          className={`notice-card__state notice-card__state--${p.state}`}
          text={open ? `公示中，还剩 ${p.workingDaysLeft} 个工作日（${p.startsOn} 至 ${p.endsOn}）` : p.state === 'upcoming' ? `${p.startsOn} 开始公示，至 ${p.endsOn} 止` : `公示已于 ${p.endsOn} 结束`}
        />
        <Text className='notice__summary'>{p.summary}</Text>
        {p.details['content.audience'] && <Text className='notice-card__meta'>服务对象：{p.details['content.audience']}</Text>}
        {p.details['price'] && <Text className='notice-card__meta'>服务价格：{p.details['price']}</Text>}
      </View>

      {open && (
        <View className='notice-card'>
          <Text className='notice__title'>提出意见</Text>
          <View className='notice__anchors'>
            {SPEC_SECTIONS.filter((s) => s.key !== 'cover').map((s) => (
              <View key={s.key} className={`notice__anchor ${anchor === s.key ? 'notice__anchor--on' : ''}`} role='button' aria-pressed={anchor === s.key ? 'true' : 'false'} onClick={() => setAnchor(anchor === s.key ? undefined : s.key)}>
                <Text>{s.title}</Text>
              </View>
            ))}
          </View>
          <Textarea className='notice__input' value={text} maxlength={MAX} placeholder='请写下您的意见或建议（5 至 1000 字）。您的身份不会公开。' onInput={(e) => setText(e.detail.value)} />
          <Text className={`notice__count ${text.trim().length > 0 && text.trim().length < 5 ? 'notice__count--short' : ''}`}>
            {text.length}/{MAX}
          </Text>
          {notice && <Text className={`notice__msg notice__msg--${notice.kind}`}>{notice.text}</Text>}
          <AtButton type='primary' disabled={busy || text.trim().length < 5} onClick={send}>
            提交意见
          </AtButton>
        </View>
      )}

      {comments.mine.length > 0 && (
        <View className='notice-card'>
          <Text className='notice__title'>我的意见</Text>
          {comments.mine.map((c) => (
            <View key={c.commentId} className='comment'>
              <Text className='comment__head'>
                {c.pseudonym} · {COMMENT_STATUS_LABELS[c.status]}
              </Text>
              <Text className='comment__text'>{c.text}</Text>
              {answer(c)}
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
              {c.anchor ? ` · 关于“${SECTION_TITLES.get(c.anchor)}”` : ''}
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
