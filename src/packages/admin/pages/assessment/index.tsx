/**
 * The bureau's desk for the yearly assessment: the scheme and the campaign's set-up; assessors and their products;
 * progress products × methods; the draft results with how each was computed; appeals; confirm and publish.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { askConfirm } from '../../../../components/Dialog';
import { AtButton } from 'taro-ui';
import {
  APPEAL_STATUS_LABELS,
  CAMPAIGN_STATUS_LABELS,
  GRADES,
  GRADE_LABELS,
  INDICATOR_LABELS,
  INSUFFICIENT_DECISIONS,
  INSUFFICIENT_DECISION_LABELS,
  INSUFFICIENT_LABEL,
  METHODS,
  METHOD_LABELS,
  evidenceText,
  gradeText,
  shortfallText,
  type EvidenceRules,
  type GradeEvidence,
  type InsufficientDecision,
  type Method,
  type Scheme,
} from '@shared/assessment';
import type { AppealView, AssessmentsApi, AssessorView, FindingView, ProgressRow, ResultView } from '@shared/actions/assessments';
import { SATISFACTION_NAME } from '@shared/rating';
import { CATEGORY_LABELS } from '@shared/domain';
import { api, ApiError, errorMessage } from '../../../../api/client';
import { DataTable } from '../../../../components/desk/DataTable';
import { DeskLayout } from '../../../../components/desk/DeskLayout';
import { localSearch, SearchSelect, type PickOption } from '../../../../components/desk/SearchSelect';
import { inBatches, type BulkAction, type Column, type Filter } from '../../../../components/desk/table';
import { useRows } from '../../../../components/desk/useRows';
import { useTable } from '../../../../components/desk/useTable';
import { Failure, Loading } from '../../../../components/StateView';
import { rememberParams } from '../../../../utils/address';
import { useDeskWidth } from '../../../../utils/desk';
import '../admin.scss';
import './index.scss';

type Progress = AssessmentsApi['progress'][1];
const firstIssue = (e: unknown) => (e instanceof ApiError && e.issues.length ? `${e.issues[0].message}` : errorMessage(e));
const asked = async (title: string, content: string) => askConfirm({ title, content });

function SchemeSetup({ year, onOpened }: { year: number; onOpened: () => void }) {
  const [scheme, setScheme] = useState<Scheme | null>(null);
  const [reason, setReason] = useState('');
  const [title, setTitle] = useState(`${year} 年度公共法律服务产品测评`);
  const [startsOn, setStartsOn] = useState(`${year}-01-01`);
  const [endsOn, setEndsOn] = useState(`${year}-11-30`);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    setError('');
    try {
      setScheme((await api('assessments', 'scheme', { year })).scheme);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [year]);
  useEffect(() => {
    load();
  }, [load]);
  if (error) return <Failure message={error} onRetry={load} />;
  if (!scheme) return <Loading />;
  const setWeight = (i: number, v: string) => setScheme({ ...scheme, indicators: scheme.indicators.map((x, k) => (k === i ? { ...x, weight: Number(v) || 0 } : x)) });
  const setThreshold = (k: keyof Scheme['thresholds'], v: string) => setScheme({ ...scheme, thresholds: { ...scheme.thresholds, [k]: Number(v) || 0 } });
  const setEvidence = (patch: Partial<EvidenceRules>) => setScheme({ ...scheme, evidence: { ...scheme.evidence, ...patch } });
  const setNeed = (g: keyof EvidenceRules['grades'], patch: Partial<GradeEvidence>) => setEvidence({ grades: { ...scheme.evidence.grades, [g]: { ...scheme.evidence.grades[g], ...patch } } });
  const save = async () => {
    const { year: _y, ...body } = scheme;
    try {
      setScheme((await api('assessments', 'setScheme', { year, scheme: body, reason })).scheme);
      setNotice('方案已保存（已记入操作记录）');
    } catch (e) {
      setNotice(firstIssue(e));
    }
  };
  const open = async () => {
    if (!(await asked('开始测评', `开始后测评方案不能再修改；${startsOn} 在目录中的产品都将参加测评。确定开始吗？`))) return;
    try {
      await api('assessments', 'open', { year, title, startsOn, endsOn });
      onOpened();
    } catch (e) {
      setNotice(firstIssue(e));
    }
  };
  return (
    <View>
      <View className='admin__card'>
        <Text className='admin__title'>{year} 年度测评方案</Text>
        <Text className='admin__meta'>测评开始前可以调整；每次调整都要写明理由。</Text>
        {scheme.indicators.map((ind, i) => (
          <View key={ind.key} className='aa__row'>
            <Text className='aa__label'>{INDICATOR_LABELS[ind.key]} 权重</Text>
            <Input className='aa__num' type='digit' value={String(ind.weight)} onInput={(e) => setWeight(i, e.detail.value)} />
          </View>
        ))}
        {(['excellent', 'good', 'pass'] as const).map((k) => (
          <View key={k} className='aa__row'>
            <Text className='aa__label'>{GRADE_LABELS[k]} 不低于</Text>
            <Input className='aa__num' type='digit' value={String(scheme.thresholds[k])} onInput={(e) => setThreshold(k, e.detail.value)} />
          </View>
        ))}
        <Text className='admin__meta'>
          满意度按{SATISFACTION_NAME}计，向全市平均水平收缩（相当于 {scheme.priorStrength} 条评价的先验）；申诉期 {scheme.appealWorkingDays} 个工作日。
        </Text>
        <Text className='admin__label'>各等次的最低证据（达不到的，降到证据够的等次；一个等次也够不上的为“{INSUFFICIENT_LABEL}”，由市司法局决定）</Text>
        {GRADES.map((g) => (
          <View key={g} className='aa__need'>
            <Text className='aa__needName'>{GRADE_LABELS[g]}</Text>
            <View className='aa__row'>
              <Text className='aa__label'>至少几条评价</Text>
              <Input className='aa__num' type='number' value={String(scheme.evidence.grades[g].minRatings)} onInput={(e) => setNeed(g, { minRatings: Number(e.detail.value) || 0 })} />
            </View>
            <View className='aa__row'>
              <Text className='aa__label'>至少几种测评方式</Text>
              <Input className='aa__num' type='number' value={String(scheme.evidence.grades[g].minMethods)} onInput={(e) => setNeed(g, { minMethods: Number(e.detail.value) || 0 })} />
            </View>
            <View
              className={`admin__chip ${scheme.evidence.grades[g].acceptedUse ? 'admin__chip--on' : ''}`}
              role='switch'
              aria-checked={scheme.evidence.grades[g].acceptedUse ? 'true' : 'false'}
              onClick={() => setNeed(g, { acceptedUse: !scheme.evidence.grades[g].acceptedUse })}
            >
              <Text>{scheme.evidence.grades[g].acceptedUse ? '✓ ' : ''}需要核定的服务能力</Text>
            </View>
          </View>
        ))}
        <View className='aa__row'>
          <Text className='aa__label'>没有差评时，至少几条评价才算整改情况良好</Text>
          <Input className='aa__num' type='number' value={String(scheme.evidence.casesMinRatings)} onInput={(e) => setEvidence({ casesMinRatings: Number(e.detail.value) || 0 })} />
        </View>
        <View className='aa__row'>
          <Text className='aa__label'>使用情况的先验（人次）</Text>
          <Input className='aa__num' type='digit' value={String(scheme.evidence.usePriorStrength)} onInput={(e) => setEvidence({ usePriorStrength: Number(e.detail.value) || 0 })} />
        </View>
        <Text className='admin__meta'>没有数据的指标按全市本年度该指标的水平计，不会因为缺少数据而得高分或低分。</Text>
        <Text className='admin__label'>调整理由</Text>
        <Textarea className='admin__textarea' value={reason} onInput={(e) => setReason(e.detail.value)} />
        <AtButton onClick={save}>保存方案</AtButton>
      </View>
      <View className='admin__card'>
        <Text className='admin__title'>开始测评</Text>
        <Text className='admin__label'>测评名称</Text>
        <Input className='admin__input' value={title} onInput={(e) => setTitle(e.detail.value)} />
        <Text className='admin__label'>开始日期（这一天在目录中的产品参加测评）</Text>
        <Input className='admin__input' value={startsOn} onInput={(e) => setStartsOn(e.detail.value)} />
        <Text className='admin__label'>结束日期（自评报告截止）</Text>
        <Input className='admin__input' value={endsOn} onInput={(e) => setEndsOn(e.detail.value)} />
        {notice && <Text className='admin__notice'>{notice}</Text>}
        <AtButton type='primary' onClick={open}>
          开始 {year} 年度测评
        </AtButton>
      </View>
    </View>
  );
}

/** A product whose evidence meets no grade its score reaches: what it lacks, and the bureau's decision with its reason. */
function DecideInsufficient({ year, row, onDone }: { year: number; row: ProgressRow; onDone: (notice: string) => void }) {
  const r = row.result!;
  const [decision, setDecision] = useState<InsufficientDecision>(r.decision?.decision ?? 'no-grade');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const decide = async () => {
    if (!(await asked('记录决定', `“${row.name}”：${INSUFFICIENT_DECISION_LABELS[decision]}。决定和理由将记入操作记录。确定吗？`))) return;
    try {
      await api('assessments', 'decideInsufficient', { year, productId: row.productId, decision, reason });
      setReason('');
      onDone(`已记录“${row.name}”的决定：${INSUFFICIENT_DECISION_LABELS[decision]}`);
    } catch (e) {
      setError(firstIssue(e));
    }
  };
  return (
    <View className='aa__insufficient'>
      <Text className='admin__name'>{row.name}</Text>
      <Text className='admin__meta'>
        得分 {r.score}（{GRADE_LABELS[r.scoreGrade]}的分数），{evidenceText(r.evidence)}
      </Text>
      {r.shortfalls.map((x) => (
        <Text key={x.grade} className='admin__meta aa__lacks'>
          缺：{shortfallText(x)}
        </Text>
      ))}
      <Text className='admin__meta'>{r.decision ? `已决定：${gradeText(r)}（${r.decision.reason}）` : '尚未决定'}</Text>
      <View className='admin__filters'>
        {INSUFFICIENT_DECISIONS.map((d) => (
          <Text key={d} className={`admin__chip ${d === decision ? 'admin__chip--on' : ''}`} onClick={() => setDecision(d)}>
            {INSUFFICIENT_DECISION_LABELS[d]}
          </Text>
        ))}
      </View>
      <Textarea className='admin__textarea' value={reason} placeholder='决定理由（记入操作记录）' onInput={(e) => setReason(e.detail.value)} />
      {error && <Text className='admin__error'>{error}</Text>}
      <AtButton onClick={decide}>{r.decision ? '改变决定' : '记录决定'}</AtButton>
    </View>
  );
}

