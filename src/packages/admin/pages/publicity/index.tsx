/**
 * 公示与意见: every publicity notice (upcoming, open, ended) with its window, working days left and comments; at the
 * desk a notice opens beside the list with its comments as a table — held and hidden ones too — where a selection of
 * comments is answered at once (publicity.disposeMany: each comment keeps its own answer and audit entry).
 * On a phone: the notices as cards, each opening the declaration's page (where comments are answered one by one).
 */
import { useCallback, useMemo, useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, type Category } from '@shared/domain';
import { COMMENT_STATUS_LABELS, DISPOSITIONS, DISPOSITION_LABELS, type ModerationComment, type PublicityListItem } from '@shared/publicity';
import { api } from '../../../../api/client';
import { DataTable } from '../../../../components/desk/DataTable';
import { DeskLayout } from '../../../../components/desk/DeskLayout';
import { inBatches, type BulkAction, type Column, type Filter } from '../../../../components/desk/table';
import { useRows } from '../../../../components/desk/useRows';
import { useTable } from '../../../../components/desk/useTable';
import { rememberParams } from '../../../../utils/address';
import { useDeskWidth } from '../../../../utils/desk';
import '../admin.scss';

type Notice = PublicityListItem;
const STATE_LABELS: Record<Notice['state'], string> = { upcoming: '尚未开始', open: '公示中', ended: '已期满' };
const OUTCOME_LABELS = { recognised: '予以认定', rejected: '不予认定' } as const;

const NOTICE_COLUMNS: Column<Notice>[] = [
  { key: 'name', header: '产品名称', value: (n) => n.name, keep: true },
  { key: 'provider', header: '申报单位', value: (n) => n.providerName, width: 20 },
  { key: 'category', header: '类别', value: (n) => CATEGORY_LABELS[n.category as Category] ?? n.category, width: 10 },
  { key: 'state', header: '状态', value: (n) => (n.outcome ? OUTCOME_LABELS[n.outcome] : STATE_LABELS[n.state]), width: 8, keep: true },
  { key: 'startsOn', header: '开始', value: (n) => n.startsOn, width: 10, align: 'end' },
  { key: 'endsOn', header: '期满', value: (n) => n.endsOn, width: 10, align: 'end' },
  { key: 'left', header: '剩余工作日', value: (n) => (n.state === 'ended' ? '' : n.workingDaysLeft), sort: (n) => (n.state === 'ended' ? null : n.workingDaysLeft), width: 8, align: 'end', searchable: false },
  { key: 'comments', header: '意见', value: (n) => n.comments, width: 5, align: 'end', searchable: false, keep: true },
];
const NOTICE_FILTERS: Filter<Notice>[] = [
  { key: 'state', label: '状态', all: '全部公示', options: (Object.keys(STATE_LABELS) as Notice['state'][]).map((s) => ({ value: s, label: STATE_LABELS[s] })), test: (n, v) => n.state === v },
];

type Comment = ModerationComment;
const COMMENT_COLUMNS: Column<Comment>[] = [
  { key: 'text', header: '意见', value: (c) => c.text, keep: true, wrap: true },
  { key: 'pseudonym', header: '署名', value: (c) => `${c.pseudonym}${c.byApplicant ? '（申报单位）' : ''}`, width: 10 },
  { key: 'status', header: '公开', value: (c) => COMMENT_STATUS_LABELS[c.status], width: 6, keep: true },
  { key: 'group', header: '同组', value: (c) => (c.groupSize > 1 ? c.groupSize : ''), sort: (c) => c.groupSize, width: 5, align: 'end', searchable: false },
  { key: 'disposition', header: '处理', value: (c) => (c.disposition ? DISPOSITION_LABELS[c.disposition] : '未答复'), width: 8, keep: true },
  { key: 'createdAt', header: '提出时间', value: (c) => c.createdAt.slice(0, 16).replace('T', ' '), width: 15, align: 'end' },
];
const COMMENT_FILTERS: Filter<Comment>[] = [
  { key: 'answered', label: '答复', all: '全部意见', options: [{ value: 'no', label: '未答复' }, { value: 'yes', label: '已答复' }], test: (c, v) => (v === 'yes') === !!c.disposition },
  { key: 'status', label: '公开', all: '全部', options: (['shown', 'pending', 'hidden'] as const).map((s) => ({ value: s, label: COMMENT_STATUS_LABELS[s] })), test: (c, v) => c.status === v },
];

