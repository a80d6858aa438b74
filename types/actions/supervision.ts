import * as z from 'zod';
import { dateField, yearField } from '../dates';
import { ADJUSTMENT_ACTIONS, CREDIT_EVENT_KINDS, type AdjustmentAction, type CreditEventKind, type LineDecision, type Polarity, type ProposalLine, type RectificationDoc, type SupervisionRules } from '../credit';
import type { ProductStatus, PurchaseMethod } from '../domain';
import type { CatalogueStanding } from '../product';
import { BULK_MAX } from '../limits';
import type { BulkResult } from '../bulk';

const date = (label: string) => dateField(label, '2026-10-08');
const id = (label: string) => z.string({ error: `缺少${label}` }).min(1, `缺少${label}`).max(64, `${label}不正确`);
const reason = (label = '理由') => z.string({ error: `请写明${label}` }).trim().min(4, `请写明${label}（至少 4 个字）`).max(500, `${label}不能超过 500 字`);
/** The bureau's document number, as for publication: 杭司〔2026〕125号. */
export const DOCUMENT_NUMBER = /^杭司〔\d{4}〕\d+号$/;
const documentNumber = z.string({ error: '请填写文号' }).trim().regex(DOCUMENT_NUMBER, '文号格式应为 杭司〔2026〕125号');
const year = yearField('年度', 2018);
const orgId = id('单位编号');
const productId = id('产品编号');

export const rulesInput = z.strictObject({});
export const setRulesInput = z.strictObject({
  /** Publicity periods (months) and severities to change, by kind. */
  kinds: z
    .partialRecord(
      z.enum(CREDIT_EVENT_KINDS),
      z.strictObject({
        publicityMonths: z.number({ error: '请填写公示期（月）' }).int('公示期应为整月').min(1, '公示期至少 1 个月').max(120, '公示期不超过 120 个月').optional(),
        severity: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { error: '严重程度应为 0 到 3' }).optional(),
      }),
    )
    .optional(),
  satisfactionBelow: z.number().min(0, '满意率线应在 0 到 1 之间').max(1, '满意率线应在 0 到 1 之间').optional(),
  satisfactionBottomShare: z.number().min(0, '末位比例应在 0 到 0.5 之间').max(0.5, '末位比例应在 0 到 0.5 之间').optional(),
  reentryBanYears: z.number().int('禁止再申报年限应为整数').min(0, '年限不能为负').max(10, '年限不超过 10 年').optional(),
  rectifyWorkingDays: z.number().int('整改期限应为整数').min(1, '整改期限至少 1 个工作日').max(120, '整改期限不超过 120 个工作日').optional(),
  reason: reason('修改理由'),
});

export const orgsInput = z.strictObject({});
export const linkMemberInput = z.strictObject({ associationOrgId: id('协会编号'), orgId, unlink: z.boolean().optional() });
export const membersInput = z.strictObject({ associationOrgId: id('协会编号').optional() });

export const recordEventInput = z.strictObject({
  orgId,
  practitionerName: z.string().trim().min(2, '执业人员姓名至少 2 个字').max(20, '姓名不能超过 20 字').optional(),
  kind: z.enum(CREDIT_EVENT_KINDS, { error: '请选择信用信息的类别' }),
  occurredOn: date('发生（决定）日期'),
  title: z.string({ error: '请填写事由' }).trim().min(4, '事由至少 4 个字').max(100, '事由不能超过 100 字'),
  documentNumber: z.string().trim().min(4, '文书编号至少 4 个字').max(60, '文书编号不能超过 60 字').optional(),
  evidence: z.string({ error: '请写明依据材料' }).trim().min(4, '请写明依据材料（至少 4 个字）').max(2000, '依据材料不能超过 2000 字'),
});
export const respondInput = z.strictObject({
  eventId: id('信用信息编号'),
  statement: z.string({ error: '请填写情况说明' }).trim().min(5, '情况说明至少 5 个字').max(1000, '情况说明不能超过 1000 字'),
});
export const revokeEventInput = z.strictObject({ eventId: id('信用信息编号'), reason: reason('撤销理由') });
export const myEventsInput = z.strictObject({ orgId: orgId.optional() });
export const providerInput = z.strictObject({ orgId });
export const productNoticeInput = z.strictObject({ productId });

