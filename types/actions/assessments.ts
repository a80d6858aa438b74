import * as z from 'zod';
import { dateField, yearField } from '../dates';
import { CATEGORIES } from '../domain';
import {
  CHECKLISTS,
  DEFAULT_SCHEME,
  GRADES,
  INDICATORS,
  INSUFFICIENT_DECISIONS,
  METHODS,
  evidenceProblems,
  schemeProblems,
  type AppealDoc,
  type AssessmentResultDoc,
  type CampaignStatus,
  type DecisionRecord,
  type EvidenceCounts,
  type FindingAuthorRole,
  type FindingDoc,
  type Grade,
  type Method,
  type Scheme,
  type ScopeEntry,
  type Shortfall,
} from '../assessment';
import { SATISFACTION_NAME, SATISFIED_MIN_LEVEL } from '../rating';
import type { Category } from '../domain';
import { bulkIds, type BulkResult } from '../bulk';

const year = yearField('测评年度', 2018);
const productId = z.string({ error: '缺少产品编号' }).min(1, '缺少产品编号').max(64, '产品编号不正确');
const date = (what: string) => dateField(what, '2026-11-20');
const method = z.enum(METHODS, { error: '测评方式应为查看工作台帐、抽查办案卷宗、电话回访、第三方调查、明查暗访或听取采购单位意见' });
const score = z.number({ error: '请给出 0 到 100 的得分' }).min(0, '得分应在 0 到 100 之间').max(100, '得分应在 0 到 100 之间').multipleOf(0.01, '得分最多保留两位小数');
const evidence = z
  .array(z.strictObject({ fileId: z.string().min(1, '缺少文件编号').max(300), name: z.string().trim().min(1, '缺少文件名').max(100, '文件名不能超过 100 字') }), { error: '证据应为已上传文件的列表' })
  .max(20, '证据最多 20 个文件')
  .default([]);
const reason = (what: string) => z.string({ error: `请写明${what}` }).trim().min(5, `请写明${what}（至少 5 个字）`).max(1000, `${what}不能超过 1000 字`);

const weight = z.number({ error: '权重应为数字' }).min(0, '权重不能为负').max(100, '权重不能超过 100');
const gradeEvidence = z.strictObject({
  minRatings: z.number({ error: '评价条数应为数字' }).int('评价条数应为整数').min(0, '评价条数不能为负').max(100_000, '评价条数不能超过 100000'),
  minMethods: z.number({ error: '测评方式数应为数字' }).int('测评方式数应为整数').min(0, '测评方式数不能为负').max(METHODS.length, `测评方式最多 ${METHODS.length} 种`),
  acceptedUse: z.boolean({ error: '请选择是否要求核定的服务能力' }),
});
const evidenceRules = z.strictObject({
  grades: z.strictObject({ excellent: gradeEvidence, good: gradeEvidence, pass: gradeEvidence, fail: gradeEvidence }),
  casesMinRatings: z.number({ error: '评价条数应为数字' }).int('评价条数应为整数').min(1, '至少 1 条评价').max(100_000, '评价条数不能超过 100000'),
  usePriorStrength: z.number({ error: '先验强度应为数字' }).min(0, '先验强度不能为负').max(100_000, '先验强度不能超过 100000'),
});
export const schemeBody = z
  .strictObject({
    indicators: z
      .array(
        z.strictObject({
          key: z.enum(INDICATORS, { error: '没有这个指标' }),
          weight,
          methodWeights: z.partialRecord(method, weight).optional(),
        }),
      )
      .min(1, '至少要有一项指标')
      .max(INDICATORS.length),
    thresholds: z.strictObject({ excellent: z.number().min(0).max(100), good: z.number().min(0).max(100), pass: z.number().min(0).max(100) }),
    satisfiedMinLevel: z.literal(SATISFIED_MIN_LEVEL, { error: `满意率全市统一按${SATISFACTION_NAME}计算，测评方案不能另定` }).default(SATISFIED_MIN_LEVEL),
    priorStrength: z.number().min(0, '先验强度不能为负').max(1000, '先验强度不能超过 1000'),
    appealWorkingDays: z.number().int().min(1, '申诉期至少 1 个工作日').max(30, '申诉期至多 30 个工作日'),
    evidence: evidenceRules.default(() => structuredClone(DEFAULT_SCHEME.evidence)),
  })
  .superRefine((s, ctx) => {
    const body = s as Omit<Scheme, 'year'>;
    const ofEvidence = new Set(evidenceProblems(body));
    for (const message of schemeProblems(body)) ctx.addIssue({ code: 'custom', message, path: [ofEvidence.has(message) ? 'evidence' : 'indicators'] });
  });

