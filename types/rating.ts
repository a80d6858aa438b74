/** Satisfaction ratings (满意度评价), after GB/T 39734-2020: five levels, one rating per service received. */

export const LEVELS = [5, 4, 3, 2, 1] as const;
export type Level = 1 | 2 | 3 | 4 | 5;
export const LEVEL_LABELS: Record<Level, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };
/**
 * 满意率, the one definition every page, export, rule and the yearly assessment use (issue 21): the share of counted
 * ratings at 满意 (4) or above. 基本满意 (3) is not counted as satisfied: counting it would put nearly every service near
 * 100% and say little. The assessment scheme's `satisfiedMinLevel` is fixed to this level. Wherever a rate is shown it
 * is named with `SATISFACTION_NAME`, so nobody reads a different rule into the word.
 */
export const SATISFIED_MIN_LEVEL = 4 as const;
export const SATISFACTION_NAME = '满意率（满意及以上）';

/** Ratings counted as satisfied in a distribution (index 0 = level 1). */
export function satisfiedIn(levels: readonly number[]): number {
  return levels.slice(SATISFIED_MIN_LEVEL - 1).reduce((a, x) => a + x, 0);
}

/** 满意率 as a share 0..1 at four decimals; null without ratings. */
export function satisfactionRate(satisfied: number, n: number): number | null {
  return n > 0 ? Math.round((satisfied / n) * 10000) / 10000 : null;
}

/** A rate as people read it: 93%, 67.5%; 暂无 without ratings. */
export function percentText(rate: number | null): string {
  return rate === null ? '暂无' : `${Math.round(rate * 1000) / 10}%`;
}

/** 满意率 with how many rated, as every public page words it: 满意率（满意及以上） 93%（37 条评价）. */
export function satisfactionText(rate: number | null, ratings: number): string {
  return `${SATISFACTION_NAME} ${percentText(rate)}（${ratings} 条评价）`;
}

/** Levels 1 and 2 open a rectification case. */
export const BAD_LEVEL = 2;
export const CASE_WORKING_DAYS = 5;
/**
 * 好差评's 复核 (issue 24): a person still not satisfied after the provider's answer (仍不满意) asks the bureau to review
 * the case, once. The bureau decides within this many working days (counted from the day after the request, on the
 * working-day calendar): the answer stands (`upheld`: the case closes), or the provider must fix it again (`redo`: the
 * case reopens with a new CASE_WORKING_DAYS deadline, and the person judges the new answer; no second review).
 */
