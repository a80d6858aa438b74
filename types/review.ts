/** Expert review (评估): the pool, panels, scoresheets and results, as stored and as shown. */
import type { Attribute, ExpertKind, Judgement } from './rubric';

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
  /** Attributes a majority of the panel judges to fail: the product cannot be proposed. */
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
