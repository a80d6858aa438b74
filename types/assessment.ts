/**
 * The yearly assessment (测评, regulation 三): each catalogue product's year judged by its users' satisfaction, the
 * bureau's inspections and its use, and given one of four grades (优秀、良好、合格、不合格). The seed names the six
 * methods but no numbers: the weights, thresholds and checklists below are the defaults, versioned by year; the bureau
 * may change a year's scheme before the campaign opens (`assessments.setScheme`, audited). Every page, the compute,
 * the invariant checker and the tests draw from this one definition.
 */
import type { Category } from './domain';

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

export interface Scheme {
  year: number;
  indicators: Indicator[];
  thresholds: GradeThresholds;
  /**
   * Satisfaction is the share of ratings at `satisfiedMinLevel` or above (4 = 满意: "基本满意" does not count, which
   * alone lifts the ceiling of 99% satisfied), shrunk toward the city-wide share with a Beta prior worth
   * `priorStrength` ratings: rate = (satisfied + m·p₀) / (n + m). Three happy ratings never beat three hundred.
   */
  satisfiedMinLevel: 3 | 4 | 5;
  priorStrength: number;
  /** Working days after the draft results for the provider to appeal. */
  appealWorkingDays: number;
}

export const DEFAULT_SCHEME: Omit<Scheme, 'year'> = {
  indicators: [
    { key: 'satisfaction', weight: 40 },
    { key: 'inspection', weight: 40, methodWeights: { ledger: 20, 'case-files': 20, 'phone-callback': 15, 'third-party': 20, mystery: 15, purchaser: 10 } },
    { key: 'cases', weight: 10 },
    { key: 'use', weight: 10 },
  ],
  thresholds: { excellent: 90, good: 80, pass: 60 },
  satisfiedMinLevel: 4,
  priorStrength: 20,
  appealWorkingDays: 5,
};

export const defaultScheme = (year: number): Scheme => ({ year, ...structuredClone(DEFAULT_SCHEME) });

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
  return out;
}

/** The prior's share: the city-wide satisfied share this year (0.9 before any rating exists). */
export const FALLBACK_CITY_RATE = 0.9;
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
  /** 0..100; null when there was nothing to score it with (then `missing` is true and its weight went to the others). */
  score: number | null;
  missing: boolean;
  inputs: {
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
    capacity?: number;
    summaryId?: string;
  };
  note?: string;
}

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
  grade: Grade;
  status: ResultStatus;
  documentNumber?: string;
  publishedAt?: string;
  satisfaction: { rate: number | null; n: number; low?: number; high?: number };
  components: Component[];
  methodsUsed: Method[];
  computedAt: string;
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
  recordedAt: string;
  /** Where a finding came from when not typed in by an assessor (issue 16: a purchasing unit's opinion). */
  source?: { kind: 'procurement'; id: string } | null;
}

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
