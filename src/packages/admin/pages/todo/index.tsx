/**
 * 待办: the desk's home for the bureau (admin.todo) — what waits for it, grouped by kind with counts, each item with
 * its working-day deadline from the holiday calendar (还剩 2 个工作日, 已逾期 1 个工作日), overdue first; each opens its
 * record. Where a kind is worked through in bulk, the group leads to the filtered list.
 */
import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TodoItem, TodoKind, TodoResult } from '@shared/actions/admin';
import { TODO_KINDS, TODO_KIND_LABELS } from '@shared/todo';
import { api, errorMessage } from '../../../../api/client';
import { DeskLayout } from '../../../../components/desk/DeskLayout';
import { workingDaysText } from '../../../../components/desk/table';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { useLargeFont } from '../../../../utils/largeFont';
import '../admin.scss';
import './index.scss';

/** Kinds the bureau works through as a list (bulk actions there): the group's way to that list. */
const LISTS: Partial<Record<TodoKind, { text: string; url: string }>> = {
  awaitingPanel: { text: '到申报管理中批量抽取评审组', url: '/packages/admin/pages/declarations/index?status=submitted' },
  panelConfirmed: { text: '查看评审中的申报', url: '/packages/admin/pages/declarations/index?status=in-review' },
  publicityEnding: { text: '查看公示中的申报', url: '/packages/admin/pages/declarations/index?status=in-publicity' },
  commentsUnanswered: { text: '到公示与意见中答复', url: '/packages/admin/pages/publicity/index' },
  registrationPending: { text: '到单位核验中办理', url: '/packages/admin/pages/orgs/index' },
  appealPending: { text: '到年度测评中处理', url: '/packages/admin/pages/assessment/index' },
  rectificationDue: { text: '查看限期整改', url: '/packages/supervision/pages/rectifications/index' },
  caseReview: { text: '到评价与整改中复核', url: '/packages/applicant/pages/ratings/index?status=review' },
  caseDue: { text: '查看不满意评价整改', url: '/packages/applicant/pages/ratings/index?status=open' },
};

const open = (url: string) => Taro.navigateTo({ url });
const itemUrl = (i: TodoItem) => {
  const query = new URLSearchParams(i.query).toString();
  return `/${i.page.replace(/^\//, '')}${query ? `?${query}` : ''}`;
};

function Deadline({ item }: { item: TodoItem }) {
  if (item.workingDaysLeft === null) return <Text className='todo__due'>无期限</Text>;
  return (
    <Text className={`todo__due ${item.overdue ? 'todo__due--overdue' : item.workingDaysLeft <= 2 ? 'todo__due--soon' : ''}`}>
      {workingDaysText(item.workingDaysLeft)}
      {item.dueOn ? `（${item.dueOn}）` : ''}
    </Text>
  );
}

/** A group shows this many items until the person asks for the rest (the list the group leads to has them all). */
const FIRST_ITEMS = 8;

export default function TodoPage() {
  const [large] = useLargeFont();
  const [whole, setWhole] = useState<Set<TodoKind>>(new Set());
  const [data, setData] = useState<TodoResult | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    setError('');
    try {
      setData(await api('admin', 'todo', {}));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  // Back from a record: what was done has left the list.
  useDidShow(() => {
    load();
  });
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  const total = data ? data.items.length : 0;
  const overdue = data ? data.items.filter((i) => i.overdue).length : 0;
  const body = error ? (
    <Failure message={error} onRetry={load} />
  ) : !data ? (
    <Loading />
  ) : total === 0 ? (
    <Empty title='没有待办事项' hint={`截至 ${data.asOf}，需要市司法局办理的事项都已办完`} action={{ text: '打开申报管理', onClick: () => open('/packages/admin/pages/declarations/index') }} />
  ) : (
    <View>
      <View className='todo__summary' role='status'>
        截至 {data.asOf}：共 {total} 项待办{overdue ? `，其中 ${overdue} 项已逾期` : ''}
      </View>
      {data.warnings.map((w) => (
        <Text key={w} className='admin__error'>
          {w}
        </Text>
      ))}
      <View className='todo__counts' role='list' aria-label='按类别的待办数'>
        {TODO_KINDS.filter((k) => data.counts[k] > 0).map((k) => (
          <View key={k} className='todo__count' role='listitem'>
            <Text className='todo__count-n'>{data.counts[k]}</Text>
            <Text className='todo__count-label'>{TODO_KIND_LABELS[k]}</Text>
          </View>
        ))}
      </View>
      {TODO_KINDS.filter((k) => data.counts[k] > 0).map((k) => {
        const items = data.items.filter((i) => i.kind === k);
        return (
          <View key={k} className='admin__card todo__group' role='region' aria-label={`${TODO_KIND_LABELS[k]}（${data.counts[k]} 项）`}>
            <View className='todo__head'>
              <Text className='admin__title todo__title'>
                {TODO_KIND_LABELS[k]}（{data.counts[k]}）
              </Text>
              {LISTS[k] && (
                <View className='todo__list-link' role='link' onClick={() => open(LISTS[k]!.url)}>
                  {LISTS[k]!.text} ›
                </View>
              )}
            </View>
            {(whole.has(k) ? items : items.slice(0, FIRST_ITEMS)).map((i) => (
              <View key={`${i.kind}:${i.recordId}`} className={`todo__item ${i.overdue ? 'todo__item--overdue' : ''}`} role='link' onClick={() => open(itemUrl(i))}>
                <View className='todo__what'>
                  <Text className='todo__name'>{i.title}</Text>
                  {i.detail && <Text className='todo__detail'>{i.detail}</Text>}
                </View>
                <Deadline item={i} />
              </View>
            ))}
            {items.length > FIRST_ITEMS && !whole.has(k) && (
              <View className='todo__more' role='button' onClick={() => setWhole((w) => new Set([...w, k]))}>
                显示其余 {items.length - FIRST_ITEMS} 项
              </View>
            )}
          </View>
        );
      })}
    </View>
  );

  return (
    <DeskLayout title='待办'>
      <View className={`admin todo ${large ? 'lf' : ''}`}>{body}</View>
    </DeskLayout>
  );
}