const ANSWER: BulkAction<Comment> = {
  key: 'answer',
  label: '答复所选意见',
  applies: (c) => c.status !== 'hidden' || '这条意见未公开，不需答复',
  fields: [
    { key: 'disposition', label: '处理结果', kind: 'choice', options: DISPOSITIONS.map((d) => ({ value: d, label: DISPOSITION_LABELS[d] })) },
    { key: 'reply', label: '答复（公示结束后公开）', kind: 'textarea', placeholder: '写给提意见的人，每条意见各自保存这份答复' },
  ],
  describe: (rows, v) => `将以同一答复（${v.disposition ? DISPOSITION_LABELS[v.disposition as (typeof DISPOSITIONS)[number]] : '未选处理结果'}）答复 ${rows.length} 条意见；已答复的将改为这份答复`,
  confirmText: '答复',
  run: (rows, v) =>
    inBatches(
      rows.map((c) => c.commentId),
      async (commentIds) => (await api('publicity', 'disposeMany', { commentIds, disposition: v.disposition as (typeof DISPOSITIONS)[number], reply: v.reply })).results,
    ),
};

/** One notice's comments beside the list (desk). */
function Comments({ notice, onClose, onChanged }: { notice: Notice; onClose: () => void; onChanged: () => void }) {
  const table = useTable(COMMENT_COLUMNS, COMMENT_FILTERS, { sort: 'createdAt', dir: 'asc' }, 'c.');
  const rows = useRows<Comment>(
    async (cursor) => {
      const page = await api('publicity', 'moderation', { declarationId: notice.declarationId, limit: 100, ...(cursor ? { cursor } : {}) });
      return { items: page.comments, next: page.nextCursor };
    },
    [notice.declarationId],
    { all: true },
  );
  const bulk = useMemo(() => [{ ...ANSWER, run: async (r: Comment[], v: Record<string, string>) => (await ANSWER.run(r, v).finally(onChanged)) }], [onChanged]);
  return (
    <View className='beside'>
      <View className='beside__bar'>
        <View className='beside__link' role='link' onClick={() => Taro.navigateTo({ url: `/packages/admin/pages/declaration/index?id=${notice.declarationId}` })}>
          打开申报（结束公示、公布）
        </View>
        <View className='beside__link' role='button' aria-label='关闭所选公示' onClick={onClose}>
          关闭 ✕
        </View>
      </View>
      <View className='admin__card'>
        <Text className='admin__name'>{notice.name}</Text>
        <Text className='admin__meta'>
          {notice.providerName} · {notice.startsOn} 至 {notice.endsOn}（含当天）· {notice.outcome ? OUTCOME_LABELS[notice.outcome] : STATE_LABELS[notice.state]}
        </Text>
      </View>
      <DataTable table={table} rows={rows} title='意见' unit='条' rowKey={(c) => c.commentId} rowLabel={(c) => `${c.pseudonym}：${c.text.slice(0, 20)}`} card={(c) => <Text>{c.text}</Text>} bulk={bulk} exportView={{ dataset: 'comments' }} empty={{ title: '这项公示还没有意见' }} />
    </View>
  );
}

export default function PublicityDeskPage() {
  const desk = useDeskWidth();
  const [open, setOpen] = useState<string | null>(useRouter().params.open ?? null);
  const table = useTable(NOTICE_COLUMNS, NOTICE_FILTERS, { sort: 'endsOn', dir: 'desc' });
  const rows = useRows<Notice>(async () => ({ items: (await api('publicity', 'list', {})).items }), [], { all: true });
  usePullDownRefresh(async () => {
    await rows.reload();
    Taro.stopPullDownRefresh();
  });
  const choose = useCallback((id: string | null) => {
    setOpen(id);
    rememberParams({ open: id });
  }, []);
  const reload = useCallback(() => void rows.reload(), [rows]);
  const openRow = (n: Notice) => (desk ? choose(n.declarationId) : Taro.navigateTo({ url: `/packages/admin/pages/declaration/index?id=${n.declarationId}` }));
  const notice = open ? rows.rows?.find((n) => n.declarationId === open) : undefined;
  const card = (n: Notice) => (
    <View className='admin__card' role='link' onClick={() => openRow(n)}>
      <Text className='admin__name'>{n.name}</Text>
      <Text className='admin__meta'>
        <Text className='admin__status'>{n.outcome ? OUTCOME_LABELS[n.outcome] : STATE_LABELS[n.state]}</Text>
        {n.startsOn} 至 {n.endsOn} · {n.comments} 条意见
      </Text>
    </View>
  );
  return (
    <DeskLayout title='公示与意见' aside={desk && notice ? <Comments key={notice.declarationId} notice={notice} onClose={() => choose(null)} onChanged={reload} /> : undefined} asideLabel='所选公示的意见' asideWide>
      <View className='admin'>
        <DataTable table={table} rows={rows} title='公示' unit='项' rowKey={(n) => n.declarationId} rowLabel={(n) => n.name} onOpen={openRow} openKey={desk ? open : null} card={card} exportView={{ dataset: 'comments' }} empty={{ title: '还没有公示', hint: '评审拟定的产品在申报管理中开始公示' }} />
      </View>
    </DeskLayout>
  );
}
