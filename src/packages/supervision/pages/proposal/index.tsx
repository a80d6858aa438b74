/**
 * 调整建议: the year's proposal computed from the published grades, public credit events and satisfaction; the bureau
 * accepts, changes or rejects each line, always with a reason, after a confirmation. Then: rectify, suspend or exit.
 * At the desk the lines are a table, and one decision (with its reason) is recorded for every selected line at once
 * (supervision.decideLines: each line its own decision and audit entry; a line already decided is refused).
 */
import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Picker, Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import type { ProposalView } from '@shared/actions/supervision';
import { ADJUSTMENT_ACTIONS, ADJUSTMENT_ACTION_LABELS, type AdjustmentAction, type LineDecision } from '@shared/credit';
import { api, errorMessage } from '../../../../api/client';
import { DataTable } from '../../../../components/desk/DataTable';
import { DeskLayout } from '../../../../components/desk/DeskLayout';
import { inBatches, type BulkAction, type Column, type Filter } from '../../../../components/desk/table';
import { useRows } from '../../../../components/desk/useRows';
import { useTable } from '../../../../components/desk/useTable';
import { Failure, Loading } from '../../../../components/StateView';
import { useDeskWidth } from '../../../../utils/desk';
import { confirmStep, issuesOf, useLoader } from '../../shared';

const DECISIONS: Record<LineDecision, string> = { accept: '同意', change: '改为', reject: '不予处理' };
const NEXT: Record<AdjustmentAction, string> = { exit: '/packages/supervision/pages/exit/index', suspend: '/packages/supervision/pages/exit/index', rectify: '/packages/supervision/pages/rectifications/index' };

type Line = ProposalView['lines'][number];
const decided = (l: Line) => (l.decision ? `${DECISIONS[l.decision.decision]}${l.decision.decision === 'change' && l.decision.action ? ADJUSTMENT_ACTION_LABELS[l.decision.action] : ''}` : '');
const COLUMNS: Column<Line>[] = [
  { key: 'product', header: '产品', value: (l) => l.productName, keep: true },
  { key: 'provider', header: '服务单位', value: (l) => l.providerName, width: 22 },
  { key: 'action', header: '建议', value: (l) => l.actionLabel, width: 10, keep: true },
  { key: 'reasons', header: '依据', value: (l) => l.reasons.join('；') },
  { key: 'decision', header: '决定', value: decided, width: 10, keep: true },
];
const FILTERS: Filter<Line>[] = [
  { key: 'decided', label: '决定', all: '全部建议', options: [{ value: 'no', label: '待决定' }, { value: 'yes', label: '已决定' }], test: (l, v) => (v === 'yes') === !!l.decision },
  { key: 'action', label: '建议', all: '全部建议类型', options: ADJUSTMENT_ACTIONS.map((a) => ({ value: a, label: ADJUSTMENT_ACTION_LABELS[a] })), test: (l, v) => l.action === v },
];

/** One decision, with one reason, for every selected line still open. */
function decideMany(year: number, decision: LineDecision, onDone: () => void): BulkAction<Line> {
  const label = decision === 'accept' ? '同意建议' : decision === 'reject' ? '不予处理' : '改为其他处理';
  return {
    key: decision,
    label,
    applies: (l) => !l.decision || `已决定：${decided(l)}`,
    fields: decision === 'change' ? [{ key: 'changeTo', label: '改为', kind: 'choice', options: ADJUSTMENT_ACTIONS.map((a) => ({ value: a, label: ADJUSTMENT_ACTION_LABELS[a] })) }] : [],
    reason: { label: '理由（每条记入操作记录）', placeholder: '如：经核实，测评不合格属实' },
    describe: (rows, v) =>
      decision === 'accept'
        ? `将对 ${rows.length} 条建议作出“同意”的决定（${[...new Set(rows.map((l) => l.actionLabel))].join('、')}），之后到相应页面办理`
        : decision === 'reject'
          ? `将对 ${rows.length} 条建议作出“不予处理”的决定`
          : `将把 ${rows.length} 条建议改为${v.changeTo ? ADJUSTMENT_ACTION_LABELS[v.changeTo as AdjustmentAction] : '（未选）'}`,
    confirmText: label,
    run: async (rows, v) => {
      const out = await inBatches(rows.map((l) => l.productId), async (ids) => (await api('supervision', 'decideLines', { year, lines: ids.map((productId) => ({ productId, decision, reason: v.reason, ...(decision === 'change' ? { changeTo: v.changeTo as AdjustmentAction } : {}) })) })).results);
      onDone();
      return out;
    },
  };
}