export const proposeInput = z.strictObject({ year });
export const proposalInput = z.strictObject({ year });
export const decideLineInput = z
  .strictObject({
    proposalId: id('调整建议编号'),
    lineId: id('建议条目编号'),
    decision: z.enum(['accept', 'change', 'reject'], { error: '请选择同意、改为其他处理或不予处理' }),
    /** For `change`: the new action. (Not named `action`: the envelope uses that name for the action itself.) */
    changeTo: z.enum(ADJUSTMENT_ACTIONS, { error: '处理方式应为退出、暂停或整改' }).optional(),
    reason: reason(),
  })
  .refine((v) => v.decision !== 'change' || v.changeTo !== undefined, { message: '改为其他处理时，请选择新的处理方式', path: ['changeTo'] });

/**
 * Issue 22: one decision per selected line of the year's proposal (a line is one product), each by decideLine's own
 * rules in its own transaction; a line already decided is refused and the others decided. Results are by productId.
 */
export const decideLinesInput = z.strictObject({
  year,
  lines: z
    .array(
      z
        .strictObject({
          productId,
          decision: decideLineInput.shape.decision,
          changeTo: decideLineInput.shape.changeTo,
          reason: reason(),
        })
        .refine((v) => v.decision !== 'change' || v.changeTo !== undefined, { message: '改为其他处理时，请选择新的处理方式', path: ['changeTo'] }),
      { error: '请选择要决定的建议条目' },
    )
    .min(1, '请至少选择一条建议')
    .max(BULK_MAX, `一次最多决定 ${BULK_MAX} 条建议`),
});

export const rectifyInput = z.strictObject({
  productId,
  reason: reason('整改理由'),
  dueWorkingDays: z.number({ error: '请填写整改期限' }).int('整改期限应为整数个工作日').min(1, '整改期限至少 1 个工作日').max(120, '整改期限不超过 120 个工作日'),
  proposalLineId: id('建议条目编号').optional(),
});
export const answerRectificationInput = z.strictObject({
  rectificationId: id('整改事项编号'),
  measures: z.string({ error: '请写明整改措施' }).trim().min(5, '请写明整改措施（至少 5 个字）').max(2000, '整改措施不能超过 2000 字'),
  evidence: z.string({ error: '请写明佐证材料' }).trim().min(4, '请写明佐证材料（至少 4 个字）').max(2000, '佐证材料不能超过 2000 字'),
});
export const rectificationsInput = z.strictObject({ overdueOnly: z.boolean().optional() });
export const suspendInput = z.strictObject({ productId, reason: reason('暂停理由') });
export const reinstateInput = z.strictObject({ productId, reason: reason('恢复理由') });
export const exitInput = z.strictObject({
  productIds: z.array(productId, { error: '请选择要退出目录的产品' }).min(1, '请选择要退出目录的产品').max(100, '一次最多 100 个产品'),
  documentNumber,
  on: date('退出日期'),
  reason: reason('退出理由'),
});
export const publicListInput = z.strictObject({ year });

export const supervisionSchemas = {
  rules: rulesInput,
  setRules: setRulesInput,
  orgs: orgsInput,
  linkMember: linkMemberInput,
  members: membersInput,
  recordEvent: recordEventInput,
  respond: respondInput,
  revokeEvent: revokeEventInput,
  myEvents: myEventsInput,
  provider: providerInput,
  productNotice: productNoticeInput,
  propose: proposeInput,
  proposal: proposalInput,
  decideLine: decideLineInput,
  decideLines: decideLinesInput,
  rectify: rectifyInput,
  answerRectification: answerRectificationInput,
  rectifications: rectificationsInput,
  suspend: suspendInput,
  reinstate: reinstateInput,
  exit: exitInput,
  publicList: publicListInput,
};

