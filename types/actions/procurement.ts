import * as z from 'zod';
import { dateField, yearField } from '../dates';
import type { PurchaseMethod } from '../domain';
import { PROCUREMENT_STATUSES, SETTLE_DECISIONS, type CustomStatus, type OpinionStatus, type ProcurementStatus, type Settlement } from '../procurement';
import type { Evidence } from '../assessment';

const date = dateField;
const id = (what: string) => z.string({ error: `缺少${what}` }).min(1, `缺少${what}`).max(80, `${what}不正确`);
const productId = id('产品编号');
const year = yearField('年度', 2018);
/** Yuan with at most two decimals, positive. */
const money = (what: string) =>
  z.number({ error: `请填写${what}（元）` }).positive(`${what}应大于 0 元`).max(100_000_000, `${what}过大，请核对`).multipleOf(0.01, `${what}最多保留两位小数（分）`);
const text = (what: string, min: number, max: number) =>
  z.string({ error: `请填写${what}` }).trim().min(min, `请填写${what}（至少 ${min} 个字）`).max(max, `${what}不能超过 ${max} 字`);
const evidence = z
  .array(z.strictObject({ fileId: z.string().min(1, '缺少文件编号').max(300), name: z.string().trim().min(1, '缺少文件名').max(100, '文件名不能超过 100 字') }), { error: '请上传合同或发票等采购凭证' })
  .min(1, '请上传合同或发票等采购凭证（至少 1 个文件）')
  .max(10, '采购凭证最多 10 个文件');

export const recordInput = z
  .strictObject({
    productId,
    from: date('服务开始日期'),
    to: date('服务结束日期'),
    quantity: z.number({ error: '请填写采购数量' }).int('采购数量应为整数').min(1, '采购数量至少为 1').max(1_000_000, '采购数量过大，请核对'),
    amount: money('采购金额'),
    contractNumber: z.string().trim().max(60, '合同编号不能超过 60 字').optional(),
    evidence,
  })
  .refine((v) => v.to >= v.from, { message: '服务结束日期不能早于开始日期', path: ['to'] });
export const confirmInput = z
  .strictObject({
    procurementId: id('采购记录编号'),
    agree: z.boolean({ error: '请选择确认或提出异议' }),
    note: z.string().trim().max(500, '说明不能超过 500 字').optional(),
  })
  .refine((v) => v.agree || (v.note ?? '').length >= 5, { message: '提出异议时，请写明理由（至少 5 个字）', path: ['note'] });
export const mineInput = z.strictObject({});
export const listInput = z.strictObject({ year: year.optional(), productId: productId.optional(), status: z.enum(PROCUREMENT_STATUSES, { error: '没有这个采购记录状态' }).optional() });
/** The bureau rules on a disputed purchase, with its reason (an official decision: confirmed on the page, kept in the audit trail). */
export const settleInput = z.strictObject({
  procurementId: id('采购记录编号'),
  decision: z.enum(SETTLE_DECISIONS, { error: '请选择裁定结果：采购成立或采购不成立' }),
  reason: text('裁定理由', 5, 500),
});
export const productSummaryInput = z.strictObject({ productId });
export const opinionInput = z.strictObject({
  year,
  productId,
  score: z.number({ error: '请给出 0 到 100 的评分' }).min(0, '评分应在 0 到 100 之间').max(100, '评分应在 0 到 100 之间').multipleOf(0.01, '评分最多保留两位小数'),
  notes: text('意见', 5, 2000),
});
export const valueForMoneyInput = z.strictObject({ year });
export const requestCustomInput = z.strictObject({
  productId,
  need: text('定制需求', 5, 1000),
  audience: text('服务对象', 2, 200),
  schedule: text('时间安排', 2, 200),
  budget: money('预算').optional(),
});
export const answerCustomInput = z.strictObject({ requestId: id('定制请求编号'), terms: text('定制方案', 10, 2000), price: money('报价') });
/** The unit names the offer it read (its version; the price too, if it likes): a changed offer is refused, never accepted unseen. */
export const acceptCustomInput = z.strictObject({
  requestId: id('定制请求编号'),
  offerVersion: z.number({ error: '请说明接受的是第几版方案' }).int('方案版本应为整数').min(1, '方案版本应为整数').max(10_000, '方案版本不正确'),
  price: money('报价').optional(),
});
export const customRequestsInput = z.strictObject({});

