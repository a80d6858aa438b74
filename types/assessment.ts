/**
 * The yearly assessment (测评, regulation 三): each catalogue product's year judged by its users' satisfaction, the
 * bureau's inspections and its use, and given one of four grades (优秀、良好、合格、不合格). The seed names the six
 * methods but no numbers: the weights, thresholds and checklists below are the defaults, versioned by year; the bureau
 * may change a year's scheme before the campaign opens (`assessments.setScheme`, audited). Every page, the compute,
 * the invariant checker and the tests draw from this one definition.
 */
import type { Category } from './domain';
import { SATISFACTION_NAME, SATISFIED_MIN_LEVEL, satisfactionRate } from './rating';

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

/** The seed's six forms (查看工作台帐、抽查办案卷宗、电话回访、第三方社会评价机构调查、明查暗访、听取采购单位意见). */
export const METHODS = ['ledger', 'case-files', 'phone-callback', 'third-party', 'mystery', 'purchaser'] as const;
export type Method = (typeof METHODS)[number];
export const METHOD_LABELS: Record<Method, string> = {
  ledger: '查看工作台帐',
  'case-files': '抽查办案卷宗',
  'phone-callback': '电话回访',
  'third-party': '第三方社会评价机构调查',
  mystery: '明查暗访',
  purchaser: '听取采购单位意见',
};

export const INDICATORS = ['satisfaction', 'inspection', 'cases', 'use'] as const;
export type IndicatorKey = (typeof INDICATORS)[number];
export const INDICATOR_LABELS: Record<IndicatorKey, string> = {
  satisfaction: '服务对象满意度',
  inspection: '测评检查',
  cases: '差评整改及时率',
  use: '产品使用情况',
};

export interface ChecklistItem {
  key: string;
  label: string;
  points: number;
}

/** What an inspector walks through, per method; each list adds up to 100, so the finding's score is the sum ticked. */
export const CHECKLISTS: Record<Method, ChecklistItem[]> = {
  ledger: [
    { key: 'complete', label: '服务台帐完整，逐次记录服务对象、时间、内容', points: 40 },
    { key: 'timely', label: '记录及时，与服务发生时间一致', points: 30 },
    { key: 'quantified', label: '有量化指标（服务人次、时长、办结率等）', points: 30 },
  ],
  'case-files': [
    { key: 'complete', label: '卷宗材料齐全，手续完备', points: 40 },
    { key: 'quality', label: '办理过程规范，意见准确', points: 40 },
    { key: 'closed', label: '按期办结，结果有回告', points: 20 },
  ],
  'phone-callback': [
    { key: 'reached', label: '服务对象确认接受过服务', points: 30 },
    { key: 'satisfied', label: '服务对象对结果满意', points: 40 },
    { key: 'attitude', label: '服务对象认可服务态度', points: 30 },
  ],
  'third-party': [
    { key: 'sample', label: '调查样本量达到方案要求', points: 30 },
    { key: 'satisfaction', label: '调查满意度达到服务标准', points: 50 },
    { key: 'awareness', label: '群众知晓产品及获取渠道', points: 20 },
  ],
  mystery: [
    { key: 'open', label: '按公布的时间、地点提供服务', points: 30 },
    { key: 'guide', label: '服务指南、收费标准公开', points: 30 },
    { key: 'conduct', label: '服务语言、仪态符合服务要求', points: 40 },
  ],
  purchaser: [
    { key: 'delivered', label: '按合同或约定完成服务内容', points: 50 },
    { key: 'responsive', label: '对采购单位的意见及时响应', points: 25 },
    { key: 'renew', label: '采购单位愿意继续采购', points: 25 },
  ],
};

export interface Indicator {
  key: IndicatorKey;
  weight: number;
  /** Inspection only: the methods that feed it and their weights within it (adding up to 100). */
  methodWeights?: Partial<Record<Method, number>>;
}

export interface GradeThresholds {
  excellent: number;
  good: number;
  pass: number;
}

/**
 * What one grade needs (issue 21: a grade is earned by evidence, never by its absence). A product whose evidence falls
 * short of the grade its score reaches gets the next lower grade whose evidence it has (优秀 → 良好 → 合格, never down to
 * 不合格); with none, it is 证据不足 and the bureau decides (`assessments.decideInsufficient`).
 */
