/**
 * The scoring rubric (附件2 《杭州市公共法律服务产品评审标准》, 100 points) as data. Item keys are the specification's
 * field keys, so the reviewer reads the field beside the item that scores it. The scoring page, validation, results
 * and the printed sheet all draw from this one definition.
 */
import type { PurchaseMethod } from './domain';

export interface RubricBand {
  min: number;
  max: number;
  text: string;
}

export interface RubricItem {
  /** The specification field it scores (or `completeness` for the whole declaration). */
  key: string;
  /** The seed's five aspects (plus purchase method and completeness). */
  aspect: string;
  label: string;
  max: number;
  hint?: string;
  bands: RubricBand[];
  /** Purchase method only: the one band the declared method allows. */
  byPurchaseMethod?: Record<PurchaseMethod, { min: number; max: number }>;
}

const b = (min: number, max: number, text: string): RubricBand => ({ min, max, text });

export const RUBRIC: RubricItem[] = [
  {
    key: 'purchaseMethod',
    aspect: '购买方式',
    label: '购买方式',
    max: 12,
    bands: [b(12, 12, '免费服务'), b(4, 10, '政府补贴'), b(4, 8, '政府购买'), b(2, 4, '按标准付费'), b(0, 6, '其他方式')],
    byPurchaseMethod: { free: { min: 12, max: 12 }, subsidy: { min: 4, max: 10 }, 'government-purchase': { min: 4, max: 8 }, 'standard-fee': { min: 2, max: 4 }, other: { min: 0, max: 6 } },
  },
  { key: 'provider.expertise', aspect: '提供主体的专业性', label: '业务掌握程度', max: 5, hint: '服务提供者需具备怎么程度的专业资质、从业经历等', bands: [b(4, 5, '描述详细，业务熟练程度高'), b(3, 4, '描述基本清楚，业务熟练程度一般'), b(0, 3, '描述不清，无业务要求或业务要求低')] },
  { key: 'provider.serviceRequirements', aspect: '提供主体的专业性', label: '服务要求', max: 5, hint: '服务语言、服装仪态、服务对象反馈等', bands: [b(4, 5, '服务要求详细规范'), b(2, 3, '服务要求有一般规定'), b(0, 2, '服务要求无或者不具体规范')] },
  { key: 'provider.coverage', aspect: '提供主体的专业性', label: '提供主体的范围及数量', max: 3, hint: '基于对各类服务的需求程度的满足程度', bands: [b(3, 3, '范围广泛、数量足够满足服务需求'), b(1, 2, '范围较广，数量基本满意服务需求'), b(0, 1, '范围狭窄，数量不能满意服务需求')] },
  { key: 'provider.training', aspect: '提供主体的专业性', label: '人员培训情况', max: 2, hint: '职业培训的频次、内容、覆盖面等', bands: [b(2, 2, '有明确培训要求，培训内容及频次得当'), b(1, 1, '有培训要求，培训安排一般'), b(0, 0, '无培训要求')] },
  { key: 'content.audience', aspect: '服务内容的实用性', label: '产品服务的对象', max: 4, bands: [b(3, 4, '服务对象明确且广泛'), b(2, 3, '服务对象明确但范围较窄'), b(0, 1, '服务对象不太明确')] },
  { key: 'content.basis', aspect: '服务内容的实用性', label: '产品设计的依据', max: 2, bands: [b(2, 2, '依据充分'), b(1, 1, '有一定依据'), b(0, 0, '无依据')] },
  { key: 'content.problemSolved', aspect: '服务内容的实用性', label: '产品设计重点解决的问题', max: 6, hint: '可以从服务民生、服务法治环境打造等角度分析', bands: [b(5, 6, '符合市场需求且具有公益性'), b(2, 4, '产品有一定市场需求，且有一定公益性'), b(0, 2, '产品市场需求一般，公益性不强或属于市场调整范畴')] },
  { key: 'content.channels', aspect: '服务内容的实用性', label: '产品获得的渠道', max: 4, bands: [b(3, 4, '多种渠道，获取方便'), b(1, 3, '渠道不多，获取便捷程度一般'), b(0, 1, '渠道单一，获取不便')] },
  { key: 'content.frequency', aspect: '服务内容的实用性', label: '产品服务的周期频次', max: 4, bands: [b(3, 4, '服务周期长，多频次'), b(2, 3, '服务有一定延续性'), b(1, 1, '单次服务')] },
  { key: 'management.rules', aspect: '服务管理的规范性', label: '管理制度', max: 2, bands: [b(2, 2, '制度健全'), b(1, 1, '有制度，内容较规范'), b(0, 0, '无制度')] },
  { key: 'management.process', aspect: '服务管理的规范性', label: '服务流程', max: 2, bands: [b(2, 2, '流程科学合理'), b(1, 1, '流程较合理'), b(0, 0, '无流程')] },
  { key: 'management.publicGuide', aspect: '服务管理的规范性', label: '相关政策、服务指南面向公众的公布情况', max: 2, bands: [b(2, 2, '有服务指南，政策信息公开做得好'), b(1, 1, '做得较好'), b(0, 0, '无公开事项')] },
  { key: 'management.records', aspect: '服务管理的规范性', label: '服务记录保存的及时性、完整性、准确性', max: 6, hint: '可量化考核服务记录情况，如，明确服务记录的模板', bands: [b(5, 6, '服务台帐完整、可量化指标，有可操作性'), b(2, 4, '服务有台帐，有量化指标有一定操作性'), b(1, 2, '台帐简单，无量化指标，操作性不强')] },
  { key: 'management.qualityControl', aspect: '服务管理的规范性', label: '服务质量监管机制', max: 8, bands: [b(6, 8, '有严格的质量监管机制和投诉处理办法'), b(3, 5, '有基本的质量监管制度和投诉处理办法'), b(1, 3, '质量监管较宽松，投诉处理不规范')] },
  { key: 'efficiency.indicators', aspect: '服务过程的高效性', label: '针对产品服务标准制定个性评价指标', max: 14, hint: '具体描述服务所要达到的效果可量化评价指标', bands: [b(10, 14, '有详细服务标准及评价指标体系，操作性强'), b(5, 9, '有服务标准及评价指标体系，操作性一般'), b(1, 4, '有简单的服务标准和评价要求，操作性不强')] },
  { key: 'satisfaction.satisfaction', aspect: '服务结果的满意度', label: '服务过程及结束后服务对象满意度', max: 7, hint: '量化指标，满意率、续约率、活动参与率、意见采纳率、投诉率等等', bands: [b(6, 7, '有设置服务满意度指标，直观反映服务质量'), b(3, 5, '有设置服务满意度指标，但不能全面反映服务质量'), b(1, 2, '有设置服务满意度指标，不能反应服务质量')] },
  { key: 'satisfaction.benefit', aspect: '服务结果的满意度', label: '产品投入产出效益分析', max: 7, hint: '产品投入成本，产生的社会效益、经济效益，产品实施的社会价值', bands: [b(6, 7, '效益分析详实，社会效果明显'), b(3, 5, '效益分析基本合规，有一定社会效果'), b(1, 2, '效益分析不到位，社会效果体现不足')] },
  { key: 'completeness', aspect: '申报材料的完整度', label: '申报材料的完整度', max: 5, bands: [b(5, 5, '材料完整详细'), b(3, 4, '材料基本完整'), b(1, 2, '材料不太完整')] },
];