export const schemeInput = z.strictObject({ year });
export const setSchemeInput = z.strictObject({ year, scheme: schemeBody, reason: reason('修改理由') });
export const openInput = z
  .strictObject({
    year,
    title: z.string({ error: '请填写测评名称' }).trim().min(4, '测评名称至少 4 个字').max(60, '测评名称不能超过 60 字'),
    startsOn: date('开始日期'),
    endsOn: date('结束日期'),
  })
  .refine((v) => v.endsOn >= v.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] })
  .refine((v) => v.startsOn.startsWith(`${v.year}-`), { message: '开始日期应在测评年度内', path: ['startsOn'] });
export const assignInput = z.strictObject({
  year,
  assessorOrgId: z.string({ error: '请选择测评机构' }).min(1, '请选择测评机构').max(64),
  productIds: z.array(productId, { error: '请选择产品' }).min(1, '请至少选择一个产品').max(500, '一次最多分配 500 个产品'),
});
/**
 * Issue 22: selected products assigned to one assessing organisation (picked by name from `assessors`), each product
 * by `assign`'s own rules in its own transaction; a product outside the year's scope is refused and the others assigned.
 */
export const assignManyInput = z.strictObject({
  year,
  assessorOrgId: assignInput.shape.assessorOrgId,
  productIds: bulkIds('产品'),
});
/** The assessing organisations the bureau has invited (role 测评机构), by name; with `year`, how many products each holds. */
export const assessorsInput = z.strictObject({ year: year.optional() });
export interface AssessorView {
  orgId: string;
  name: string;
  /** Accounts bound to it through an invite (0: invited, not yet signed in). */
  accounts: number;
  /** With `year`: products assigned to it that year. */
  assigned: number | null;
}
export const recordFindingInput = z
  .strictObject({
    year,
    productId,
    method,
    on: date('测评日期'),
    score,
    notes: z.string({ error: '请记录测评情况' }).trim().min(5, '请记录测评情况（至少 5 个字）').max(2000, '测评情况不能超过 2000 字'),
    checked: z.array(z.string().max(40)).max(20).default([]),
    evidence,
    supersedes: z.string().min(1).max(64).optional(),
    reason: z.string().trim().max(1000).optional(),
  })
  .superRefine((v, ctx) => {
    const keys = new Set(CHECKLISTS[v.method].map((i) => i.key));
    v.checked.forEach((k, i) => {
      if (!keys.has(k)) ctx.addIssue({ code: 'custom', message: '这一项不在该测评方式的检查清单中', path: ['checked', i] });
    });
    if (v.supersedes && (v.reason ?? '').length < 5) ctx.addIssue({ code: 'custom', message: '更正以前的记录，请写明更正理由（至少 5 个字）', path: ['reason'] });
  });