export interface GradeEvidence {
  /** Counted ratings this year: satisfaction measured from at least this many. */
  minRatings: number;
  /** Of the six methods, how many must have a finding in force for the product. */
  minMethods: number;
  /** Usage measured against a capacity the bureau accepted (`assessments.acceptCapacity`). */
  acceptedUse: boolean;
}

export interface EvidenceRules {
  grades: Record<Grade, GradeEvidence>;
  /**
   * 差评整改 with no bad rating scores 100 only over at least this many counted ratings: fewer could not have shown a
   * bad one, so the indicator is unmeasured and stands at the city's level.
   */
  casesMinRatings: number;
  /**
   * Usage is shrunk toward the city's usage share with a prior worth this many people served:
   * use = (min(served, capacity) + m·p₀) / (capacity + m). One served of a capacity of one says almost nothing.
   */
  usePriorStrength: number;
}

export interface Scheme {
  year: number;
  indicators: Indicator[];
  thresholds: GradeThresholds;
  /**
   * Satisfaction is 满意率 (`types/rating.ts`: the share of ratings at 满意 or above, the one definition every page
   * uses; this field is fixed to it), shrunk toward the city-wide share with a Beta prior worth `priorStrength`
   * ratings: rate = (satisfied + m·p₀) / (n + m). Three happy ratings never beat three hundred.
   */
  satisfiedMinLevel: typeof SATISFIED_MIN_LEVEL;
  priorStrength: number;
  /** Working days after the draft results for the provider to appeal. */
  appealWorkingDays: number;
  /** The minimum evidence per grade and the priors for unmeasured indicators (issue 21). */
  evidence: EvidenceRules;
}

export const DEFAULT_SCHEME: Omit<Scheme, 'year'> = {
  indicators: [
    { key: 'satisfaction', weight: 40 },
    { key: 'inspection', weight: 40, methodWeights: { ledger: 20, 'case-files': 20, 'phone-callback': 15, 'third-party': 20, mystery: 15, purchaser: 10 } },
    { key: 'cases', weight: 10 },
    { key: 'use', weight: 10 },
  ],
  thresholds: { excellent: 90, good: 80, pass: 60 },
  satisfiedMinLevel: SATISFIED_MIN_LEVEL,
  priorStrength: 20,
  appealWorkingDays: 5,
  /*
   * Why these numbers. 良好 needs 20 ratings: at the prior's strength (20) that is where a product's own ratings weigh
   * as much as the city's in its satisfaction score; below it the score is mostly the city's. 优秀 needs 30 (its own
   * ratings then carry 60%), two methods (two independent looks before the top grade) and a usage the bureau accepted.
   * 合格 needs one method: somebody checked. 不合格 needs two methods, like 优秀: it puts a product on the public list and
   * proposes its exit. Cases need 20 ratings without a bad one before "no bad rating" means anything. Usage's prior is
   * worth 10 people: a report of 1 of 1 lands near the city's level, 500 of 1,000 speaks for itself.
   */
  evidence: {
    grades: {
      excellent: { minRatings: 30, minMethods: 2, acceptedUse: true },
      good: { minRatings: 20, minMethods: 1, acceptedUse: false },
      pass: { minRatings: 0, minMethods: 1, acceptedUse: false },
      fail: { minRatings: 0, minMethods: 2, acceptedUse: false },
    },
    casesMinRatings: 20,
    usePriorStrength: 10,
  },
};

export const defaultScheme = (year: number): Scheme => ({ year, ...structuredClone(DEFAULT_SCHEME) });

/** A stored scheme from before a field existed gets that field's default (campaigns opened before issue 21). */
export function completeScheme<T extends Omit<Scheme, 'year' | 'evidence'> & { evidence?: EvidenceRules }>(s: T): T & { evidence: EvidenceRules } {
  return { ...s, evidence: s.evidence ?? structuredClone(DEFAULT_SCHEME.evidence) };
}

/** 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格 (by default). Scores are compared at two decimals. */
export function gradeOf(score: number, t: GradeThresholds): Grade {
  const s = Math.round(score * 100) / 100;
  if (s >= t.excellent) return 'excellent';
  if (s >= t.good) return 'good';
  if (s >= t.pass) return 'pass';
  return 'fail';
}

export const GRADE_RANK: Record<Grade, number> = { excellent: 4, good: 3, pass: 2, fail: 1 };

