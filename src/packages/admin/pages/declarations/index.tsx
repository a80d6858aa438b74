/**
 * Every declaration, filtered by call, status and category (the server's own query), searched, sorted and paged in
 * the table; at the desk the selected declaration opens beside the list, and panels, publicity and publication are
 * bulk actions on the selection. On a phone: today's cards, each opening the declaration's page.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@shared/domain';
import { DECLARATION_STATUSES, DECLARATION_STATUS_LABELS, type CallView, type DeclarationListItem, type DeclarationStatus } from '@shared/declaration';
import { shanghaiDate } from '@shared/time';
import { api } from '../../../../api/client';
import { DataTable } from '../../../../components/desk/DataTable';
import { DeskLayout } from '../../../../components/desk/DeskLayout';
import { inBatches, type BulkAction, type Column, type Filter } from '../../../../components/desk/table';
import { useRows } from '../../../../components/desk/useRows';
import { useTable } from '../../../../components/desk/useTable';
import { Failure, Loading } from '../../../../components/StateView';
import { rememberParams } from '../../../../utils/address';
import { useDeskWidth } from '../../../../utils/desk';
import { DeclarationActions, DeclarationContent, useDeclaration } from '../declaration/DeclarationDetail';
import '../admin.scss';

type Row = DeclarationListItem;
const stamp = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');
const badge = (r: Row) => <span className={`dt__badge ${r.status === 'withdrawn' || r.status === 'not-passed' || r.status === 'rejected' ? 'dt__badge--warn' : r.status === 'published' ? 'dt__badge--ok' : ''}`}>{DECLARATION_STATUS_LABELS[r.status]}</span>;

const COLUMNS: Column<Row>[] = [
  { key: 'name', header: '产品名称', value: (r) => r.name || '未命名的产品', keep: true },
  { key: 'applicant', header: '申报单位', value: (r) => r.applicantName ?? '', width: 20 },
  { key: 'status', header: '状态', value: (r) => DECLARATION_STATUS_LABELS[r.status], render: badge, sort: (r) => DECLARATION_STATUSES.indexOf(r.status), width: 10, keep: true },
  { key: 'category', header: '类别', value: (r) => (r.category ? CATEGORY_LABELS[r.category as Category] : ''), width: 8 },
  { key: 'recommender', header: '推荐单位', value: (r) => r.recommender ?? '', hidden: true },
  { key: 'completeness', header: '已填', value: (r) => `${Math.round(r.completeness * 100)}%`, sort: (r) => r.completeness, width: 6, align: 'end', searchable: false },
  { key: 'materials', header: '待补材料', value: (r) => r.openMaterialRequests || '', sort: (r) => r.openMaterialRequests, width: 9, align: 'end', searchable: false },
  { key: 'submittedAt', header: '提交时间', value: (r) => stamp(r.submittedAt), width: 16, align: 'end' },
  { key: 'declarationId', header: '编号', value: (r) => r.declarationId, hidden: true },
];

const today = () => shanghaiDate(Date.now());

/** The bulk actions of the regulation's stages: panels for the submitted, publicity for the proposed, publication. */
function bulkActions(): BulkAction<Row>[] {
  const only = (status: DeclarationStatus, what: string) => (r: Row) => r.status === status || `${DECLARATION_STATUS_LABELS[r.status]}，只有${DECLARATION_STATUS_LABELS[status]}的申报可以${what}`;
  return [
    {
      key: 'drawPanels',
      label: '抽取评审组',
      applies: only('submitted', '抽取评审组'),
      fields: [{ key: 'size', label: '每组人数', kind: 'choice', initial: '5', options: ['5', '6', '7'].map((n) => ({ value: n, label: `${n} 人` })) }],
      describe: (rows, v) => `将为 ${rows.length} 份申报各随机抽取 ${v.size} 位评审专家组成评审组（回避规则照常适用，每组的随机种子各自记录）`,
      confirmText: '抽取评审组',
      run: (rows, v) => inBatches(rows.map((r) => r.declarationId), async (declarationIds) => (await api('reviews', 'drawPanels', { declarationIds, size: Number(v.size) })).results),
    },
    {
      key: 'startPublicity',
      label: '开始公示',
      applies: only('proposed', '开始公示'),
      fields: [
        { key: 'startsOn', label: '公示开始日期', kind: 'date', initial: today() },
        { key: 'workingDays', label: '公示期', kind: 'choice', initial: '7', options: ['7', '10', '15'].map((n) => ({ value: n, label: `${n} 个工作日` })) },
      ],
      describe: (rows, v) => `将对 ${rows.length} 个拟定产品开始公示：自 ${v.startsOn || '（未填）'} 起 ${v.workingDays} 个工作日，期间公众可以提出意见`,
      confirmText: '开始公示',
      run: (rows, v) => inBatches(rows.map((r) => r.declarationId), async (declarationIds) => (await api('publicity', 'start', { declarationIds, startsOn: v.startsOn, workingDays: Number(v.workingDays) })).results),
    },
    {
      key: 'publish',
      label: '公布进入目录',
      applies: only('recognised', '公布'),
      fields: [
        { key: 'documentNumber', label: '文号', kind: 'text', placeholder: '如 杭司〔2026〕125号' },
        { key: 'publishedOn', label: '公布日期', kind: 'date', initial: today() },
      ],
      describe: (rows, v) => `将以 ${v.documentNumber || '（未填文号）'} 公布 ${rows.length} 个公示通过的产品，进入目录库，群众即可查到`,
      confirmText: '公布',
      run: (rows, v) => inBatches(rows.map((r) => r.declarationId), async (declarationIds) => (await api('catalogue', 'publish', { declarationIds, documentNumber: v.documentNumber, publishedOn: v.publishedOn })).results),
    },
  ];
}