/** A self-report's capacity: the bureau accepts it or sets its own, with a reason; usage counts only against it. */
function AcceptCapacity({ year, row, onDone }: { year: number; row: ProgressRow; onDone: (notice: string) => void }) {
  const report = row.selfReport!;
  const [capacity, setCapacity] = useState(String(report.accepted?.capacity ?? report.capacity ?? ''));
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const accept = async () => {
    if (!(await asked('核定服务能力', `将“${row.name}”的年服务能力核定为 ${capacity} 人次。确定吗？`))) return;
    try {
      await api('assessments', 'acceptCapacity', { year, productId: row.productId, capacity: Number(capacity), reason });
      setReason('');
      onDone(`已核定“${row.name}”的服务能力`);
    } catch (e) {
      setError(firstIssue(e));
    }
  };
  return (
    <View className='aa__capacity'>
      <Text className='admin__name'>{row.name}</Text>
      <Text className='admin__meta'>
        自评：服务 {report.servedCount} 人次，申报年服务能力 {report.capacity ?? '未填'}
        {report.accepted ? `；已核定 ${report.accepted.capacity}（${report.accepted.reason}）` : '；尚未核定'}
      </Text>
      <View className='aa__row'>
        <Text className='aa__label'>核定的年服务能力（人次）</Text>
        <Input className='aa__num' type='number' value={capacity} onInput={(e) => setCapacity(e.detail.value)} />
      </View>
      <Textarea className='admin__textarea' value={reason} placeholder='核定理由（记入操作记录）' onInput={(e) => setReason(e.detail.value)} />
      {error && <Text className='admin__error'>{error}</Text>}
      <AtButton onClick={accept}>{report.accepted ? '重新核定' : '核定'}</AtButton>
    </View>
  );
}