/** Problems with a scheme, in words the bureau can act on (empty when it is usable). */
export function schemeProblems(s: Omit<Scheme, 'year'>): string[] {
  const out: string[] = [];
  const keys = s.indicators.map((i) => i.key);
  if (new Set(keys).size !== keys.length) out.push('指标不能重复');
  const total = s.indicators.reduce((a, i) => a + i.weight, 0);
  if (Math.abs(total - 100) > 1e-9) out.push(`各项指标权重之和应为 100，现为 ${total}`);
  for (const i of s.indicators) {
    if (i.key === 'inspection') {
      const w = Object.values(i.methodWeights ?? {}).reduce((a, x) => a + (x ?? 0), 0);
      if (Math.abs(w - 100) > 1e-9) out.push(`测评检查中各方式权重之和应为 100，现为 ${w}`);
    } else if (i.methodWeights) out.push(`只有“测评检查”按测评方式分配权重`);
  }
  const t = s.thresholds;
  if (!(t.excellent > t.good && t.good > t.pass && t.pass > 0 && t.excellent <= 100)) out.push('等次分数线应满足 100 ≥ 优秀 > 良好 > 合格 > 0');
  if (s.satisfiedMinLevel !== SATISFIED_MIN_LEVEL) out.push(`满意率全市统一按${SATISFACTION_NAME}计算，测评方案不能另定`);
  out.push(...evidenceProblems(s));
  return out;
}

/** The evidence rules: every grade needs some evidence, a better grade no less than a worse one, and each need must be measurable under the scheme. */
export function evidenceProblems(s: Omit<Scheme, 'year'>): string[] {
  const out: string[] = [];
  const g = s.evidence.grades;
  for (const grade of GRADES) {
    const need = g[grade];
    if (need.minRatings <= 0 && need.minMethods <= 0 && !need.acceptedUse) out.push(`${GRADE_LABELS[grade]}至少要求一项证据（评价条数、测评方式或核定的服务能力）`);
  }
  const pairs: [Grade, Grade][] = [
    ['excellent', 'good'],
    ['good', 'pass'],
  ];
  for (const [hi, lo] of pairs)
    if (g[hi].minRatings < g[lo].minRatings || g[hi].minMethods < g[lo].minMethods || (g[lo].acceptedUse && !g[hi].acceptedUse)) out.push(`${GRADE_LABELS[hi]}所需的证据不能少于${GRADE_LABELS[lo]}`);
  const has = (k: IndicatorKey) => s.indicators.some((i) => i.key === k && i.weight > 0);
  const weightedMethods = METHODS.filter((m) => (s.indicators.find((i) => i.key === 'inspection')?.methodWeights?.[m] ?? 0) > 0).length;
  for (const grade of GRADES) {
    const need = g[grade];
    if (need.minRatings > 0 && !has('satisfaction')) out.push(`${GRADE_LABELS[grade]}要求评价条数，但方案中没有“服务对象满意度”指标`);
    if (need.minMethods > (has('inspection') ? weightedMethods : 0)) out.push(`${GRADE_LABELS[grade]}要求 ${need.minMethods} 种测评方式，但方案中只有 ${has('inspection') ? weightedMethods : 0} 种测评方式计分`);
    if (need.acceptedUse && !has('use')) out.push(`${GRADE_LABELS[grade]}要求核定的服务能力，但方案中没有“产品使用情况”指标`);
  }
  return out;
}

/**
 * The city's level for each indicator this year: what an unmeasured indicator of one product is scored at (never
 * dropped in the provider's favour). Null (or absent, for a method) when no product in the city has that data this
 * year: then the indicator is left out for every product alike.
 */
export interface CityLevels {
  /** 满意率 over every counted rating in the city, 0..1. */
  satisfaction: number | null;
  /** Per method, the mean over products of each product's mean finding score, 0..100. */
  methods: Partial<Record<Method, number>>;
  /** Cases answered on time over cases opened, 0..1. */
  cases: number | null;
  /** Σ min(served, accepted capacity) over Σ accepted capacity, 0..1. */
  use: number | null;
}

/** z for a two-sided 90% interval. */
export const Z90 = 1.6449;

export interface Shrunk {
  n: number;
  satisfied: number;
  /** Posterior mean, 0..1. */
  rate: number;
  /** 90% interval of the posterior Beta (normal approximation), clipped to 0..1. */
  low: number;
  high: number;
}