/** An event as the public sees it: no personal data unless the kind names practitioners, and only while public. */
export interface PublicEventView {
  eventId: string;
  kind: CreditEventKind;
  kindLabel: string;
  polarity: Polarity;
  occurredOn: string;
  publicUntil: string;
  title: string;
  documentNumber: string | null;
  practitionerName: string | null;
  recordedByName: string;
  statement: string | null;
}
/** An event as the organisation it names, its association and the bureau see it. */
export interface EventView extends PublicEventView {
  orgId: string;
  orgName: string;
  evidence: string;
  recordedAt: string;
  isPublic: boolean;
  expired: boolean;
  revoked: { reason: string; at: string } | null;
  /** The caller's organisation is the one named: it may add its statement. */
  canRespond: boolean;
}

export interface ProviderProductView extends CatalogueStanding {
  productId: string;
  name: string;
  category: string;
  /** Issue 24: what it costs in words on the provider page (types/cost.ts). */
  purchaseMethod: PurchaseMethod;
  price: string;
  /** Published years: `grade` null is 证据不足 (no grade that year); `gradeLabel` says it in words; `evidence` what it rests on. */
  grades: { year: number; grade: string | null; gradeLabel: string; score: number | null; evidence: string; documentNumber: string | null }[];
  /** 满意率 (SATISFACTION_NAME, the one definition) over all its counted ratings. */
  rating: { count: number; satisfactionRate: number | null };
}
export interface ProviderResult {
  orgId: string;
  name: string;
  kind: 'provider' | 'association';
  products: ProviderProductView[];
  /** 满意率 over every counted rating of its listed, suspended and exited products. */
  satisfaction: { count: number; satisfactionRate: number | null };
  events: PublicEventView[];
}

/** A rectification as shown: without who opened it, with `overdue` computed on read. */
export type RectificationView = Omit<RectificationDoc, '_id' | 'proposalLineId' | 'createdBy'> & { rectificationId: string; overdue: boolean };

export interface ProposalView {
  proposalId: string;
  year: number;
  rulesVersion: number;
  computedAt: string;
  lines: (ProposalLine & { actionLabel: string })[];
}

export interface PublicListResult {
  year: number;
  failed: { productId: string; name: string; providerName: string; score: number; evidence: string; documentNumber: string | null; publishedAt: string | null }[];
  lowSatisfaction: { orgId: string; name: string; satisfactionRate: number; ratings: number; reason: string }[];
  left: { productId: string; name: string; on: string; documentNumber: string | null; reason: string | null }[];
}

export interface OrgListItem {
  orgId: string;
  name: string;
  kind: 'provider' | 'association';
  associationIds: string[];
}

export interface SupervisionApi {
  rules: [Record<string, never>, SupervisionRules];
  setRules: [z.input<typeof setRulesInput>, SupervisionRules];
  orgs: [Record<string, never>, { orgs: OrgListItem[] }];
  linkMember: [z.input<typeof linkMemberInput>, { orgId: string; associationIds: string[] }];
  members: [z.input<typeof membersInput>, { association: { orgId: string; name: string }; members: OrgListItem[] }];
  recordEvent: [z.input<typeof recordEventInput>, EventView];
  respond: [z.input<typeof respondInput>, EventView];
  revokeEvent: [z.input<typeof revokeEventInput>, EventView];
  myEvents: [z.input<typeof myEventsInput>, { events: EventView[] }];
  provider: [z.input<typeof providerInput>, ProviderResult];
  productNotice: [z.input<typeof productNoticeInput>, import('../credit').ProductNoticeView & { orgId: string | null; providerName: string }];
  propose: [z.input<typeof proposeInput>, ProposalView];
  proposal: [z.input<typeof proposalInput>, ProposalView | null];
  decideLine: [z.input<typeof decideLineInput>, ProposalView];
  decideLines: [z.input<typeof decideLinesInput>, BulkResult];
  rectify: [z.input<typeof rectifyInput>, RectificationView];
  answerRectification: [z.input<typeof answerRectificationInput>, RectificationView];
  rectifications: [z.input<typeof rectificationsInput>, { rectifications: RectificationView[] }];
  suspend: [z.input<typeof suspendInput>, { productId: string; status: ProductStatus; version: number }];
  reinstate: [z.input<typeof reinstateInput>, { productId: string; status: ProductStatus; version: number }];
  exit: [z.input<typeof exitInput>, { productIds: string[]; version: number }];
  publicList: [z.input<typeof publicListInput>, PublicListResult];
}

export type { AdjustmentAction, LineDecision };