export const RUBRIC_KEYS = RUBRIC.map((i) => i.key);
export const RUBRIC_TOTAL = RUBRIC.reduce((s, i) => s + i.max, 0);
/**
 * 达标分数线为80分. Section 三 says a product 达到评审基本分 may be proposed, section 四 says 超过达标分数线: we read
 * 达标 ("reaching the standard") and 达到 as the rule, so an average of exactly 80 passes (79.99 does not).
 */
export const PASS_MARK = 80;
/** The panel's total of the sheets' totals against the pass mark: average ≥ PASS_MARK, compared without dividing. */
export function meetsPassMark(sumOfTotals: number, sheets: number): boolean {
  return sumOfTotals >= PASS_MARK * sheets;
}
/** A sheet this far from the panel's median total is flagged for discussion before confirming. */
export const OUTLIER_DISTANCE = 15;

/** An item's floor: its lowest band's lower bound (附件2 gives 单次服务 1 分, never 0, for 周期频次, and so on). */
export function itemMin(item: RubricItem): number {
  return Math.min(...item.bands.map((band) => band.min));
}

/** The range an item may take for a declaration: the purchase method's band, or the item's floor to its maximum. */
export function allowedRange(item: RubricItem, purchaseMethod: PurchaseMethod | undefined): { min: number; max: number } {
  if (item.byPurchaseMethod && purchaseMethod) return item.byPurchaseMethod[purchaseMethod];
  return { min: itemMin(item), max: item.max };
}