/**
 * Beta-binomial shrinkage: prior Beta(m·p₀, m·(1−p₀)), posterior Beta(a + s, b + n − s); the mean and a 90% interval
 * (mean ± z·sd of the posterior Beta). With n = 0 the rate is the city's.
 */
export function shrink(satisfied: number, n: number, cityRate: number, m: number): Shrunk {
  const a = m * cityRate + satisfied;
  const b = m * (1 - cityRate) + (n - satisfied);
  const mean = a + b > 0 ? a / (a + b) : cityRate;
  const sd = a + b > 0 ? Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1))) : 0;
  const r4 = (x: number) => Math.round(x * 10000) / 10000;
  return { n, satisfied, rate: r4(mean), low: r4(Math.max(0, mean - Z90 * sd)), high: r4(Math.min(1, mean + Z90 * sd)) };
}

/** One indicator (or one method within the inspection) in a result, with what it was computed from. */
export interface Component {
  key: IndicatorKey | `inspection.${Method}`;
  label: string;
  /** The scheme's weight, and the weight after re-normalising over what has data (0 when missing). */
  weight: number;
  effectiveWeight: number;
  /**
   * 0..100. `missing`: the product has no data of its own for it, so it stands at the city's level (`inputs.cityLevel`).
   * null only when nobody in the city has that data this year: then it is left out for every product alike.
   */
  score: number | null;
  missing: boolean;
  inputs: {
    /** The city's level an unmeasured part was scored at (0..100). */
    cityLevel?: number;
    findingIds?: string[];
    ratings?: number;
    satisfied?: number;
    cityRate?: number;
    interval?: [number, number];
    /** Mean of each rated dimension (服务效率、服务水平、服务态度), 1–5, null where none was rated. */
    dimensionMeans?: Record<string, number | null>;
    casesOpened?: number;
    casesOnTime?: number;
    selfReportId?: string | null;
    servedCount?: number;
    /** The capacity the bureau accepted (usage is measured only against it). */
    capacity?: number;
    reportedCapacity?: number | null;
    summaryId?: string;
  };
  note?: string;
}

/** How a product's usage stands as evidence: no self-report, reported (capacity not accepted), or accepted by the bureau. */
export type UseEvidence = 'none' | 'reported' | 'accepted';

/** What a result rests on, counted from its inputs: shown beside every public grade. */
export interface EvidenceCounts {
  /** Counted ratings this year. */
  ratings: number;
  /** Findings in force (of the methods the scheme weighs). */
  findings: number;
  /** The methods with at least one of them. */
  methods: Method[];
  use: UseEvidence;
  /**
   * The score over what was measured for this product alone (unmeasured parts left out, the rest re-weighted); null
   * when nothing was. A 不合格 must hold on it too: never a 不合格 because an unmeasured part stood at a poor city level.
   */
  measuredScore?: number | null;
}

/** What one grade's evidence lacks; absent keys are met. */
export interface Shortfall {
  grade: Grade;
  ratings?: { have: number; need: number };
  methods?: { have: number; need: number };
  use?: Exclude<UseEvidence, 'accepted'>;
  /** 不合格 only: what was measured alone does not fall below the pass mark. */
  measured?: { score: number; pass: number };
}

/** What `grade` lacks; `pass`: the pass mark, against which a 不合格 must hold on what was measured alone. */
export function shortfallFor(grade: Grade, need: GradeEvidence, e: EvidenceCounts, pass?: number): Shortfall | null {
  const s: Shortfall = { grade };
  if (e.ratings < need.minRatings) s.ratings = { have: e.ratings, need: need.minRatings };
  if (e.methods.length < need.minMethods) s.methods = { have: e.methods.length, need: need.minMethods };
  if (need.acceptedUse && e.use !== 'accepted') s.use = e.use;
  if (grade === 'fail' && pass !== undefined && typeof e.measuredScore === 'number' && to2(e.measuredScore) >= pass) s.measured = { score: e.measuredScore, pass };
  return Object.keys(s).length > 1 ? s : null;
}

const POSITIVE: Grade[] = ['excellent', 'good', 'pass'];

/**
 * The grade the evidence allows for a score's grade: that grade if its evidence is there; a positive grade otherwise
 * falls to the next lower positive grade whose evidence is there; 不合格 only with 不合格's own evidence and (given the
 * pass mark) only if what was measured alone is below it too. Null: no grade fits (证据不足). `shortfalls` lists what
 * each grade tried lacks, best first.
 */