export const REVIEW_WORKING_DAYS = 5;
export const REVIEW_OUTCOMES = ['upheld', 'redo'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = { upheld: '维持服务单位的答复', redo: '责令服务单位重新整改' };
export const CASE_STATUS_LABELS = { open: '待答复', responded: '已答复', review: '复核中', closed: '已办结' } as const;

/** What a provider answered: the call back (null when the person left no number) and the fix. */
export interface CaseResponse {
  callbackOn: string | null;
  callbackNote: string | null;
  fix: string;
  respondedOn: string;
}

/** The bureau's review of a case (复核), asked for by the person who rated. */
export interface CaseReview {
  requestedOn: string;
  /** REVIEW_WORKING_DAYS working days after the request. */
  dueOn: string;
  /** What the person says is still wrong (shown to the bureau only). */
  reason: string | null;
  decision: { outcome: ReviewOutcome; reason: string; decidedOn: string } | null;
}
export const TOKEN_DAYS = 30;

/**
 * Guards against inflated ratings (data): how many codes one product may be issued a day (generous for a busy
 * counter), and what counts as a burst — more than `ratings` ratings of codes from one issuer within `minutes`.
 */
export const RATING_GUARDS = { codesPerProductPerDay: 300, burst: { ratings: 20, minutes: 10 } } as const;

/** Why a rating is held out of the published summary until the bureau reviews it. */
export const FLAG_REASONS = {
  'issuer-account': '评价人就是发放这个评价码的账号',
  'provider-account': '评价人的账号属于提供该产品的单位',
  burst: '同一人发放的评价码在短时间内被集中使用',
} as const;
export type FlagReason = keyof typeof FLAG_REASONS;
export type FlagStatus = 'pending' | 'accepted' | 'rejected';

export const DIMENSIONS = ['efficiency', 'competence', 'attitude'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DIMENSION_LABELS: Record<Dimension, string> = { efficiency: '服务效率', competence: '服务水平', attitude: '服务态度' };

export const CHANNELS = ['counter', 'phone', 'visit', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { counter: '窗口', phone: '电话', visit: '上门', online: '线上' };

export interface RatingTokenDoc {
  _id: string;
  productId: string;
  /** The product's sort key, kept so a rating need not read the whole product to re-rank it. */
  productSortKey?: string;
  orgId: string | null;
  servedOn: string;
  channel: Channel;
  issuedBy: string;
  issuedAt: string;
  expiresOn: string;
  usedAt: string | null;
}

export interface RatingDoc {
  _id: string;
  productId: string;
  token: string;
  level: Level;
  dimensions: Partial<Record<Dimension, number>>;
  text: string | null;
  textStatus: 'shown' | 'pending' | null;
  /** Confidential: never shown to the provider or the public. */
  raterId: string;
  ratedOn: string;
  year: number;
  createdAt: string;
  /** Who issued the code (for finding bursts of one batch). */
  issuedBy?: string;
  /** Whether it counts in the published summary: the one place this is decided (absent on old ratings: it counts). */
  counted?: boolean;
  /** Why it was held out, and where the bureau's review stands. */
  flag?: { reason: FlagReason; at: string } | null;
  flagStatus?: FlagStatus | null;
  review?: { accept: boolean; reason: string; by: string | null; at: string } | null;
}

/** The rule every summary (and the invariant checker) follows. */
export const countsInSummary = (r: Pick<RatingDoc, 'counted'>) => r.counted !== false;

export interface CaseDoc {
  _id: string;
  ratingId: string;
  productId: string;
  orgId: string | null;
  raterId: string;
  level: Level;
  openedOn: string;
  dueOn: string;
  status: 'open' | 'responded' | 'review' | 'closed';
  /** The call fields are null when the person left no number: nobody logs a call that could not be made. */
  response: CaseResponse | null;
  /** Answers the bureau's review sent back (`redo`), oldest first; the current one is `response`. */
  earlier?: CaseResponse[];
  /** Issue 24: the bureau's review (复核), once the person said they were still not satisfied. */
  review?: CaseReview | null;
  /** Whether the person left a phone number with consent (the number itself: collection ratingContacts). */
  callbackWanted?: boolean;
  onTime: boolean | null;
  raterSatisfied: boolean | null;
  /** Set once by the scheduler when the case passes its due day unanswered (cloudfunctions/notify/jobs.ts). */
  overdue?: boolean;
}

/** Running aggregates, updated in the same transaction as each rating: a summary costs the same at any size. */
export interface SummaryDoc {
  /** `<productId>:<year|all>` */
  _id: string;
  productId: string;
  year: number | null;
  count: number;
  /** Count per level, index 0 = level 1. */
  levels: [number, number, number, number, number];
  levelSum: number;
  dimensionSums: Record<Dimension, number>;
  dimensionCounts: Record<Dimension, number>;
  casesOpened: number;
  casesClosedOnTime: number;
  casesLate: number;
}

export interface RatingSummary {
  productId: string;
  year: number | null;
  count: number;
  distribution: { level: Level; label: string; count: number }[];
  /** 满意率 (SATISFACTION_NAME: levels 4–5 over all), 0..1; null without ratings. */
  satisfactionRate: number | null;
  meanLevel: number | null;
  dimensionMeans: Record<Dimension, number | null>;
  cases: { opened: number; respondedOnTime: number; late: number };
}