export const selfReportInput = z.strictObject({
  year,
  productId,
  servedCount: z.number({ error: '请填写全年服务人次' }).int('服务人次应为整数').min(0, '服务人次不能为负').max(10_000_000, '服务人次过大，请核对'),
  capacity: z.number().int('服务能力应为整数').min(1, '年服务能力至少为 1').max(10_000_000, '服务能力过大，请核对').optional(),
  summary: z.string({ error: '请填写自评报告' }).trim().min(20, '自评报告至少 20 个字').max(5000, '自评报告不能超过 5000 字'),
  evidence,
});
export const yearInput = z.strictObject({ year });
export const findingsInput = z.strictObject({ year, productId });
export const appealInput = z.strictObject({ year, productId, reason: reason('申诉理由'), evidence });
export const decideAppealInput = z
  .strictObject({
    appealId: z.string({ error: '缺少申诉编号' }).min(1).max(80),
    accepted: z.boolean({ error: '请选择采纳或不采纳' }),
    reason: reason('处理理由'),
    finding: z.strictObject({ method, score, notes: z.string().trim().min(5, '请记录复核情况（至少 5 个字）').max(2000), supersedes: z.string().min(1).max(64).optional() }).optional(),
  })
  .refine((v) => !v.accepted || v.finding, { message: '采纳申诉时，请录入复核后的测评记录', path: ['finding'] });
export const confirmInput = z.strictObject({ year, reason: reason('确认说明') });
export const acceptCapacityInput = z.strictObject({
  year,
  productId,
  capacity: z.number({ error: '请填写核定的年服务能力' }).int('服务能力应为整数').min(1, '年服务能力至少为 1').max(10_000_000, '服务能力过大，请核对'),
  reason: reason('核定理由'),
});
export const decideInsufficientInput = z.strictObject({
  year,
  productId,
  decision: z.enum(INSUFFICIENT_DECISIONS, { error: '请选择：按现有证据定等次、沿用上年等次或本年度不定等次' }),
  reason: reason('决定理由'),
});
export const publishInput = z.strictObject({
  year,
  reason: reason('公布说明'),
  documentNumber: z.string({ error: '请填写文号' }).trim().regex(/^杭司〔\d{4}〕\d+号$/, '文号格式应为 杭司〔2026〕125号'),
});
export const resultsInput = z.strictObject({
  year,
  grade: z.enum(GRADES, { error: '等次应为优秀、良好、合格或不合格' }).optional(),
  category: z.enum(CATEGORIES, { error: '没有这个产品类别' }).optional(),
});
export const productHistoryInput = z.strictObject({ productId });

export const assessmentsSchemas = {
  scheme: schemeInput,
  setScheme: setSchemeInput,
  open: openInput,
  assign: assignInput,
  assignMany: assignManyInput,
  assessors: assessorsInput,
  progress: yearInput,
  myProducts: yearInput,
  findings: findingsInput,
  recordFinding: recordFindingInput,
  selfReport: selfReportInput,
  compute: yearInput,
  drafts: yearInput,
  mine: yearInput,
  appeal: appealInput,
  appeals: yearInput,
  decideAppeal: decideAppealInput,
  confirm: confirmInput,
  acceptCapacity: acceptCapacityInput,
  decideInsufficient: decideInsufficientInput,
  publish: publishInput,
  results: resultsInput,
  productHistory: productHistoryInput,
};

export interface CampaignView {
  year: number;
  title: string;
  startsOn: string;
  endsOn: string;
  status: CampaignStatus;
  appealBy: string | null;
  documentNumber: string | null;
  products: number;
}

/** A finding as assessors and the bureau read it: who recorded it stays in the audit trail. */
export type FindingView = Pick<FindingDoc, 'productId' | 'method' | 'on' | 'score' | 'notes' | 'checked' | 'evidence' | 'supersedes' | 'reason' | 'recordedAt'> & {
  findingId: string;
  supersededBy: string | null;
  /** In what role it was recorded (the bureau, an assessing organisation, a purchasing unit). */
  recordedAs: FindingAuthorRole;
  /** Whether the caller's organisation wrote it (and so may correct it: only an author corrects its findings). */
  mine: boolean;
};

/** A self-report as the bureau weighs it: the served count, the capacity reported and the one it accepted. */
export interface SelfReportView {
  servedCount: number;
  capacity: number | null;
  reportedAt: string;
  accepted: { capacity: number; reason: string; at: string } | null;
}