export function evidencedGrade(scoreGrade: Grade, e: EvidenceCounts, rules: EvidenceRules, pass?: number): { grade: Grade | null; shortfalls: Shortfall[] } {
  const tried = scoreGrade === 'fail' ? (['fail'] as Grade[]) : POSITIVE.slice(POSITIVE.indexOf(scoreGrade));
  const shortfalls: Shortfall[] = [];
  for (const g of tried) {
    const s = shortfallFor(g, rules.grades[g], e, pass);
    if (!s) return { grade: g, shortfalls };
    shortfalls.push(s);
  }
  return { grade: null, shortfalls };
}

/** One shortfall in words: 良好需要至少 20 条评价（现有 12 条）；经市司法局核定的服务能力（尚未核定）. */
export function shortfallText(s: Shortfall): string {
  const parts: string[] = [];
  if (s.ratings) parts.push(`至少 ${s.ratings.need} 条评价（现有 ${s.ratings.have} 条）`);
  if (s.methods) parts.push(`至少 ${s.methods.need} 种测评方式的记录（现有 ${s.methods.have} 种）`);
  if (s.use) parts.push(`经市司法局核定的服务能力（${s.use === 'none' ? '未提交自评报告' : '尚未核定'}）`);
  if (s.measured) parts.push(`实际测得的部分也低于合格线 ${s.measured.pass} 分（现为 ${s.measured.score} 分）`);
  return `${GRADE_LABELS[s.grade]}需要${parts.join('，')}`;
}

/**
 * The evidence beside a public grade, missing evidence said plainly: "基于 37 条评价、2 次检查", "基于 2 次检查；
 * 本年度没有群众评价，服务能力未经核定".
 */
export function evidenceText(e: EvidenceCounts): string {
  const have: string[] = [];
  const lack: string[] = [];
  if (e.ratings > 0) have.push(`${e.ratings} 条评价`);
  else lack.push('本年度没有群众评价');
  if (e.findings > 0) have.push(`${e.findings} 次检查`);
  else lack.push('没有检查记录');
  if (e.use === 'none') lack.push('没有自评报告');
  else if (e.use === 'reported') lack.push('服务能力未经核定');
  const based = have.length ? `基于 ${have.join('、')}` : '';
  return [based, lack.join('，')].filter(Boolean).join('；');
}

/** 证据不足: what the bureau may decide for a product whose evidence meets no grade its score reaches. */
export const INSUFFICIENT_DECISIONS = ['grade', 'carry-over', 'no-grade'] as const;
export type InsufficientDecision = (typeof INSUFFICIENT_DECISIONS)[number];
export const INSUFFICIENT_DECISION_LABELS: Record<InsufficientDecision, string> = {
  grade: '按现有证据定等次',
  'carry-over': '沿用上年等次',
  'no-grade': '本年度不定等次',
};
export const INSUFFICIENT_LABEL = '证据不足';

export interface DecisionRecord {
  decision: InsufficientDecision;
  reason: string;
  decidedOn: string;
  decidedAt: string;
  /**
   * What the bureau decided on: a recompute that changes the product's evidence or the grade its score reaches drops the
   * decision (it is asked again); a score that moves within its grade (the city's levels moved) keeps it.
   */
  basis: { score: number; scoreGrade: Grade; evidence: EvidenceCounts };
  /** carry-over: the published grade carried from an earlier year. */
  carried?: { year: number; grade: Grade; score: number };
}

/**
 * The grade in force: the evidenced grade; for an insufficient one, the bureau's decision (按现有证据: the score's
 * grade, never 不合格; 沿用: the carried grade; 不定等次 or undecided: none).
 */
export function gradeInForce(scoreGrade: Grade, evidenced: Grade | null, decision: DecisionRecord | null): Grade | null {
  if (evidenced) return evidenced;
  if (decision?.decision === 'grade' && scoreGrade !== 'fail') return scoreGrade;
  if (decision?.decision === 'carry-over') return decision.carried?.grade ?? null;
  return null;
}

/** What a product shows for a published result with a grade (a carried grade keeps the score it was earned with). */
export function productGradeOf(r: Pick<AssessmentResultDoc, 'year' | 'grade' | 'score' | 'decision'>): { year: number; grade: Grade; score: number; carriedFrom?: number } | null {
  if (!r.grade) return null;
  const carried = r.decision?.decision === 'carry-over' ? r.decision.carried : undefined;
  return carried ? { year: r.year, grade: r.grade, score: carried.score, carriedFrom: carried.year } : { year: r.year, grade: r.grade, score: r.score };
}