/** Scores move in whole or half points (整数或 0.5 分), and only inside a band of attachment 2. */
export const SCORE_STEP = 0.5;

/**
 * Every value an item may take for a declaration: steps of SCORE_STEP inside the allowed range that belong to some
 * band of the item (附件2: 服务要求 has 0–2, 2–3 and 4–5, so 3.5 belongs to none and is not offered or accepted).
 */
export function allowedValues(item: RubricItem, purchaseMethod: PurchaseMethod | undefined): number[] {
  const { min, max } = allowedRange(item, purchaseMethod);
  const out: number[] = [];
  for (let steps = Math.round(min / SCORE_STEP); steps * SCORE_STEP <= max; steps++) {
    const v = steps * SCORE_STEP;
    if (item.bands.some((b) => v >= b.min && v <= b.max)) out.push(v);
  }
  return out;
}

/** The values in words: runs of consecutive steps as `a–b`, lone values by themselves (`0–3、4–5`, `0、1、2`). */
export function describeValues(values: number[]): string {
  const runs: [number, number][] = [];
  for (const v of values) {
    const last = runs[runs.length - 1];
    if (last && v - last[1] === SCORE_STEP) last[1] = v;
    else runs.push([v, v]);
  }
  const text = runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join('、');
  return runs.some(([a, b]) => a !== b) ? `${text} 分（整数或 0.5 分）` : `${text} 分`;
}

/** Why a value cannot be given to an item (in the scorer's words), or null when it is one of its allowed values. */
export function scoreProblem(item: RubricItem, value: number, purchaseMethod: PurchaseMethod | undefined): string | null {
  const values = allowedValues(item, purchaseMethod);
  if (values.includes(value)) return null;
  const { min, max } = allowedRange(item, purchaseMethod);
  if (value < min || value > max) return item.byPurchaseMethod && purchaseMethod ? `申报的购买方式只能得 ${min}–${max} 分` : `“${item.label}”应在 ${min}–${max} 分之间`;
  return `“${item.label}”的 ${value} 分不在附件2的任何一档内，只能打 ${describeValues(values)}`;
}

/** The seed's three attributes every panel member judges (四、评审标准). */
export const ATTRIBUTES = ['public', 'legal', 'service'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];
export const ATTRIBUTE_LABELS: Record<Attribute, { label: string; hint: string }> = {
  public: { label: '公共属性', hint: '是否均等普惠共享，是否属于基本保障，需要政府托底' },
  legal: { label: '法律属性', hint: '是否属于法律事务、法治保障等内容范畴，是否有助于树立法治意识、弘扬法治精神' },
  service: { label: '服务属性', hint: '是否符合公益特征，产品内容是否可量化、可评估，能让群众看得见，摸得着，用得上' },
};
export const JUDGEMENTS = ['meets', 'doubtful', 'fails'] as const;
export type Judgement = (typeof JUDGEMENTS)[number];
export const JUDGEMENT_LABELS: Record<Judgement, string> = { meets: '符合', doubtful: '存疑', fails: '不符合' };

export const EXPERT_KINDS = ['industry-authority', 'academic', 'performance-management'] as const;
export type ExpertKind = (typeof EXPERT_KINDS)[number];
export const EXPERT_KIND_LABELS: Record<ExpertKind, string> = {
  'industry-authority': '法律服务行业主管部门负责人',
  academic: '院校专家教授',
  'performance-management': '政府部门绩效管理专家',
};
