/** The bureau runs one product's publicity: start it (with the end day and any calendar warning), moderate and answer comments, close, publish. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { DeclarationView } from '@shared/declaration';
import { COMMENT_STATUS_LABELS, DISPOSITIONS, DISPOSITION_LABELS, type Disposition, type ModerationComment } from '@shared/publicity';
import { WorkingDayCalendar, type CalendarOverride } from '@shared/workdays';
import { api, errorMessage, throwIfRefused } from '../../../../api/client';
import { ReasonSheet } from '../../../../components/ReasonSheet';

const SHEETS = {
  hide: { title: '不公开这条意见', text: '这条意见将不在公示页面显示；提出人仍能看到自己的意见和您写的理由。', placeholder: '不公开的理由（必填），如：含有他人手机号码', confirmText: '确认不公开' },
  rejected: { title: '不予认定', text: '公示结束，这个产品不予认定，不进入目录库；申报单位和公众会看到结果。', placeholder: '不予认定的理由（必填），如：公示中反映的收费问题经核实属实', confirmText: '确认不予认定' },
  extended: { title: '延长公示', text: '从今天起再公示 7 个工作日，期间可以继续提出意见。', placeholder: '延长的理由（必填），如：需要进一步核实公示中反映的问题', confirmText: '确认延长' },
};


/**
 * `part`: on a phone the whole panel in the page's flow; at the desk the actions (start, close, publish) sit in the
 * sticky panel beside the page and the comments in the page itself.
 */