/** A result's grade in words: 良好; 良好（证据不足，按现有证据定等次）; 沿用 2025 年度等次：良好; 证据不足，本年度不定等次. */
export function gradeText(r: { grade: Grade | null; decision?: Pick<DecisionRecord, 'decision' | 'carried'> | null }): string {
  if (r.decision?.decision === 'carry-over' && r.decision.carried) return `沿用 ${r.decision.carried.year} 年度等次：${GRADE_LABELS[r.decision.carried.grade]}`;
  if (r.grade) return r.decision?.decision === 'grade' ? `${GRADE_LABELS[r.grade]}（${INSUFFICIENT_LABEL}，按现有证据定等次）` : GRADE_LABELS[r.grade];
  return r.decision?.decision === 'no-grade' ? `${INSUFFICIENT_LABEL}，本年度不定等次` : INSUFFICIENT_LABEL;
}

/** Whether the year's score stands beside the grade (not for a carried grade, nor for no grade). */
export const showsScore = (r: { grade: Grade | null; decision?: Pick<DecisionRecord, 'decision'> | null }) => r.grade !== null && r.decision?.decision !== 'carry-over';

export type ResultStatus = 'draft' | 'confirmed' | 'published';

/** The contract other areas read (issues 12 and 13): one per `<year>:<productId>`; readers use only published ones. */
export interface AssessmentResultDoc {
  _id: string;
  year: number;
  productId: string;
  orgId: string | null;
  productName: string;
  category: Category;
  score: number;
  /** The grade in force (`gradeInForce`); null: 证据不足 (undecided, or decided 不定等次). */
  grade: Grade | null;
  /** The grade the score alone reaches. */
  scoreGrade: Grade;
  /** True when the evidence meets no grade the score reaches (证据不足): the bureau must decide before confirming. */
  insufficient: boolean;
  /** What the result rests on, counted from its inputs. */
  evidence: EvidenceCounts;
  /** What the grades tried lacked (empty when the score's own grade is evidenced). */
  shortfalls: Shortfall[];
  /** The bureau's decision for an insufficient result. */
  decision: DecisionRecord | null;
  status: ResultStatus;
  documentNumber?: string;
  publishedAt?: string;
  /**
   * `satisfied`/`n`: counted ratings this year and how many at 满意 or above (满意率 = satisfied / n, the one
   * definition); `rate`, `low`, `high`: the shrunk share the satisfaction score uses and its 90% interval.
   */
  satisfaction: { rate: number | null; n: number; satisfied?: number; low?: number; high?: number };
  components: Component[];
  methodsUsed: Method[];
  computedAt: string;
}

/**
 * A result's 满意率 (the one definition, types/rating.ts) from its inputs: the year's counted ratings and how many at
 * 满意 or above. Null when unknown (a result stored before issue 21 without the count) or without ratings.
 */
export function resultSatisfaction(r: Pick<AssessmentResultDoc, 'satisfaction' | 'components'>): { n: number; satisfied: number | null; rate: number | null } {
  const satisfied = r.satisfaction.satisfied ?? (r.components ?? []).find((c) => c.key === 'satisfaction')?.inputs.satisfied ?? (r.satisfaction.n === 0 ? 0 : null);
  return { n: r.satisfaction.n, satisfied, rate: satisfied === null ? null : satisfactionRate(satisfied, r.satisfaction.n) };
}

/** A stored result's evidence (results written before issue 21 counted from their components). */
export function evidenceOf(r: Pick<AssessmentResultDoc, 'satisfaction' | 'components' | 'methodsUsed'> & { evidence?: EvidenceCounts }): EvidenceCounts {
  if (r.evidence) return r.evidence;
  const findings = (r.components ?? []).filter((c) => c.key.startsWith('inspection.')).reduce((a, c) => a + (c.inputs.findingIds?.length ?? 0), 0);
  const use = (r.components ?? []).find((c) => c.key === 'use');
  return { ratings: r.satisfaction.n, findings, methods: r.methodsUsed ?? [], use: use?.inputs.selfReportId ? 'reported' : 'none' };
}

export const resultId = (year: number, productId: string) => `${year}:${productId}`;

export type CampaignStatus = 'open' | 'computed' | 'confirmed' | 'published';
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { open: '测评中', computed: '结果征求意见', confirmed: '已确认', published: '已公布' };

