/**
 * Throttling limits as data (issue 10): how often one client address or one identity may do what is cheap to abuse.
 * `cloudfunctions/_lib/throttle.ts` enforces them. Locally, `RATE_LIMITS=relaxed` multiplies every `max` by
 * RELAXED_FACTOR (test harnesses and scripted demos drive many identities from one address); the cloud ignores it.
 */

export interface RateLimit {
  /** Calls allowed within the window. */
  max: number;
  windowSeconds: number;
  /** Once the window is exceeded, refuse every call for this long (invite-code guessing). */
  lockoutSeconds?: number;
  /** What is limited and by what, for README and messages. */
  what: string;
  per: 'address' | 'identity';
}

export const RATE_LIMITS = {
  /** Local mode only: anonymous sessions from one client address (in the cloud the openid is the identity). */
  session: { max: 30, windowSeconds: 3600, what: '新建会话（本地模式）', per: 'address' },
  /** publicity.comment, on top of the per-person-per-product daily limit (DAILY_COMMENT_LIMIT). */
  commentPerIdentity: { max: 10, windowSeconds: 3600, what: '公示意见', per: 'identity' },
  commentPerAddress: { max: 20, windowSeconds: 3600, what: '公示意见', per: 'address' },
  /** needs.submit and needs.support (issue 16), on top of the per-person daily limits in the store (NEED_LIMITS). */
  needPerIdentity: { max: 10, windowSeconds: 3600, what: '群众需求', per: 'identity' },
  needPerAddress: { max: 60, windowSeconds: 3600, what: '群众需求', per: 'address' },
  search: { max: 120, windowSeconds: 60, what: '目录检索', per: 'address' },
  export: { max: 10, windowSeconds: 600, what: '目录导出', per: 'address' },
  poster: { max: 20, windowSeconds: 600, what: '生成海报', per: 'address' },
  /** orgs.register: an account registers one organisation; more attempts probe credit codes or squat them. */
  orgRegisterPerIdentity: { max: 5, windowSeconds: 86400, what: '登记单位', per: 'identity' },
  orgRegisterPerAddress: { max: 10, windowSeconds: 86400, what: '登记单位', per: 'address' },
  /** declarations.saveDraft: autosave runs 1.2 s after typing stops, so a person stays far below this; a script does not. */
  draftSave: { max: 1200, windowSeconds: 3600, what: '保存草稿', per: 'identity' },
  /** procurement.record and procurement.requestCustom (issue 16), on top of the refusal of exact duplicates. */
  procurementRecord: { max: 30, windowSeconds: 3600, what: '登记购买', per: 'identity' },
  customRequest: { max: 10, windowSeconds: 86400, what: '定制需求', per: 'identity' },
  /** Failed invite-code redemptions; after five wrong guesses in 15 minutes the address is locked out for 30 minutes. */
  inviteGuess: { max: 5, windowSeconds: 900, lockoutSeconds: 1800, what: '邀请码尝试', per: 'address' },
} as const satisfies Record<string, RateLimit>;
export type RateLimitName = keyof typeof RATE_LIMITS;

/** `RATE_LIMITS=relaxed` (local mode only) raises every limit by this factor. */
export const RELAXED_FACTOR = 100;
export type RateLimitMode = 'strict' | 'relaxed';

/** An invite code can be redeemed for this many days after it is issued. */
export const INVITE_TTL_DAYS = 30;

/** An anonymous local session that never did anything (no comment, rating or case) is removed after this many hours. */
export const IDLE_SESSION_HOURS = 24;
/** How often the local server sweeps idle sessions (it also sweeps once at start). */
export const IDLE_SWEEP_MINUTES = 60;

/** "操作太频繁，请 3 分钟后再试": the Chinese retry hint for a wait in seconds. */
export function retryMessage(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  const when = s < 60 ? `${s} 秒` : s <= 7200 ? `${Math.ceil(s / 60)} 分钟` : `${Math.ceil(s / 3600)} 小时`;
  return `操作太频繁，请 ${when}后再试`;
}

/**
 * Drafts an organisation may hold open in one call (hostile probe: "save whatever the state" must not become unlimited
 * storage). An organisation declares a handful of products a year; a withdrawn draft no longer counts.
 */
export const OPEN_DRAFTS_PER_ORG = 20;

/**
 * Bulk actions (issue 22: draw panels, start publicity, answer comments, assign products, publish, decide proposal
 * lines): at most this many records per call. Each record is its own transaction, so a call's time grows with it.
 */
export const BULK_MAX = 50;