/** The declaration opened beside the list at the desk: its actions first, then its content. */
function Beside({ id, onChanged, onClose }: { id: string; onChanged: () => void; onClose: () => void }) {
  const { d, setD, error, load } = useDeclaration(id);
  const reload = () => {
    load();
    onChanged();
  };
  return (
    <View className='beside'>
      <View className='beside__bar'>
        <View className='beside__link' role='link' onClick={() => Taro.navigateTo({ url: `/packages/admin/pages/declaration/index?id=${id}` })}>
          在整页中打开
        </View>
        <View className='beside__link' role='button' aria-label='关闭所选申报' onClick={onClose}>
          关闭 ✕
        </View>
      </View>
      {error ? (
        <Failure message={error} onRetry={load} />
      ) : !d ? (
        <Loading />
      ) : (
        <>
          <DeclarationActions d={d} load={reload} setD={setD} />
          <DeclarationContent d={d} load={reload} setD={setD} />
        </>
      )}
    </View>
  );
}

export default function AllDeclarationsPage() {
  const desk = useDeskWidth();
  const [calls, setCalls] = useState<CallView[]>([]);
  const [open, setOpen] = useState<string | null>(useRouter().params.open ?? null);
  useEffect(() => {
    api('declarations', 'listCalls', {})
      .then((r) => setCalls(r.calls))
      .catch(() => setCalls([]));
  }, []);
  const filters = useMemo<Filter<Row>[]>(
    () => [
      { key: 'callId', label: '批次', all: '全部批次', options: calls.map((c) => ({ value: c.callId, label: `${c.year} 年` })), toExport: (v) => ({ year: calls.find((c) => c.callId === v)?.year }) },
      { key: 'status', label: '状态', all: '全部状态', options: DECLARATION_STATUSES.map((s) => ({ value: s, label: DECLARATION_STATUS_LABELS[s] })) },
      { key: 'category', label: '类别', all: '全部类别', options: CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })) },
    ],
    [calls],
  );
  const table = useTable(COLUMNS, filters, { sort: 'submittedAt', dir: 'desc' });
  const { callId, status, category } = table.view.filters;
  const rows = useRows<Row>(
    async (cursor) => {
      const page = await api('declarations', 'listAll', { ...(callId ? { callId } : {}), ...(status ? { status: status as DeclarationStatus } : {}), ...(category ? { category: category as Category } : {}), limit: 100, ...(cursor ? { cursor } : {}) });
      return { items: page.items, next: page.nextCursor };
    },
    [callId, status, category],
    { all: desk },
  );
  usePullDownRefresh(async () => {
    await rows.reload();
    Taro.stopPullDownRefresh();
  });
  const bulk = useMemo(bulkActions, []);
  const choose = useCallback((id: string | null) => {
    setOpen(id);
    rememberParams({ open: id });
  }, []);

  const openRow = (r: Row) => (desk ? choose(r.declarationId) : Taro.navigateTo({ url: `/packages/admin/pages/declaration/index?id=${r.declarationId}` }));
  const card = (d: Row) => (
    <View className='admin__card' onClick={() => openRow(d)}>
      <Text className='admin__name'>{d.name || '未命名的产品'}</Text>
      <Text className='admin__meta'>
        <Text className='admin__status'>{DECLARATION_STATUS_LABELS[d.status]}</Text>
        {d.category ? CATEGORY_LABELS[d.category as Category] : '类别未选或有误'} · 已填 {Math.round(d.completeness * 100)}%{d.submittedAt ? ` · 提交于 ${d.submittedAt.slice(0, 10)}` : ''}
        {d.openMaterialRequests ? ` · 待补充 ${d.openMaterialRequests} 项` : ''}
      </Text>
    </View>
  );

  return (
    <DeskLayout title='申报管理' aside={desk && open ? <Beside key={open} id={open} onChanged={() => void rows.reload()} onClose={() => choose(null)} /> : undefined} asideLabel='所选申报' asideWide>
      <View className='admin'>
        <DataTable
          table={table}
          rows={rows}
          title='申报'
          unit='份'
          rowKey={(r) => r.declarationId}
          rowLabel={(r) => r.name || '未命名的产品'}
          onOpen={openRow}
          openKey={desk ? open : null}
          card={card}
          bulk={desk ? bulk : []}
          exportView={{ dataset: 'declarations' }}
          empty={{ title: '没有符合条件的申报' }}
        />
      </View>
    </DeskLayout>
  );
}