export interface ScopeEntry {
  productId: string;
  orgId: string | null;
  name: string;
  category: Category;
}

export interface CampaignDoc {
  /** The year as text. */
  _id: string;
  year: number;
  title: string;
  startsOn: string;
  endsOn: string;
  status: CampaignStatus;
  scheme: Scheme;
  /** Every product listed on `startsOn`. */
  scope: ScopeEntry[];
  openedAt: string;
  computedOn: string | null;
  /** Last day to appeal: `appealWorkingDays` working days after the first compute. */
  appealBy: string | null;
  /** The city-wide satisfied share the compute shrank toward (the prior's mean). */
  cityRate?: number | null;
  /** The city's level of every indicator at the last compute (what unmeasured ones stand at). */
  city?: CityLevels;
  confirmedAt: string | null;
  publishedAt: string | null;
  documentNumber: string | null;
}

export interface Evidence {
  fileId: string;
  name: string;
}

export interface FindingDoc {
  _id: string;
  year: number;
  productId: string;
  method: Method;
  on: string;
  score: number;
  notes: string;
  /** The checklist items the inspector ticked (keys of CHECKLISTS[method]). */
  checked: string[];
  evidence: Evidence[];
  supersedes: string | null;
  reason: string | null;
  appealId: string | null;
  recordedBy: string;
  recordedByOrgId: string | null;
  /** In what role it was recorded (absent on findings before issue 21: derived by `findingAuthorRole`). */
  recordedByRole?: FindingAuthorRole;
  recordedAt: string;
  /** Where a finding came from when not typed in by an assessor (issue 16: a purchasing unit's opinion). */
  source?: { kind: 'procurement'; id: string } | null;
}

/** Who may write findings: the bureau, an assessing organisation, a purchasing unit (its opinion). */
export type FindingAuthorRole = 'admin' | 'assessor' | 'purchaser';

export function findingAuthorRole(f: Pick<FindingDoc, 'recordedByRole' | 'source' | 'recordedByOrgId'>): FindingAuthorRole {
  return f.recordedByRole ?? (f.source?.kind === 'procurement' ? 'purchaser' : f.recordedByOrgId ? 'assessor' : 'admin');
}

/**
 * A finding's author: the bureau as one, else the role and the organisation. Only the author supersedes its own
 * findings, and each author has at most one finding in force per (product, method): one chain each.
 */
export function findingAuthor(f: Pick<FindingDoc, 'recordedByRole' | 'source' | 'recordedByOrgId'>): string {
  const role = findingAuthorRole(f);
  return role === 'admin' ? 'admin' : `${role}:${f.recordedByOrgId}`;
}

/** The chain's head (in `counters`): the author's finding in force for (year, product, method). */
export const findingHeadId = (f: Pick<FindingDoc, 'year' | 'productId' | 'method' | 'recordedByRole' | 'source' | 'recordedByOrgId'>) => `findingHead:${f.year}:${f.productId}:${f.method}:${findingAuthor(f)}`;

export interface AssignmentDoc {
  /** `<year>:<assessorOrgId>` */
  _id: string;
  year: number;
  assessorOrgId: string;
  productIds: string[];
  updatedAt: string;
}

export interface SelfReportDoc {
  /** `<year>:<productId>` */
  _id: string;
  year: number;
  productId: string;
  orgId: string;
  servedCount: number;
  capacity: number | null;
  summary: string;
  evidence: Evidence[];
  reportedBy: string;
  reportedAt: string;
  /**
   * The bureau's acceptance of the capacity (the reported one, or adjusted), with its reason: usage is measured only
   * against it. A new report with another served count or capacity clears it.
   */
  accepted?: { capacity: number; reason: string; by: string | null; at: string } | null;
}

export type AppealStatus = 'pending' | 'accepted' | 'rejected';
export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = { pending: '待处理', accepted: '已采纳', rejected: '未采纳' };

export interface AppealDoc {
  /** `<year>:<productId>`: one appeal per product per year. */
  _id: string;
  year: number;
  productId: string;
  orgId: string;
  reason: string;
  evidence: Evidence[];
  filedBy: string;
  filedOn: string;
  status: AppealStatus;
  decision: { reason: string; decidedOn: string; findingId: string | null } | null;
}

/** Score at two decimals. */
export const to2 = (x: number) => Math.round(x * 100) / 100;
