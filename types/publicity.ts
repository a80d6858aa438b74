/** Publicity (公示): the notice window, citizens' comments and the bureau's answers. */
import type { CalendarSource } from './workdays';

export const MIN_PUBLICITY_WORKING_DAYS = 7;

export const DISPOSITIONS = ['adopted', 'partly-adopted', 'not-adopted', 'not-relevant'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const DISPOSITION_LABELS: Record<Disposition, string> = {
  adopted: '采纳',
  'partly-adopted': '部分采纳',
  'not-adopted': '不予采纳',
  'not-relevant': '与本产品无关',
};

/** Comments come in pages (keyset, oldest first): this many unless asked for fewer, never more than the maximum. */
export const COMMENT_PAGE = { default: 50, max: 200 } as const;

/**
 * Mass comments (as regulations.gov groups them): after normalising width, case, whitespace and punctuation,
 * identical texts share a group, and so do texts whose character shingles overlap this much (Jaccard), within one
 * product. One answer can then dispose of a whole group, each comment still getting its own disposition.
 */
export const NEAR_DUPLICATE = { jaccard: 0.9, shingle: 3 } as const;

export const COMMENT_STATUSES = ['shown', 'pending', 'hidden'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
export const COMMENT_STATUS_LABELS: Record<CommentStatus, string> = { shown: '已公开', pending: '审核中', hidden: '未公开' };

export const PUBLICITY_OUTCOMES = ['recognised', 'rejected', 'extended'] as const;
export type PublicityOutcome = (typeof PUBLICITY_OUTCOMES)[number];

export interface PublicityWindow {
  startsOn: string;
  endsOn: string;
  workingDays: number;
  warnings: string[];
}

/**
 * 公示时间不少于七个工作日: the last day of notice is the end of the latest window (an extension adds one). The notice
 * runs through that day: it may be closed, and the product published, only on a later day.
 */
export function lastNoticeDay(p: { windows: Pick<PublicityWindow, 'endsOn'>[] }): string {
  return p.windows.reduce((last, w) => (w.endsOn > last ? w.endsOn : last), '');
}
export const noticeOver = (p: { windows: Pick<PublicityWindow, 'endsOn'>[] }, day: string): boolean => day > lastNoticeDay(p);

export interface PublicityDoc {
  /** The declaration's id. */
  _id: string;
  windows: PublicityWindow[];
  status: 'open' | 'closed';
  outcome: 'recognised' | 'rejected' | null;
  reason: string | null;
  closedAt: string | null;
  /** How many commenters have a pseudonym on this product (市民A1, 市民A2, …). */
  commenters: number;
  /**
   * How many of its comments are shown (kept in the comment's transaction, so the list needs no count per notice; issue
   * 15). Absent on notices stored before it existed until the backfill (publicity/backfill.ts) writes it.
   */
  shownComments?: number;
  startedAt: string;
}

export interface CommentDoc {
  _id: string;
  declarationId: string;
  userId: string;
  pseudonym: string;
  /** The applicant organisation's own account (labelled as such in public). */
  byApplicant: boolean;
  text: string;
  anchor: string | null;
  status: CommentStatus;
  hiddenReason: string | null;
  disposition: Disposition | null;
  reply: string | null;
  repliedAt: string | null;
  /** Whole days from the comment to the bureau's answer, kept when it answers (the dashboard counts answer times by it). */
  answerDays?: number;
  createdAt: string;
  /** The Shanghai date it was written, for the daily limit. */
  day: string;
  /** Keyset paging order: `<createdAt>|<_id>`, unique even when many comments share a millisecond. */
  key: string;
  /** Its group of identical or near-identical comments on this product (commentGroups). */
  groupId: string;
}

export interface CommentGroupDoc {
  _id: string;
  declarationId: string;
  /** The first comment's text, normalised for comparison. */
  text: string;
  createdAt: string;
}

export interface PublicComment {
  commentId: string;
  pseudonym: string;
  byApplicant: boolean;
  text: string;
  anchor: string | null;
  createdAt: string;
  /** Shown once the window has closed. */
  disposition: Disposition | null;
  reply: string | null;
}

/** The author's own comment: with the bureau's answer as soon as it is given (issue 24: they are told, and it is there). */
export interface MyComment extends PublicComment {
  status: CommentStatus;
}

/** What the bureau sees when moderating: with the reason a comment is hidden and the group it belongs to. */
export interface ModerationComment extends MyComment {
  hiddenReason: string | null;
  groupId: string;
  /** How many comments on this product are in the same group (1: it stands alone). */
  groupSize: number;
}

export interface PublicityListItem {
  declarationId: string;
  name: string;
  category: string;
  purchaseMethod: string;
  /** The declared 服务价格: cost in words on the list (types/cost.ts). */
  price: string;
  providerName: string;
  startsOn: string;
  endsOn: string;
  /** Working days left including today; 0 once ended. */
  workingDaysLeft: number;
  state: 'upcoming' | 'open' | 'ended';
  outcome: 'recognised' | 'rejected' | null;
  comments: number;
}

export interface CalendarView {
  year: number;
  source: CalendarSource;
  holidays: string[];
  workdays: string[];
  warning: string | null;
}