function DecideAppeal({ appeal, onDone }: { appeal: AppealView; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [method, setMethod] = useState<Method>('ledger');
  const [score, setScore] = useState('');
  const [notes, setNotes] = useState('');
  const [notice, setNotice] = useState('');
  const decide = async (accepted: boolean) => {
    if (!(await asked(accepted ? '采纳申诉' : '不采纳申诉', accepted ? '将录入复核记录并重新计算该产品的结果。确定吗？' : '维持原结果。确定吗？'))) return;
    try {
      await api('assessments', 'decideAppeal', { appealId: appeal.appealId, accepted, reason, ...(accepted ? { finding: { method, score: Number(score), notes } } : {}) });
      onDone();
    } catch (e) {
      setNotice(firstIssue(e));
    }
  };
  return (
    <View className='admin__card'>
      <Text className='admin__name'>{appeal.productName}</Text>
      <Text className='admin__meta'>
        {appeal.filedOn} 申诉：{appeal.reason}
      </Text>
      <Text className='admin__label'>处理理由</Text>
      <Textarea className='admin__textarea' value={reason} onInput={(e) => setReason(e.detail.value)} />
      <Text className='admin__label'>采纳时的复核记录：方式、得分、情况</Text>
      <View className='admin__filters'>
        {METHODS.map((m) => (
          <Text key={m} className={`admin__chip ${m === method ? 'admin__chip--on' : ''}`} onClick={() => setMethod(m)}>
            {METHOD_LABELS[m]}
          </Text>
        ))}
      </View>
      <Input className='admin__input' type='digit' placeholder='得分 0–100' value={score} onInput={(e) => setScore(e.detail.value)} />
      <Textarea className='admin__textarea' value={notes} placeholder='复核情况' onInput={(e) => setNotes(e.detail.value)} />
      {notice && <Text className='admin__error'>{notice}</Text>}
      <AtButton type='primary' onClick={() => decide(true)}>
        采纳
      </AtButton>
      <AtButton onClick={() => decide(false)}>不采纳</AtButton>
    </View>
  );
}

/** An assessing organisation as the pickers show it: its name, then how many products it holds and its accounts. */
const assessorOption = (a: AssessorView): PickOption => ({ value: a.orgId, label: a.name, detail: `已分配 ${a.assigned ?? 0} 个产品 · ${a.accounts ? `${a.accounts} 个账号已绑定` : '尚未绑定账号'}` });

const PROGRESS_COLUMNS: Column<ProgressRow>[] = [
  { key: 'name', header: '产品', value: (r) => r.name, keep: true },
  { key: 'category', header: '类别', value: (r) => CATEGORY_LABELS[r.category], width: 10 },
  ...METHODS.map((m): Column<ProgressRow> => ({ key: `m:${m}`, header: METHOD_LABELS[m].slice(0, 4), value: (r) => (r.findings[m] ? `✓ ${r.findings[m]}` : '–'), sort: (r) => r.findings[m], width: 6, align: 'end', searchable: false })),
  { key: 'self', header: '自评', value: (r) => (r.selfReported ? '✓' : '–'), width: 4, searchable: false },
  { key: 'assessors', header: '测评机构', value: (r) => (r.assessorOrgIds.length ? `${r.assessorOrgIds.length} 家` : '未分配'), sort: (r) => r.assessorOrgIds.length, width: 8 },
  { key: 'score', header: '得分', value: (r) => r.result?.score ?? '', sort: (r) => r.result?.score ?? null, width: 6, align: 'end', keep: true },
  { key: 'grade', header: '等次', value: (r) => (r.result ? `${r.result.grade ? GRADE_LABELS[r.result.grade] : INSUFFICIENT_LABEL}${r.result.insufficient ? (r.result.decision ? '（已决定）' : '（待决定）') : ''}` : ''), sort: (r) => (r.result ? (r.result.grade ? GRADES.indexOf(r.result.grade) : GRADES.length) : null), width: 8, keep: true },
  { key: 'appeal', header: '申诉', value: (r) => (r.appeal ? APPEAL_STATUS_LABELS[r.appeal] : ''), width: 8 },
];
const PROGRESS_FILTERS: Filter<ProgressRow>[] = [
  { key: 'assigned', label: '分配', all: '全部产品', options: [{ value: 'no', label: '未分配测评机构' }, { value: 'yes', label: '已分配' }], test: (r, v) => (v === 'yes') === r.assessorOrgIds.length > 0 },
  { key: 'grade', label: '等次', all: '全部等次', options: [...GRADES.map((g) => ({ value: g, label: GRADE_LABELS[g] })), { value: 'insufficient', label: INSUFFICIENT_LABEL }], test: (r, v) => (v === 'insufficient' ? !!r.result?.insufficient : r.result?.grade === v) },
];

/** How a product's result was computed: each indicator's score and weight, and what it rests on. */
function Breakdown({ result }: { result: ResultView }) {
  return (
    <>
      {result.components.map((x) => (
        <Text key={x.key} className='admin__meta'>
          {x.label}：{x.score === null ? '不计入' : `${x.score} 分 × ${x.effectiveWeight}%${x.missing ? '（全市水平）' : ''}`}
          {x.inputs.ratings !== undefined ? `（${x.inputs.ratings} 条评价）` : ''}
          {x.inputs.findingIds?.length ? `（${x.inputs.findingIds.length} 条记录）` : ''}
          {x.note ? ` · ${x.note}` : ''}
        </Text>
      ))}
    </>
  );
}

/** One product of the campaign beside the table: how its result was computed and every finding recorded on it. */
function ProductBeside({ year, row, draft, onClose }: { year: number; row: ProgressRow; draft: ResultView | undefined; onClose: () => void }) {
  const [findings, setFindings] = useState<FindingView[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    api('assessments', 'findings', { year, productId: row.productId })
      .then((r) => setFindings(r.findings))
      .catch((e) => setError(errorMessage(e)));
  }, [year, row.productId]);
  return (
    <View className='beside'>
      <View className='beside__bar'>
        <Text className='admin__label'>{row.name}</Text>
        <View className='beside__link' role='button' aria-label='关闭所选产品' onClick={onClose}>
          关闭 ✕
        </View>
      </View>
      <View className='admin__card'>
        <Text className='admin__title'>测评结果</Text>
        {!draft ? (
          <Text className='admin__meta'>尚未计算</Text>
        ) : (
          <Breakdown result={draft} />
        )}
      </View>
      <View className='admin__card'>
        <Text className='admin__title'>测评记录</Text>
        {error && <Text className='admin__error'>{error}</Text>}
        {!findings && !error && <Text className='admin__meta'>正在加载…</Text>}
        {findings?.length === 0 && <Text className='admin__meta'>还没有测评记录</Text>}
        {findings?.map((f) => (
          <View key={f.findingId} className='admin__field'>
            <Text className='admin__label'>
              {METHOD_LABELS[f.method]} · {f.on} · {f.score} 分{f.supersededBy ? '（已被更正）' : ''}
            </Text>
            <Text className='admin__meta'>{f.notes}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

export default function AdminAssessmentPage() {
  const desk = useDeskWidth();
  const [year, setYear] = useState(new Date().getFullYear());
  const [progress, setProgress] = useState<Progress | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState('');
  const [drafts, setDrafts] = useState<ResultView[]>([]);
  const [appeals, setAppeals] = useState<AppealView[]>([]);
  const [assessors, setAssessors] = useState<AssessorView[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [beside, setBeside] = useState<string | null>(useRouter().params.open ?? null);
  const [selected, setSelected] = useState<string[]>([]);
  const [assessor, setAssessor] = useState<PickOption | null>(null);
  const [orgName, setOrgName] = useState('');
  const [reason, setReason] = useState('');
  const [documentNumber, setDocumentNumber] = useState('');
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    setError('');
    setMissing(false);
    try {
      const p = await api('assessments', 'progress', { year });
      setProgress(p);
      setDrafts(p.campaign.status === 'open' ? [] : (await api('assessments', 'drafts', { year })).results);
      setAppeals((await api('assessments', 'appeals', { year })).appeals);
      setAssessors((await api('assessments', 'assessors', { year })).assessors);
    } catch (e) {
      setProgress(null);
      if (e instanceof ApiError && e.code === 'NOT_FOUND') setMissing(true);
      else setError(errorMessage(e));
    }
  }, [year]);
  useEffect(() => {
    setProgress(null);
    load();
  }, [load]);

  const table = useTable(PROGRESS_COLUMNS, PROGRESS_FILTERS);
  const rows = useRows<ProgressRow>(async () => ({ items: progress?.rows ?? [] }), [progress], { all: true });
  const assign: BulkAction<ProgressRow> = useMemo(
    () => ({
      key: 'assign',
      label: '分配给测评机构',
      fields: [{ key: 'assessor', label: '测评机构（输入名称查找）', kind: 'pick', search: localSearch(assessors.map(assessorOption)) }],
      describe: (list, v) => `将把 ${list.length} 个产品分配给${assessors.find((a) => a.orgId === v.assessor)?.name ?? '所选测评机构'}，由其录入测评记录`,
      confirmText: '分配',
      run: async (list, v) => {
        const out = await inBatches(list.map((r) => r.productId), async (productIds) => (await api('assessments', 'assignMany', { year, assessorOrgId: v.assessor, productIds })).results);
        await load();
        return out;
      },
    }),
    [assessors, year, load],
  );

  const run = async (what: () => Promise<unknown>, done: string) => {
    setNotice('');
    try {
      await what();
      setNotice(done);
      load();
    } catch (e) {
      setNotice(firstIssue(e));
    }
  };
  const invite = () =>
    run(async () => {
      const r = await api('admin', 'createInvite', { role: 'assessor', orgName });
      void askConfirm({ title: '测评机构邀请码', content: `请把邀请码 ${r.inviteCode} 交给 ${orgName}，在“我的”页面绑定。`, showCancel: false });
    }, '已生成邀请码');
  const assignSelected = () =>
    run(async () => {
      if (!assessor) throw new Error('请先查找并选定测评机构');
      const { results } = await api('assessments', 'assignMany', { year, assessorOrgId: assessor.value, productIds: selected });
      const refused = results.filter((x) => !x.ok);
      setSelected(refused.map((x) => x.id));
      if (refused.length) throw new ApiError('CONFLICT', `已分配 ${results.length - refused.length} 个；${refused.length} 个未分配：${refused.map((x) => x.message).join('；')}`);
    }, `已分配给${assessor?.label ?? ''}`);
  const compute = async () => (await asked('计算测评结果', '将按当前的测评记录、自评报告和群众评价计算征求意见稿，并开始申诉期。确定吗？')) && run(() => api('assessments', 'compute', { year }), '已计算，申诉期开始');
  const confirm = async () => (await asked('确认测评结果', '确认后不能再重新计算或处理申诉。确定吗？')) && run(() => api('assessments', 'confirm', { year, reason }), '已确认');
  const publish = async () => (await asked('向社会公布', `以 ${documentNumber} 公布后结果不能更改。确定吗？`)) && run(() => api('assessments', 'publish', { year, documentNumber, reason }), '已公布');

  const years = [year - 1, year, year + 1];
  const chips = (
    <View className='admin__filters'>
      {years.map((y) => (
        <Text key={y} className={`admin__chip ${y === year ? 'admin__chip--on' : ''}`} onClick={() => setYear(y)}>
          {y} 年
        </Text>
      ))}
    </View>
  );
  const frame = (content: JSX.Element, aside?: JSX.Element) => (
    <DeskLayout title={`${year} 年度测评`} aside={aside} asideLabel='所选产品的测评' asideWide>
      {content}
    </DeskLayout>
  );
  if (error) return frame(<Failure message={error} onRetry={load} />);
  if (missing)
    return frame(
      <View className='admin'>
        {chips}
        <SchemeSetup year={year} onOpened={load} />
      </View>,
    );
  if (!progress) return frame(<Loading />);
  const c = progress.campaign;
  const pending = appeals.filter((a) => a.status === 'pending');
  const insufficient = progress.rows.filter((r) => r.result?.insufficient);
  const undecided = insufficient.filter((r) => !r.result!.decision);
  const reported = progress.rows.filter((r) => r.selfReport);
  const done = (message: string) => {
    setNotice(message);
    load();
  };
  const choose = (id: string | null) => {
    setBeside(id);
    rememberParams({ open: id });
  };
  const besideRow = beside ? progress.rows.find((r) => r.productId === beside) : undefined;

  const matrix = (
    <View className='admin__card aa__matrix'>
      <Text className='admin__title'>进度</Text>
      <View className='aa__mrow aa__mhead'>
        <Text className='aa__mname'>产品</Text>
        {METHODS.map((m) => (
          <Text key={m} className='aa__mcell'>
            {METHOD_LABELS[m].slice(0, 2)}
          </Text>
        ))}
        <Text className='aa__mcell'>自评</Text>
        <Text className='aa__mresult'>结果</Text>
      </View>
      {progress.rows.map((r) => (
        <View key={r.productId}>
          <View className='aa__mrow' onClick={() => (c.status === 'open' ? setSelected((s) => (s.includes(r.productId) ? s.filter((x) => x !== r.productId) : [...s, r.productId])) : setOpen(open === r.productId ? null : r.productId))}>
            <Text className='aa__mname'>
              {c.status === 'open' ? (selected.includes(r.productId) ? '☑ ' : '☐ ') : ''}
              {r.name}
            </Text>
            {METHODS.map((m) => (
              <Text key={m} className='aa__mcell'>
                {r.findings[m] ? '✓' : '–'}
              </Text>
            ))}
            <Text className='aa__mcell'>{r.selfReported ? '✓' : '–'}</Text>
            <Text className='aa__mresult'>
              {r.result ? `${r.result.grade ? GRADE_LABELS[r.result.grade] : INSUFFICIENT_LABEL} ${r.result.score}` : '—'}
              {r.result?.insufficient ? (r.result.decision ? ' · 已决定' : ' · 待决定') : ''}
              {r.appeal ? ` · ${APPEAL_STATUS_LABELS[r.appeal]}` : ''}
            </Text>
          </View>
          {open === r.productId &&
            drafts
              .filter((d) => d.productId === r.productId)
              .map((d) => (
                <View key={d.productId} className='aa__breakdown'>
                  <Breakdown result={d} />
                </View>
              ))}
        </View>
      ))}
    </View>
  );

  return frame(
    <View className='admin'>
      {chips}
      <View className='admin__card'>
        <Text className='admin__title'>{c.title}</Text>
        <Text className='admin__meta'>
          {CAMPAIGN_STATUS_LABELS[c.status]} · {c.startsOn} 至 {c.endsOn} · {c.products} 个产品{c.appealBy ? ` · 申诉截止 ${c.appealBy}` : ''}
          {c.documentNumber ? ` · ${c.documentNumber}` : ''}
        </Text>
        <Text className='admin__meta'>
          权重：{progress.scheme.indicators.map((i) => `${INDICATOR_LABELS[i.key]} ${i.weight}`).join('，')}；优秀 ≥ {progress.scheme.thresholds.excellent}，良好 ≥ {progress.scheme.thresholds.good}，合格 ≥ {progress.scheme.thresholds.pass}
        </Text>
      </View>
      {notice && <Text className='admin__notice'>{notice}</Text>}

      {c.status === 'open' && (
        <View className='admin__card'>
          <Text className='admin__title'>测评机构</Text>
          <Text className='admin__label'>邀请测评机构（单位名称）</Text>
          <Input className='admin__input' value={orgName} onInput={(e) => setOrgName(e.detail.value)} />
          <AtButton onClick={invite}>生成邀请码</AtButton>
          {desk ? (
            <Text className='admin__meta'>分配产品：在下表勾选产品，点“分配给测评机构”，按名称选定机构。已邀请 {assessors.length} 家测评机构。</Text>
          ) : (
            <>
              <Text className='admin__label'>把下表勾选的 {selected.length} 个产品分配给（输入机构名称查找）</Text>
              <SearchSelect label='测评机构' search={localSearch(assessors.map(assessorOption))} value={assessor} onChange={setAssessor} />
              <AtButton disabled={!selected.length || !assessor} onClick={assignSelected}>
                分配
              </AtButton>
            </>
          )}
        </View>
      )}

      {desk ? (
        <DataTable
          table={table}
          rows={rows}
          title='测评产品'
          unit='个'
          rowKey={(r) => r.productId}
          rowLabel={(r) => r.name}
          onOpen={(r) => choose(r.productId)}
          openKey={beside}
          card={() => null}
          bulk={c.status === 'open' ? [assign] : []}
          exportView={{ dataset: 'assessments', year }}
        />
      ) : (
        matrix
      )}

      {(c.status === 'open' || c.status === 'computed') && (
        <AtButton type='primary' onClick={compute}>
          {c.status === 'open' ? '计算测评结果（征求意见稿）' : '重新计算'}
        </AtButton>
      )}
      {(c.status === 'open' || c.status === 'computed') && reported.length > 0 && (
        <View className='admin__card'>
          <Text className='admin__title'>服务能力核定（{reported.filter((r) => !r.selfReport!.accepted).length} 个待核定）</Text>
          <Text className='admin__meta'>使用情况只按市司法局核定的服务能力计算；未核定的按全市水平计，也不能评为需要核定服务能力的等次。</Text>
          {reported.map((r) => (
            <AcceptCapacity key={r.productId} year={year} row={r} onDone={done} />
          ))}
        </View>
      )}
      {insufficient.length > 0 && (
        <View className='admin__card aa__insufficientList'>
          <Text className='admin__title'>
            {INSUFFICIENT_LABEL}（{insufficient.length} 个，{undecided.length} 个待决定）
          </Text>
          <Text className='admin__meta'>这些产品的证据达不到任何一个等次的最低要求，不能据此评定等次。确认结果前，请逐个决定，并写明理由。</Text>
          {insufficient.map((r) =>
            c.status === 'computed' ? (
              <DecideInsufficient key={r.productId} year={year} row={r} onDone={done} />
            ) : (
              <View key={r.productId} className='aa__insufficient'>
                <Text className='admin__name'>{r.name}</Text>
                <Text className='admin__meta'>{r.result!.decision ? gradeText(r.result!) : '尚未决定'}</Text>
              </View>
            ),
          )}
        </View>
      )}
      {pending.map((a) => (
        <DecideAppeal key={a.appealId} appeal={a} onDone={load} />
      ))}
      {(c.status === 'computed' || c.status === 'confirmed') && (
        <View className='admin__card'>
          <Text className='admin__title'>{c.status === 'computed' ? '确认结果' : '向社会公布'}</Text>
          {c.status === 'confirmed' && (
            <View>
              <Text className='admin__label'>文号</Text>
              <Input className='admin__input' placeholder={`杭司〔${year}〕号`} value={documentNumber} onInput={(e) => setDocumentNumber(e.detail.value)} />
            </View>
          )}
          <Text className='admin__label'>说明（记入操作记录）</Text>
          <Textarea className='admin__textarea' value={reason} onInput={(e) => setReason(e.detail.value)} />
          {c.status === 'computed' ? (
            <AtButton type='primary' disabled={pending.length > 0 || undecided.length > 0} onClick={confirm}>
              {pending.length ? `还有 ${pending.length} 条申诉待处理` : undecided.length ? `还有 ${undecided.length} 个${INSUFFICIENT_LABEL}的产品待决定` : '确认测评结果'}
            </AtButton>
          ) : (
            <AtButton type='primary' onClick={publish}>
              公布测评结果
            </AtButton>
          )}
        </View>
      )}
      {c.status === 'published' && <AtButton onClick={() => Taro.navigateTo({ url: `/packages/assessment/pages/results/index?year=${year}` })}>查看公布的结果</AtButton>}
    </View>,
    desk && besideRow ? <ProductBeside key={besideRow.productId} year={year} row={besideRow} draft={drafts.find((d) => d.productId === besideRow.productId)} onClose={() => choose(null)} /> : undefined,
  );
}