export interface ProgressRow extends ScopeEntry {
  /** Current (not superseded) findings per method. */
  findings: Record<Method, number>;
  selfReported: boolean;
  selfReport: SelfReportView | null;
  assessorOrgIds: string[];
  result: {
    score: number;
    grade: Grade | null;
    scoreGrade: Grade;
    insufficient: boolean;
    evidence: EvidenceCounts;
    shortfalls: Shortfall[];
    decision: DecisionRecord | null;
    status: string;
  } | null;
  appeal: AppealDoc['status'] | null;
}

export type ResultView = Omit<AssessmentResultDoc, '_id'>;

export interface PublicResult {
  productId: string;
  productName: string;
  category: Category;
  /** null: 证据不足 (the bureau decided 本年度不定等次). */
  grade: Grade | null;
  score: number;
  ratings: number;
  /**
   * `rate`: 满意率 (types/rating.ts, the one definition) of this year's ratings; `adjusted`, `low`, `high`: the shrunk
   * share the satisfaction score uses, and its 90% interval.
   */
  satisfaction: { rate: number | null; satisfied: number | null; adjusted: number | null; low?: number; high?: number };
  methodsUsed: Method[];
  /** What the grade rests on (counted from the result's inputs). */
  evidence: EvidenceCounts;
  /** For a product that was 证据不足: what the bureau decided (the reason stays in the audit trail). */
  decision: { decision: DecisionRecord['decision']; carried?: DecisionRecord['carried'] } | null;
  documentNumber: string;
}

/** One published year of a product (its history). */
export interface HistoryRow {
  year: number;
  grade: Grade | null;
  score: number;
  ratings: number;
  evidence: EvidenceCounts;
  decision: PublicResult['decision'];
  documentNumber: string;
}

export type AppealView = Omit<AppealDoc, '_id'> & { appealId: string; productName: string };

export interface AssessmentsApi {
  scheme: [z.input<typeof schemeInput>, { scheme: Scheme; fixed: boolean }];
  setScheme: [z.input<typeof setSchemeInput>, { scheme: Scheme }];
  open: [z.input<typeof openInput>, CampaignView];
  assign: [z.input<typeof assignInput>, { assessorOrgId: string; productIds: string[] }];
  assignMany: [z.input<typeof assignManyInput>, BulkResult];
  assessors: [z.input<typeof assessorsInput>, { assessors: AssessorView[] }];
  progress: [z.input<typeof yearInput>, { campaign: CampaignView; scheme: Scheme; rows: ProgressRow[] }];
  myProducts: [z.input<typeof yearInput>, { campaign: CampaignView; products: (ScopeEntry & { findings: Record<Method, number> })[] }];
  findings: [z.input<typeof findingsInput>, { findings: FindingView[] }];
  recordFinding: [z.input<typeof recordFindingInput>, FindingView];
  selfReport: [z.input<typeof selfReportInput>, { productId: string; servedCount: number; reportedAt: string }];
  compute: [z.input<typeof yearInput>, { computed: number; insufficient: number; appealBy: string; cityRate: number | null }];
  drafts: [z.input<typeof yearInput>, { campaign: CampaignView; results: ResultView[] }];
  mine: [
    z.input<typeof yearInput>,
    { campaign: CampaignView | null; products: (ScopeEntry & { selfReported: boolean; selfReport: SelfReportView | null })[]; results: ResultView[]; appeals: AppealView[] },
  ];
  appeal: [z.input<typeof appealInput>, AppealView];
  appeals: [z.input<typeof yearInput>, { appeals: AppealView[] }];
  decideAppeal: [z.input<typeof decideAppealInput>, { appeal: AppealView; result: ResultView }];
  confirm: [z.input<typeof confirmInput>, CampaignView];
  acceptCapacity: [z.input<typeof acceptCapacityInput>, { productId: string; servedCount: number; reportedCapacity: number | null; acceptedCapacity: number }];
  decideInsufficient: [z.input<typeof decideInsufficientInput>, ResultView];
  publish: [z.input<typeof publishInput>, CampaignView];
  results: [z.input<typeof resultsInput>, { published: boolean; year: number; documentNumber: string | null; items: PublicResult[] }];
  productHistory: [z.input<typeof productHistoryInput>, { history: HistoryRow[] }];
}