export const procurementSchemas = {
  record: recordInput,
  confirm: confirmInput,
  mine: mineInput,
  list: listInput,
  productSummary: productSummaryInput,
  opinion: opinionInput,
  settle: settleInput,
  valueForMoney: valueForMoneyInput,
  requestCustom: requestCustomInput,
  answerCustom: answerCustomInput,
  acceptCustom: acceptCustomInput,
  customRequests: customRequestsInput,
};

export interface ProcurementView {
  procurementId: string;
  year: number;
  productId: string;
  productName: string;
  purchaserName: string;
  purchaseMethod: PurchaseMethod;
  from: string;
  to: string;
  quantity: number;
  /** Yuan. */
  amount: number;
  contractNumber: string | null;
  evidence: Evidence[];
  status: ProcurementStatus;
  note: string | null;
  customTerms: string | null;
  recordedAt: string;
  /** The bureau's ruling on a dispute (null until there is one). */
  settlement: Omit<Settlement, 'by'> | null;
}

export interface ProductProcurementSummary {
  year: number;
  /** Purchasing units with a confirmed purchase this year. */
  units: number;
  purchaseMethod: PurchaseMethod;
  /** Yuan; present only for publicly funded methods (政府购买, 政府补贴). */
  amount?: number;
}

export interface ValueRow {
  productId: string;
  productName: string;
  units: number;
  /** Confirmed amount, yuan. */
  amount: number;
  services: number | null;
  servicesFrom: 'self-report' | 'rating-codes' | null;
  /** Yuan per service, 2 decimals; null without services. */
  costPerService: number | null;
}

export interface CustomRequestView {
  requestId: string;
  productId: string;
  productName: string;
  purchaserName: string;
  need: string;
  audience: string;
  schedule: string;
  budget: number | null;
  status: CustomStatus;
  terms: string | null;
  price: number | null;
  /** The current offer's version (0 before the first answer): what acceptCustom names. */
  offerVersion: number;
  /** Every offer, oldest first, so the unit sees what changed. */
  offers: { version: number; terms: string; price: number; at: string }[];
  procurementId: string | null;
  /** The product's declared standard, shown beside the terms. */
  standard: { serviceStandard: string; price: string };
  createdAt: string;
}

export interface ProcurementApi {
  record: [z.input<typeof recordInput>, ProcurementView];
  confirm: [z.input<typeof confirmInput>, ProcurementView];
  mine: [z.input<typeof mineInput>, { purchases: ProcurementView[]; toConfirm: ProcurementView[] }];
  list: [z.input<typeof listInput>, { items: ProcurementView[] }];
  productSummary: [z.input<typeof productSummaryInput>, ProductProcurementSummary];
  opinion: [z.input<typeof opinionInput>, { opinionId: string; findingId: string | null; status: OpinionStatus }];
  settle: [z.input<typeof settleInput>, { procurement: ProcurementView; opinions: { opinionId: string; year: number; status: OpinionStatus }[] }];
  valueForMoney: [z.input<typeof valueForMoneyInput>, { year: number; rows: ValueRow[] }];
  requestCustom: [z.input<typeof requestCustomInput>, CustomRequestView];
  answerCustom: [z.input<typeof answerCustomInput>, CustomRequestView];
  acceptCustom: [z.input<typeof acceptCustomInput>, { request: CustomRequestView; procurement: ProcurementView }];
  customRequests: [z.input<typeof customRequestsInput>, { asked: CustomRequestView[]; received: CustomRequestView[] }];
}
