/** Expert review (评估): the pool, panels, scoresheets and results, as stored and as shown. */
import { ATTRIBUTES, ATTRIBUTE_LABELS, PASS_MARK, type Attribute, type ExpertKind, type Judgement } from './rubric';

/**
 * 根据需要选取5至7名专家库成员组成评审组 (三、评估): the panel's size, at the draw and whenever a result is computed or
 * confirmed; the schema and the invariants read these two numbers.
 */
export const PANEL_SIZE = { min: 5, max: 7 } as const;

/** 过半数: strictly more than half (3 of 6 is half, not more; 4 of 6 is). The one majority rule of the review. */
export const isMajority = (count: number, of: number): boolean => count * 2 > of;
/** The fewest members that are more than half of a panel of `n`. */
export const majorityOf = (n: number): number => Math.floor(n / 2) + 1;

export type AttributeCounts = { meets: number; doubtful: number; fails: number };
/**
 * 评审组……要严格审查产品的公共性、法律性、服务性等属性 (四、评审标准): the judgement is the panel's, not one member's.
 * An attribute is found when more than half of the panel judges it 符合; 存疑 is not 符合, so a strict review needs
 * the majority's positive finding. One member's 不符合 does not veto; it stays in the record with its reason.
 */
export const attributeFound = (counts: AttributeCounts, panelSize: number): boolean => isMajority(counts.meets, panelSize);

const sizesText = () =>
  Array.from({ length: PANEL_SIZE.max - PANEL_SIZE.min + 1 }, (_, i) => PANEL_SIZE.min + i)
    .map((n) => `${n} 人的评审组至少 ${majorityOf(n)} 人`)
    .join('，');

/** The review's rules as the public criteria page and the expert's scoring page state them (plain Chinese, from the data above). */
export const REVIEW_RULES = {
  panel: `每份申报从评审专家库中随机抽取 ${PANEL_SIZE.min} 至 ${PANEL_SIZE.max} 名专家组成评审组，与申报单位、推荐单位有利害关系的专家回避；评审组成员对照评审标准独立打分，分数在全部成员提交前谁也看不到。`,
  scores: '每项按附件2的档次打分：先选符合的一档，再在档内打整数或 0.5 分；不在任何一档内的分值（例如“服务要求”的 3.5 分）不能打。',
  attributes: `评审组严格审查产品的${ATTRIBUTES.map((a) => ATTRIBUTE_LABELS[a].label).join('、')}：每位成员对每项属性判断“符合”“存疑”或“不符合”，存疑或不符合的须写明理由。每项属性都须经评审组过半数成员判断为“符合”（${sizesText()}）；有一项达不到，不论分数多高，都不能拟定。个别成员判断“不符合”不单独否决，但连同理由记入评审报告。`,
  confirmation: `全部成员提交评分后计算平均分：平均分达到 ${PASS_MARK} 分（含 ${PASS_MARK} 分）且三项属性都经过半数成员认定“符合”的，为达标。评审结果须经评审组过半数成员同意（恰好一半不算过半数，${sizesText()}），市司法局才能确认为拟定产品；不同意的成员须写明理由，记入评审报告。`,
} as const;

export interface ExpertDoc {
  _id: string;
  name: string;
  organisation: string;
  kind: ExpertKind;
  title: string;
  specialties: string[];
  phone: string;
  active: boolean;
  /** The account bound through the invite, once redeemed. */
  userId: string | null;
  createdAt: string;
  /** Organisations the expert declared a conflict of interest with (本人申报回避): never drawn for their declarations. */
  declaredConflicts?: DeclaredConflict[];
  /** Issue 21: when, by whom and why the bureau last took the expert out of the pool (kept after reactivation). */
  deactivated?: { at: string; by: string | null; reason: string } | null;
}

export interface DeclaredConflict {
  orgId: string;
  reason: string;
  at: string;
}

/** Why an expert was left out of a draw (回避), as codes with the label the panel record shows. */
export const CONFLICT_REASONS = {
  'account-applicant': '专家账号绑定的单位就是申报单位',
  'account-recommender': '专家账号绑定的单位就是推荐单位',
  declared: '专家本人申报与该单位存在利害关系',
  name: '工作单位与申报单位或推荐单位同名',
} as const;
export type ConflictCode = keyof typeof CONFLICT_REASONS;
export interface Exclusion {
  expertId: string;
  code: ConflictCode;
  reason: string;
}

export interface Recusal {
  expertId: string;
  reason: string;
  at: string;
  by: string | null;
  replacedBy: string;
}

/**
 * Issue 21: a member who left an open panel because the bureau took them out of the pool (setExpertActive false).
 * Their sheet, whatever its state, no longer counts: the result is the panel's as it stands (see `settleResult`).
 */
export interface Departure {
  expertId: string;
  at: string;
  by: string | null;
  reason: string;
  /** Where their sheet stood when they left (kept on record, not counted). */
  sheet: 'none' | 'draft' | 'submitted';
  /** The expert the bureau called to take the seat (callReserve), once called. */
  replacedBy: string | null;
}

/** Issue 21: a reserve the bureau called into a panel, from the draw's reserves or, when none is left eligible, a new draw. */
export interface ReserveCall {
  expertId: string;
  replaces: string;
  from: 'reserves' | 'pool';
  /** The seed of a new draw from the pool (null when taken from the reserves in their drawn order). */
  seed: string | null;
  /** The eligible pool it was drawn from, after the same conflict rules as the draw (`exclusionOf`). */
  pool: string[];
  at: string;
  by: string | null;
  reason: string;
}

