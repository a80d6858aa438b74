import * as z from 'zod';
import { dateField, yearField } from '../dates';
import { BAD_LEVEL, CHANNELS, DIMENSIONS, REVIEW_OUTCOMES, type CaseDoc, type FlagReason, type FlagStatus, type Level, type RatingSummary } from '../rating';

/** A mainland mobile or a landline with its area code: a number a provider can call back. */
const CALLBACK_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?[2-9]\d{6,7})$/;

const productId = z.string({ error: '缺少产品编号' }).min(1, '缺少产品编号').max(64, '产品编号不正确');
const level = z.number({ error: '请选择满意程度' }).int('满意程度应为 1 到 5').min(1, '满意程度应为 1 到 5').max(5, '满意程度应为 1 到 5');

export const issueTokenInput = z.strictObject({
  productId,
  servedOn: dateField('服务日期', '2026-11-20'),
  channel: z.enum(CHANNELS, { error: '服务渠道应为窗口、电话、上门或线上' }),
});

export const rateInput = z.strictObject({
  token: z.string({ error: '缺少评价凭证' }).min(8, '评价凭证不正确').max(64, '评价凭证不正确'),
  level,
  dimensions: z.strictObject(Object.fromEntries(DIMENSIONS.map((d) => [d, level.optional()])) as Record<(typeof DIMENSIONS)[number], z.ZodOptional<typeof level>>).optional(),
  text: z.string().trim().max(500, '评价内容不能超过 500 字').optional(),
  /** Only with a bad rating, and only with the person's explicit consent (types/callback.ts). */
  callback: z
    .strictObject({
      phone: z.string({ error: '请填写电话号码' }).trim().regex(CALLBACK_PHONE, '请填写手机号或带区号的固定电话，如 13905711234'),
      consent: z.literal(true, { error: '请勾选同意后再留电话' }),
    })
    .optional(),
}).refine((v) => !v.callback || v.level <= BAD_LEVEL, { path: ['callback'], message: '只有不满意的评价才需要留电话回访' });

export const summaryInput = z.strictObject({ productId, year: yearField('年度', 2018).optional() });
export const casesInput = z.strictObject({ overdueOnly: z.boolean().optional(), reviewOnly: z.boolean().optional() });
export const respondCaseInput = z.strictObject({
  caseId: z.string().min(1).max(64),
  /** Required when the person left a number (the use case checks); absent when there was nobody to call. */
  callbackOn: dateField('回访日期', '2026-11-20').optional(),
  callbackNote: z.string({ error: '请记录回访情况' }).trim().min(5, '请记录回访情况（至少 5 个字）').max(1000).optional(),
  fix: z.string({ error: '请写明整改措施' }).trim().min(5, '请写明整改措施（至少 5 个字）').max(1000),
});
export const confirmCaseInput = z
  .strictObject({
    caseId: z.string().min(1).max(64),
    satisfied: z.boolean({ error: '请说明是否满意' }),
    /** 仍不满意: what is still wrong, for the bureau's review (optional). */
    reason: z.string().trim().max(500, '不满意的原因不能超过 500 字').optional(),
  })
  .refine((v) => !v.satisfied || !v.reason, { path: ['reason'], message: '满意时不需要填写原因' });
/** Issue 24: the bureau's review (复核) of a case the person was still not satisfied with. */
export const decideReviewInput = z.strictObject({
  caseId: z.string({ error: '缺少整改事项编号' }).min(1, '缺少整改事项编号').max(64, '整改事项编号不正确'),
  outcome: z.enum(REVIEW_OUTCOMES, { error: '请选择维持答复或责令重新整改' }),
  reason: z.string({ error: '请写明复核理由' }).trim().min(4, '请写明复核理由（至少 4 个字）').max(500, '复核理由不能超过 500 字'),
});
export const tokenInfoInput = z.strictObject({ token: z.string({ error: '缺少评价凭证' }).min(8, '评价凭证不正确').max(64, '评价凭证不正确') });

export const flaggedInput = z.strictObject({
  status: z.enum(['pending', 'accepted', 'rejected'], { error: '复核状态应为待复核、已采信或不采信' }).optional(),
  cursor: z.string().min(1).max(64, '翻页位置已失效，请重新打开').optional(),
  limit: z.number().int('每页条数应为整数').min(1, '每页至少 1 条').max(200, '每页最多 200 条').optional(),
});
export const reviewFlagInput = z.strictObject({
  ratingId: z.string({ error: '缺少评价编号' }).min(1, '缺少评价编号').max(64, '评价编号不正确'),
  accept: z.boolean({ error: '请选择采信或不采信' }),
  reason: z.string({ error: '请写明复核理由' }).trim().min(2, '请写明复核理由').max(500, '复核理由不能超过 500 字'),
});

export interface FlaggedRating {
  ratingId: string;
  productId: string;
  productName: string;
  level: Level;
  levelLabel: string;
  text: string | null;
  ratedOn: string;
  createdAt: string;
  reason: FlagReason;
  reasonLabel: string;
  status: FlagStatus;
  /** Whether it counts in the published summary now. */
  counted: boolean;
  review: { accept: boolean; reason: string; by: string | null; at: string } | null;
}

export const ratingsSchemas = {
  issueToken: issueTokenInput,
  tokenInfo: tokenInfoInput,
  rate: rateInput,
  summary: summaryInput,
  cases: casesInput,
  respondCase: respondCaseInput,
  confirmCase: confirmCaseInput,
  decideReview: decideReviewInput,
  myCases: z.strictObject({}),
  myProducts: z.strictObject({}),
  flagged: flaggedInput,
  reviewFlag: reviewFlagInput,
};

/**
 * `contactPhone`: only for the providing organisation's own staff, while the case is open (types/callback.ts).
 * `text`: the words the person wrote with the rating, once the content check passed them (`textHeld` when a text waits
 * for a person's check); never who rated. `review.reason` only for the bureau and the person.
 */
export type CaseView = Omit<CaseDoc, '_id' | 'raterId'> & { caseId: string; overdue: boolean; productName: string; contactPhone: string | null; text: string | null; textHeld: boolean };

export interface RatingsApi {
  issueToken: [z.input<typeof issueTokenInput>, { token: string; url: string; qrCode: string; expiresOn: string; codeKind: 'wxacode' | 'link'; codeUrl?: string; codeNote?: string }];
  tokenInfo: [z.input<typeof tokenInfoInput>, { productId: string; productName: string; providerName: string; servedOn: string; usable: boolean; reason: string | null }];
  rate: [z.input<typeof rateInput>, { ratingId: string; caseId: string | null; summary: RatingSummary }];
  summary: [z.input<typeof summaryInput>, RatingSummary];
  cases: [z.input<typeof casesInput>, { cases: CaseView[] }];
  respondCase: [z.input<typeof respondCaseInput>, CaseView];
  confirmCase: [z.input<typeof confirmCaseInput>, CaseView];
  decideReview: [z.input<typeof decideReviewInput>, CaseView];
  myCases: [Record<string, never>, { cases: CaseView[] }];
  myProducts: [Record<string, never>, { products: { productId: string; name: string }[] }];
  flagged: [z.input<typeof flaggedInput>, { ratings: FlaggedRating[]; nextCursor: string | null; total: number }];
  reviewFlag: [z.input<typeof reviewFlagInput>, FlaggedRating];
}
