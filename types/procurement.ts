/**
 * Purchasing units (采购单位) and what they buy (regulation 一: 采购; 二: 增强政府采购资金的使用效益; 三: 听取采购单位意见),
 * tailored products (探索产品个性定制), as data.
 */
import type { PurchaseMethod } from './domain';
import type { Evidence } from './assessment';

/** The kinds of purchasing unit the bureau invites. */
export const UNIT_KINDS = ['government-department', 'sub-district-office', 'enterprise', 'social-organisation'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  'government-department': '政府部门',
  'sub-district-office': '街道（乡镇）',
  enterprise: '企业',
  'social-organisation': '社会组织',
};

/** Purchase methods paid from public money: only their amounts are ever shown publicly. */
export const PUBLIC_MONEY_METHODS: readonly PurchaseMethod[] = ['government-purchase', 'subsidy'];
export const isPublicMoney = (m: PurchaseMethod) => PUBLIC_MONEY_METHODS.includes(m);

/**
 * A record is `pending` until the provider answers; `confirmed` when it agrees (or the bureau rules a dispute: the
 * purchase stands); `disputed` while the provider's disagreement waits for the bureau; `void` when the bureau rules
 * the purchase did not happen as recorded (issue 21: a provider's disagreement no longer silences the purchaser).
 */
export const PROCUREMENT_STATUSES = ['pending', 'confirmed', 'disputed', 'void'] as const;
export type ProcurementStatus = (typeof PROCUREMENT_STATUSES)[number];
export const PROCUREMENT_STATUS_LABELS: Record<ProcurementStatus, string> = { pending: '待服务单位确认', confirmed: '已确认', disputed: '服务单位有异议，待市司法局裁定', void: '经市司法局裁定不成立' };

/** The bureau's ruling on a disputed purchase (procurement.settle). */
export const SETTLE_DECISIONS = ['stands', 'void'] as const;
export type SettleDecision = (typeof SETTLE_DECISIONS)[number];
export const SETTLE_DECISION_LABELS: Record<SettleDecision, string> = { stands: '采购成立（按登记计入）', void: '采购不成立（不计入）' };
export interface Settlement {
  decision: SettleDecision;
  reason: string;
  at: string;
  by: string | null;
}

export interface ProcurementDoc {
  _id: string;
  /** The year of `from`: the counters' year. */
  year: number;
  productId: string;
  productName: string;
  /** The providing organisation (the product's org). */
  providerOrgId: string | null;
  purchaserOrgId: string;
  purchaserName: string;
  purchaseMethod: PurchaseMethod;
  from: string;
  to: string;
  quantity: number;
  /** In fen (分): integers add up exactly. */
  amountFen: number;
  contractNumber: string | null;
  evidence: Evidence[];
  status: ProcurementStatus;
  note: string | null;
  /** Set when the record came from an accepted tailoring request. */
  customRequestId: string | null;
  customTerms: string | null;
  recordedBy: string;
  recordedAt: string;
  answeredAt: string | null;
  /** The bureau's ruling, once a dispute is settled. */
  settlement?: Settlement | null;
}

/** Per product per year, kept in the record's and the confirmation's transaction (never computed on read). */
export interface ProcurementCounterDoc {
  /** `<year>:<productId>` */
  _id: string;
  year: number;
  productId: string;
  recorded: number;
  confirmed: number;
  /** The purchasing units with a confirmed record (distinct). */
  unitOrgIds: string[];
  confirmedAmountFen: number;
}
export const counterId = (year: number, productId: string) => `${year}:${productId}`;

/**
 * Where a unit's opinion stands: `counted` — it is the product's `purchaser` finding; `held` — the unit's purchase is
 * disputed, the opinion waits for the bureau's ruling; `void` — the bureau ruled the purchase it rested on did not
 * stand; `lapsed` — the purchase stood only after the year's results were confirmed.
 */
export const OPINION_STATUSES = ['counted', 'held', 'void', 'lapsed'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];
export const OPINION_STATUS_LABELS: Record<OpinionStatus, string> = {
  counted: '已计入测评',
  held: '采购有争议，待市司法局裁定后计入',
  void: '采购经裁定不成立，意见不计入',
  lapsed: '裁定时本年度测评结果已确认，意见未能计入',
};

/** One opinion per purchasing unit per product per year; it becomes the product's `purchaser` finding once it counts. */
export interface OpinionDoc {
  /** `<year>:<productId>:<purchaserOrgId>` */
  _id: string;
  year: number;
  productId: string;
  purchaserOrgId: string;
  score: number;
  notes: string;
  /** The current finding it is, while counted (null while held, void or lapsed). */
  findingId: string | null;
  /** Absent on opinions given before issue 21: those count. */
  status?: OpinionStatus;
  /** The unit's account that gave it: the finding written on a ruling is the unit's own. */
  givenBy?: string;
  /** The day it was given (the finding's date). */
  on?: string;
  createdAt: string;
}
export const opinionStatusOf = (o: Pick<OpinionDoc, 'status'>): OpinionStatus => o.status ?? 'counted';
export const opinionId = (year: number, productId: string, orgId: string) => `${year}:${productId}:${orgId}`;

export const CUSTOM_STATUSES = ['asked', 'answered', 'accepted'] as const;
export type CustomStatus = (typeof CUSTOM_STATUSES)[number];
export const CUSTOM_STATUS_LABELS: Record<CustomStatus, string> = { asked: '待服务单位答复', answered: '已答复，待采购单位接受', accepted: '已接受，转为采购记录' };

/**
 * One answer of the provider (issue 21): every `answerCustom` is a new version, kept; the unit accepts a version by its
 * number, so a price changed after the unit read it is never accepted unseen.
 */
export interface CustomOffer {
  version: number;
  terms: string;
  priceFen: number;
  at: string;
}

export interface CustomRequestDoc {
  _id: string;
  productId: string;
  productName: string;
  providerOrgId: string | null;
  purchaserOrgId: string;
  purchaserName: string;
  need: string;
  audience: string;
  schedule: string;
  budgetFen: number | null;
  status: CustomStatus;
  /** The current offer's terms and price (the last of `offers`). */
  terms: string | null;
  priceFen: number | null;
  /** Every offer made, oldest first (requests answered before issue 21 have none: see `offersOf`). */
  offers?: CustomOffer[];
  /** The version accepted, once accepted. */
  acceptedVersion?: number | null;
  procurementId: string | null;
  createdAt: string;
  answeredAt: string | null;
  acceptedAt: string | null;
}

/** A request's offers, oldest first; one answered before offers were kept counts as version 1. */
export function offersOf(r: Pick<CustomRequestDoc, 'offers' | 'terms' | 'priceFen' | 'answeredAt'>): CustomOffer[] {
  if (r.offers?.length) return r.offers;
  return r.terms !== null && r.priceFen !== null ? [{ version: 1, terms: r.terms, priceFen: r.priceFen, at: r.answeredAt ?? '' }] : [];
}

export const yuan = (fen: number) => fen / 100;
export const fen = (yuanAmount: number) => Math.round(yuanAmount * 100);