export function PublicityPanel({ d, today, onChanged, part = 'all' }: { d: DeclarationView; today: string; onChanged: () => void; part?: 'all' | 'actions' | 'comments' }) {
  const [startsOn, setStartsOn] = useState('');
  const [days, setDays] = useState(7);
  const [preview, setPreview] = useState<{ endsOn: string; warnings: string[] } | null>(null);
  const [comments, setComments] = useState<ModerationComment[]>([]);
  /** How many comments are on screen, so a reload reads as many pages again. */
  const shownCount = useRef(0);
  const [page, setPage] = useState<{ nextCursor: string | null; total: number; unanswered: number; loading: boolean }>({ nextCursor: null, total: 0, unanswered: 0, loading: false });
  const [replies, setReplies] = useState<Record<string, { disposition: Disposition | null; reply: string }>>({});
  // Hiding a comment, 不予认定 and extending: each confirms in a sheet with a reason in the bureau's own words.
  const [sheet, setSheet] = useState<{ kind: 'hide'; commentId: string } | { kind: 'rejected' } | { kind: 'extended' } | null>(null);
  const [docNo, setDocNo] = useState('');
  const [publishedOn, setPublishedOn] = useState(today);
  const [notice, setNotice] = useState('');
  /** The window as announced (issue 22: its end day shows from the start, also before the window opens). */
  const [announced, setAnnounced] = useState<{ startsOn: string; endsOn: string; state: string; workingDaysLeft: number } | null>(null);
  useEffect(() => {
    if (d.status !== 'in-publicity' || part === 'comments') return setAnnounced(null);
    api('publicity', 'get', { declarationId: d.declarationId })
      .then((p) => setAnnounced({ startsOn: p.startsOn, endsOn: p.endsOn, state: p.state, workingDaysLeft: p.workingDaysLeft }))
      .catch(() => setAnnounced(null));
  }, [d.declarationId, d.status, part]);

  // The end day as the server will compute it: the package's calendar plus the years the bureau has entered.
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn)) return setPreview(null);
    const y = Number(startsOn.slice(0, 4));
    Promise.all([y, y + 1].map((year) => api('publicity', 'calendar', { year })))
      .then((views) => {
        const overrides: CalendarOverride[] = views.filter((v) => v.source === 'override').map((v) => ({ year: v.year, holidays: v.holidays, workdays: v.workdays }));
        setPreview(new WorkingDayCalendar(overrides).endOfWindow(startsOn, days));
      })
      .catch(() => setPreview(null));
  }, [startsOn, days]);

  /**
   * The bureau's list, a page at a time (keyset cursors): `more` appends the next page; otherwise the pages already
   * shown are read again from the start, so answers and moderation show up where they are.
   */
  const loadComments = useCallback(
    async (more?: { cursor: string; shown: ModerationComment[] }) => {
      if ((d.status !== 'in-publicity' && d.status !== 'recognised') || part === 'actions') return;
      setPage((p) => ({ ...p, loading: true }));
      try {
        let list: ModerationComment[] = more ? more.shown : [];
        let cursor: string | undefined = more?.cursor;
        const want = more ? 0 : Math.max(shownCount.current, 1);
        for (;;) {
          const res = await api('publicity', 'moderation', { declarationId: d.declarationId, limit: 100, ...(cursor ? { cursor } : {}) });
          list = [...list, ...res.comments];
          cursor = res.nextCursor ?? undefined;
          setPage({ nextCursor: res.nextCursor, total: res.total, unanswered: res.unanswered, loading: false });
          if (!cursor || more || list.length >= want) break;
        }
        shownCount.current = list.length;
        setComments(list);
      } catch (e) {
        setPage((p) => ({ ...p, loading: false }));
        setNotice(errorMessage(e));
      }
    },
    [d.declarationId, d.status, part],
  );
  useEffect(() => {
    loadComments();
  }, [loadComments]);

  const act = async (f: () => Promise<unknown>, done?: string) => {
    setNotice('');
    try {
      await f();
      if (done) setNotice(done);
      onChanged();
      loadComments();
    } catch (e) {
      setNotice(errorMessage(e));
    }
  };

  if (d.status === 'proposed' && part !== 'comments')
    return (
      <View className='admin__card'>
        <Text className='admin__title'>开始公示</Text>
        <Input className='admin__input' value={startsOn} placeholder='公示开始日期，如 2026-10-08' onInput={(e) => setStartsOn(e.detail.value)} />
        <View className='admin__filters'>
          {[7, 10, 15].map((n) => (
            <Text key={n} className={`admin__chip ${days === n ? 'admin__chip--on' : ''}`} onClick={() => setDays(n)}>
              {n} 个工作日
            </Text>
          ))}
        </View>
        {preview && <Text className='admin__meta'>公示至 {preview.endsOn}（含当天）</Text>}
        {preview?.warnings.map((w) => (
          <Text key={w} className='admin__error'>
            {w}
          </Text>
        ))}
        {notice && <Text className='admin__error'>{notice}</Text>}
        <AtButton type='primary' onClick={() => act(async () => throwIfRefused(await api('publicity', 'start', { declarationIds: [d.declarationId], startsOn, workingDays: days })))}>
          开始公示
        </AtButton>
      </View>
    );

  // Closing comes after the last day of notice (closePublicity.ts): until then the buttons say why they wait.
  const over = !announced || announced.state === 'ended';
  const closing =
    d.status === 'in-publicity' ? (
      <View>
        {!over && announced && (
          <Text className='admin__meta'>
            公示期到 {announced.endsOn} 为止{announced.state === 'open' ? `（还剩 ${announced.workingDaysLeft} 个工作日）` : '（尚未开始）'}，期满后才能认定、不予认定或延长。
          </Text>
        )}
        {notice && <Text className='admin__error'>{notice}</Text>}
        <AtButton type='primary' disabled={!over} onClick={() => act(() => api('publicity', 'close', { declarationId: d.declarationId, outcome: 'recognised' }))}>
          公示期满，予以认定
        </AtButton>
        <AtButton disabled={!over} onClick={() => setSheet({ kind: 'rejected' })}>
          不予认定
        </AtButton>
        <AtButton disabled={!over} onClick={() => setSheet({ kind: 'extended' })}>
          从今天起延长 7 个工作日
        </AtButton>
      </View>
    ) : (
      <View>
        <Text className='admin__title'>发文公布</Text>
        <Input className='admin__input' value={docNo} placeholder='文号，如 杭司〔2026〕125号' onInput={(e) => setDocNo(e.detail.value)} />
        <Input className='admin__input' value={publishedOn} placeholder='公布日期' onInput={(e) => setPublishedOn(e.detail.value)} />
        {notice && <Text className='admin__error'>{notice}</Text>}
        <AtButton type='primary' onClick={() => act(async () => throwIfRefused(await api('catalogue', 'publish', { declarationIds: [d.declarationId], documentNumber: docNo, publishedOn })))}>
          公布并进入目录库
        </AtButton>
      </View>
    );
  const sheetView = sheet && (
    <ReasonSheet
      {...SHEETS[sheet.kind]}
      onCancel={() => setSheet(null)}
      onConfirm={async (reason) => {
        if (sheet.kind === 'hide') await api('publicity', 'moderate', { commentId: sheet.commentId, decision: 'hide', reason });
        else if (sheet.kind === 'rejected') await api('publicity', 'close', { declarationId: d.declarationId, outcome: 'rejected', reason });
        else await api('publicity', 'close', { declarationId: d.declarationId, outcome: 'extended', startsOn: today, workingDays: 7, reason });
        setSheet(null);
        await act(async () => undefined);
      }}
    />
  );

  const windowLine = announced && (
    <Text className='admin__meta'>
      公示期 {announced.startsOn} 至 {announced.endsOn}
      {announced.state === 'upcoming' ? '（尚未开始）' : announced.state === 'open' ? `（公示中，还剩 ${announced.workingDaysLeft} 个工作日）` : '（已期满）'}
    </Text>
  );

  if ((d.status === 'in-publicity' || d.status === 'recognised') && part === 'actions')
    return (
      <View className='admin__card'>
        <Text className='admin__title'>{d.status === 'in-publicity' ? '结束公示' : '公示已通过'}</Text>
        {windowLine}
        {closing}
        {sheetView}
      </View>
    );

  if (d.status === 'in-publicity' || d.status === 'recognised')
    return (
      <View className='admin__card'>
        {windowLine}
        <Text className='admin__title'>
          公示意见（共 {page.total} 条，未答复 {page.unanswered} 条）
        </Text>
        {comments.length === 0 && !page.loading && <Text className='admin__meta'>还没有意见</Text>}
        {comments.map((c, i) => {
          // Nothing pre-selected: the bureau chooses a disposition for every comment itself.
          const r = replies[c.commentId] ?? { disposition: c.disposition, reply: c.reply ?? '' };
          const firstOfGroup = c.groupSize > 1 && comments.findIndex((x) => x.groupId === c.groupId) === i;
          return (
            <View key={c.commentId} className='admin__field'>
              <Text className='admin__label'>
                {c.pseudonym}
                {c.byApplicant ? '（申报单位）' : ''} · {COMMENT_STATUS_LABELS[c.status]}
                {c.hiddenReason ? `（${c.hiddenReason}）` : ''}
              </Text>
              <Text className='admin__meta'>{c.text}</Text>
              {c.groupSize > 1 && <Text className='admin__meta'>内容相同或相近的意见共 {c.groupSize} 条，可以一并答复</Text>}
              {c.status !== 'shown' && (
                <Text className='admin__notice' onClick={() => act(() => api('publicity', 'moderate', { commentId: c.commentId, decision: 'show' }))}>
                  审核通过并公开
                </Text>
              )}
              {c.status !== 'hidden' && (
                <Text className='admin__notice' onClick={() => setSheet({ kind: 'hide', commentId: c.commentId })}>
                  不公开
                </Text>
              )}
              <View className='admin__filters'>
                {DISPOSITIONS.map((x) => (
                  <Text key={x} className={`admin__chip ${r.disposition === x ? 'admin__chip--on' : ''}`} onClick={() => setReplies({ ...replies, [c.commentId]: { ...r, disposition: x } })}>
                    {DISPOSITION_LABELS[x]}
                  </Text>
                ))}
              </View>
              <Textarea className='admin__input admin__reply' value={r.reply} maxlength={1000} placeholder='答复（公示结束后公开，可分段写）' onInput={(e) => setReplies({ ...replies, [c.commentId]: { ...r, reply: e.detail.value } })} />
              <AtButton size='small' disabled={!r.disposition} onClick={() => r.disposition && act(() => api('publicity', 'dispose', { commentId: c.commentId, disposition: r.disposition!, reply: r.reply }), '已答复')}>
                {c.disposition ? '修改答复' : '答复'}
              </AtButton>
              {firstOfGroup && (
                <AtButton
                  size='small'
                  disabled={!r.disposition}
                  onClick={() => r.disposition && act(() => api('publicity', 'disposeGroup', { declarationId: d.declarationId, groupId: c.groupId, disposition: r.disposition!, reply: r.reply }), `已答复这组中尚未答复的意见`)}
                >
                  {`以此答复这组全部 ${c.groupSize} 条`}
                </AtButton>
              )}
            </View>
          );
        })}
        {page.nextCursor && (
          <AtButton size='small' disabled={page.loading} onClick={() => loadComments({ cursor: page.nextCursor!, shown: comments })}>
            {page.loading ? '正在加载…' : `加载更多（已显示 ${comments.length} / ${page.total} 条）`}
          </AtButton>
        )}
        {part === 'all' && closing}
        {notice && part === 'comments' && <Text className='admin__error'>{notice}</Text>}
        {sheetView}
      </View>
    );
  if (d.status === 'published' && part !== 'comments')
    return (
      <View className='admin__card'>
        <Text className='admin__title'>已进入目录库</Text>
        <Text className='admin__meta'>公示期间的意见及答复已公开。</Text>
      </View>
    );
  return null;
}