export interface PanelDoc {
  /** The declaration's id: one panel per declaration. */
  _id: string;
  members: string[];
  reserves: string[];
  /** The seed and the eligible pool (sorted) it was drawn from: enough to redo the draw and check it. */
  seed: string;
  pool: string[];
  /** Every active expert left out, and why. */
  excluded: Exclusion[];
  drawnAt: string;
  recusals: Recusal[];
  /** Members whose sheets are submitted; when it equals `members`, the result is computed once. */
  submitted: string[];
  /** Scoring deadline (评分截止日), set at the draw (types/notify.ts SCORING_WORKING_DAYS); older panels have none. */
  dueOn?: string;
  /** Issue 13: each member's confirmation of the result (经评审组最终确认); cleared when a sheet is reopened. */
  confirmations?: PanelConfirmation[];
  /** Issue 21: members who left while the review was open, and the reserves the bureau called. */
  departures?: Departure[];
  reserveCalls?: ReserveCall[];
}

export interface PanelConfirmation {
  expertId: string;
  agree: boolean;
  note: string;
  at: string;
}

/** A panel member asks for more material (评审组可要求进一步提供材料); the bureau forwards or declines it. */
export interface AskDoc {
  _id: string;
  declarationId: string;
  expertId: string;
  /** The rubric item it concerns, to show it beside that item; null for the declaration as a whole. */
  itemKey: string | null;
  note: string;
  askedAt: string;
  status: 'asked' | 'forwarded' | 'declined';
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string;
  /** The material request it became, once forwarded. */
  requestId: string | null;
}

/** What a panel member (or the bureau) sees of an ask, with the applicant's answer once it comes. */
export interface AskView {
  askId: string;
  itemKey: string | null;
  note: string;
  askedAt: string;
  status: AskDoc['status'];
  reason: string;
  /** The caller asked it (experts never see which colleague asked the others). */
  mine: boolean;
  dueOn: string | null;
  answer: { text: string; attachments: { name: string; fileId: string }[]; suppliedAt: string } | null;
}

/** 评审会: the slot where the applicant presents and answers the experts' questions, and the notes taken. */
export interface MeetingDoc {
  /** The declaration's id: one slot per declaration. */
  _id: string;
  at: string;
  place: string;
  onlineLink: string | null;
  presentMinutes: number;
  notes: string | null;
  notesAt: string | null;
  scheduledAt: string;
}
export interface MeetingView {
  declarationId: string;
  at: string;
  place: string;
  onlineLink: string | null;
  presentMinutes: number;
  /** The bureau and the panel only. */
  notes?: string | null;
}

export type AttributeJudgements = { [A in Attribute]: Judgement } & { note?: string };

export interface ScoresheetDoc {
  /** `<declarationId>:<expertId>` */
  _id: string;
  declarationId: string;
  expertId: string;
  status: 'draft' | 'submitted';
  items: Record<string, number>;
  attributes: Partial<AttributeJudgements>;
  comment: string;
  /** Set on submission. */
  total: number | null;
  updatedAt: string;
  submittedAt: string | null;
  reopenings: { at: string; by: string | null; reason: string }[];
}

export interface ReviewResult {
  declarationId: string;
  sheets: number;
  /** Average of the totals, to two decimals (computed from exact half points). */
  average: number;
  median: number;
  stddev: number;
  itemAverages: Record<string, number>;
  totals: number[];
  attributes: Record<Attribute, { meets: number; doubtful: number; fails: number }>;
  /** Attributes not found by the panel (fewer than a majority judged them 符合, `attributeFound`): the product cannot be proposed. */
  failedAttributes: Attribute[];
  /** Totals further than OUTLIER_DISTANCE from the median, to discuss before confirming. */
  outliers: { sheet: number; total: number }[];
  passed: boolean;
  computedAt: string;
  confirmedAt: string | null;
  /** Issue 13, set on confirmation: the members' confirmations, and the dissent with its reasons. */
  confirmations?: PanelConfirmation[];
  dissent?: { expertId: string; note: string }[];
}

/**
 * Whether the bureau's confirmation (reviews.confirm, 经评审组最终确认) can succeed now: every sheet in, the result not
 * yet confirmed, and more than half of the current members agreeing. `reason` (Chinese) says what is missing.
 */
export interface CanConfirm {
  ok: boolean;
  reason?: string;
  /** Current members who agreed with the result. */
  agreed: number;
  /** Agreements needed: more than half of the members. */
  needed: number;
}

/** The panel's result as the bureau and the panel's members read it (reviews.result), with where confirmation stands. */
export interface ReviewResultView extends ReviewResult {
  canConfirm: CanConfirm;
  /** Members of the panel now. */
  members: number;
  /** Current members who disagreed (with reasons, kept for the report). */
  disagreed: number;
  /** A calling panel member's own agreement or dissent, if given (null for the bureau or before it is given). */
  mine: { agree: boolean; note: string; at: string } | null;
}

/** 主动公开评审结果: one confirmed declaration of the year, as anyone may read it. */
export interface PublicResultItem {
  declarationId: string;
  name: string;
  applicant: string;
  recommender: string | null;
  average: number;
  attributes: Record<Attribute, { meets: number; doubtful: number; fails: number }>;
  /** The panel, named once the result is confirmed (never before). */
  experts: string[];
  confirmedAt: string;
}
export interface PublicResults {
  year: number;
  proposed: PublicResultItem[];
  notPassed: number;
}

/** The declaring organisation's own result, after confirmation: no names, no single sheet. */
export interface MyResult {
  declarationId: string;
  passed: boolean;
  average: number;
  itemAverages: { key: string; label: string; max: number; average: number }[];
  attributes: Record<Attribute, { meets: number; doubtful: number; fails: number }>;
  comments: string[];
  confirmedAt: string;
}

export interface AssignmentItem {
  declarationId: string;
  name: string;
  category: string | null;
  purchaseMethod: string | null;
  sheet: 'none' | 'draft' | 'submitted';
}