export default function ProposalPage() {
  const desk = useDeskWidth();
  const [year, setYear] = useState(new Date().getFullYear());
  const [proposal, setProposal] = useState<ProposalView | null | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [changeTo, setChangeTo] = useState<Record<string, AdjustmentAction>>({});

  const { error, load } = useLoader(async () => {
    setProposal(undefined);
    setProposal(await api('supervision', 'proposal', { year }));
  }, [year]);
  const table = useTable(COLUMNS, FILTERS);
  const rows = useRows<Line>(async () => ({ items: proposal?.lines ?? [] }), [proposal], { all: true });
  const bulk = useMemo(() => (['accept', 'reject', 'change'] as LineDecision[]).map((d) => decideMany(year, d, load)), [year, load]);

  const compute = async () => {
    setNotice('');
    try {
      setProposal(await api('supervision', 'propose', { year }));
    } catch (e) {
      setNotice(errorMessage(e));
    }
  };
  const decide = async (lineId: string, productName: string, decision: LineDecision) => {
    setNotice('');
    const reason = (reasons[lineId] ?? '').trim();
    const to = changeTo[lineId];
    if (reason.length < 4) return setNotice('请先写明理由（至少 4 个字）');
    if (decision === 'change' && !to) return setNotice('请选择改为哪种处理');
    const what = decision === 'change' ? `改为${ADJUSTMENT_ACTION_LABELS[to]}` : DECISIONS[decision];
    if (!(await confirmStep('确认决定', `“${productName}”：${what}。理由：${reason}`))) return;
    try {
      setProposal(await api('supervision', 'decideLine', { proposalId: proposal!.proposalId, lineId, decision, reason, ...(decision === 'change' ? { changeTo: to } : {}) }));
    } catch (e) {
      setNotice(issuesOf(e).message);
    }
  };

  return (
    <DeskLayout title='目录调整建议'>
    <View className='admin'>
      <View className='admin__filters'>
        {[year - 1, year, year + 1].map((y) => (
          <Text key={y} className={`admin__chip ${y === year ? 'admin__chip--on' : ''}`} onClick={() => setYear(y)}>
            {y} 年度
          </Text>
        ))}
      </View>
      {error && <Failure message={error} onRetry={load} />}
      {!error && proposal === undefined && <Loading />}
      {notice && <Text className='admin__notice'>{notice}</Text>}
      {!error && proposal === null && (
        <View className='admin__card'>
          <Text className='admin__title'>{year} 年度还没有调整建议</Text>
          <Text className='admin__meta'>按已公布的测评等次、公示中的信用信息和机构满意率计算：不合格的退出，受严重处理的暂停待复核，满意率偏低的限期整改。</Text>
          <AtButton type='primary' onClick={compute}>
            生成调整建议
          </AtButton>
        </View>
      )}
      {proposal && (
        <>
          <View className='admin__card'>
            <Text className='admin__title'>{proposal.year} 年度调整建议</Text>
            <Text className='admin__meta'>
              共 {proposal.lines.length} 条 · 规则第 {proposal.rulesVersion} 版 · 计算于 {proposal.computedAt.slice(0, 10)}
            </Text>
            {proposal.lines.every((l) => !l.decision) && <AtButton onClick={compute}>重新计算</AtButton>}
          </View>
          {desk && <DataTable table={table} rows={rows} title='调整建议' unit='条' rowKey={(l) => l.productId} rowLabel={(l) => l.productName} card={() => null} bulk={bulk} onOpen={(l) => l.decision?.action && Taro.navigateTo({ url: `${NEXT[l.decision.action]}?productId=${l.productId}` })} toolbar={<Text className='admin__meta'>勾选建议后作出决定（可多条一起）；已决定暂停、退出或整改的，点击该行去办理。</Text>} empty={{ title: '今年没有需要调整的产品' }} />}
          {!desk && proposal.lines.map((l) => (
            <View className='admin__card' key={l.lineId}>
              <Text className='svp__flag'>{l.actionLabel}</Text>
              <Text className='admin__name'>{l.productName}</Text>
              <Text className='admin__meta'>{l.providerName}</Text>
              {l.reasons.map((r, i) => (
                <Text className='svp__text' key={i}>
                  · {r}
                </Text>
              ))}
              {l.decision ? (
                <>
                  <Text className='admin__notice'>
                    已决定：{DECISIONS[l.decision.decision]}
                    {l.decision.action && l.decision.decision === 'change' ? ADJUSTMENT_ACTION_LABELS[l.decision.action] : ''}（{l.decision.reason}）
                  </Text>
                  {l.decision.action && (
                    <AtButton size='small' onClick={() => Taro.navigateTo({ url: `${NEXT[l.decision!.action!]}?productId=${l.productId}` })}>
                      去办理{ADJUSTMENT_ACTION_LABELS[l.decision.action]}
                    </AtButton>
                  )}
                </>
              ) : (
                <>
                  <Input className='admin__input' placeholder='理由（必填）' value={reasons[l.lineId] ?? ''} onInput={(e) => setReasons((r) => ({ ...r, [l.lineId]: e.detail.value }))} />
                  <Picker mode='selector' range={ADJUSTMENT_ACTIONS.map((a) => ADJUSTMENT_ACTION_LABELS[a])} onChange={(e) => setChangeTo((c) => ({ ...c, [l.lineId]: ADJUSTMENT_ACTIONS[Number(e.detail.value)] }))}>
                    <View className='svp__picker'>改为：{changeTo[l.lineId] ? ADJUSTMENT_ACTION_LABELS[changeTo[l.lineId]] : '（选择其他处理）'}</View>
                  </Picker>
                  <View className='svp__actions'>
                    <AtButton type='primary' size='small' onClick={() => decide(l.lineId, l.productName, 'accept')}>
                      同意
                    </AtButton>
                    <AtButton size='small' onClick={() => decide(l.lineId, l.productName, 'change')}>
                      改为其他处理
                    </AtButton>
                    <AtButton size='small' onClick={() => decide(l.lineId, l.productName, 'reject')}>
                      不予处理
                    </AtButton>
                  </View>
                </>
              )}
            </View>
          ))}
        </>
      )}
    </View>
    </DeskLayout>
  );
}
