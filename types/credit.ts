/**
 * Supervision (监管) and adjustment (调整) as data: the credit event kinds with their polarity, severity and publicity
 * period, and the adjustment rules the yearly proposal applies. The bureau may change both (`supervision.setRules`):
 * every change is a new numbered version in the audit trail, and each event keeps the period it was recorded under,
 * so a later change never makes an expired event public again.
 */
import { GRADE_LABELS, type AssessmentResultDoc } from './assessment';
import type { CatalogueStanding } from './product';
import { addDays } from './workdays';

export const CREDIT_EVENT_KINDS = ['commendation', 'warning', 'criticism', 'penalty', 'sanction', 'complaint'] as const;
export type CreditEventKind = (typeof CREDIT_EVENT_KINDS)[number];

export type Polarity = 'positive' | 'negative';
/** 0 for a commendation; 1 light, 2 moderate, 3 serious (a serious one proposes suspension pending review). */
export type Severity = 0 | 1 | 2 | 3;

export interface CreditKindRule {
  label: string;
  polarity: Polarity;
  severity: Severity;
  /** How long the event is public, counted from the day it occurred (the decision date). */
  publicityMonths: number;
  /**
   * Whether a practitioner named in the event is shown in public while the event is public. As on the national lawyer
   * credit platform, only administrative penalties and industry sanctions name the person; lighter events name the
   * organisation only.
   */
  namesPractitioner: boolean;
}

export const DEFAULT_CREDIT_KINDS: Record<CreditEventKind, CreditKindRule> = {
  commendation: { label: '表彰', polarity: 'positive', severity: 0, publicityMonths: 36, namesPractitioner: false },
  warning: { label: '警告', polarity: 'negative', severity: 2, publicityMonths: 12, namesPractitioner: false },
  criticism: { label: '通报批评', polarity: 'negative', severity: 2, publicityMonths: 12, namesPractitioner: false },
  penalty: { label: '行政处罚', polarity: 'negative', severity: 3, publicityMonths: 36, namesPractitioner: true },
  sanction: { label: '行业处分', polarity: 'negative', severity: 3, publicityMonths: 24, namesPractitioner: true },
  complaint: { label: '查实的投诉', polarity: 'negative', severity: 1, publicityMonths: 6, namesPractitioner: false },
};

/**
 * Who may record what. A trade association records its own members' commendations, criticisms, industry sanctions
 * and upheld complaints; an administrative penalty (行政处罚) is the authorities' alone, so only the bureau records it.
 */
export const ASSOCIATION_KINDS: readonly CreditEventKind[] = ['commendation', 'criticism', 'sanction', 'complaint'];
/** Kinds that name a practitioner in public must rest on a decision document (its number is required). */
export const DOCUMENT_REQUIRED_KINDS: readonly CreditEventKind[] = ['penalty', 'sanction'];

export const ADJUSTMENT_ACTIONS = ['exit', 'suspend', 'rectify'] as const;
export type AdjustmentAction = (typeof ADJUSTMENT_ACTIONS)[number];
export const ADJUSTMENT_ACTION_LABELS: Record<AdjustmentAction, string> = { exit: '退出目录', suspend: '暂停（待复核）', rectify: '限期整改' };
/** When one product meets several rules, the strongest action is proposed (with every reason). */
export const ACTION_STRENGTH: Record<AdjustmentAction, number> = { rectify: 1, suspend: 2, exit: 3 };

export interface AdjustmentRules {
  /** 测评等次不合格 → this action. */
  failGrade: AdjustmentAction;
  /** A public negative event at this severity or above, occurring in the year → this action for the organisation's products. */
  seriousSeverity: Severity;
  seriousEvent: AdjustmentAction;
  /** 测评满意度较低的法律服务机构: below this rate (0–1) … */
  satisfactionBelow: number;
  /** … or in this bottom share of the institutions ranked by satisfaction (the bottom decile: 0.1, rounded down). */
  satisfactionBottomShare: number;
  /** Institutions with fewer ratings than this that year are not judged on satisfaction. */
  satisfactionMinRatings: number;
  lowSatisfaction: AdjustmentAction;
  /** Working days a rectification gets unless the bureau says otherwise. */
  rectifyWorkingDays: number;
  /** An exited product may not be declared again by its organisation for this many years after the exit date. */
  reentryBanYears: number;
}

export const DEFAULT_ADJUSTMENT_RULES: AdjustmentRules = {
  failGrade: 'exit',
  seriousSeverity: 3,
  seriousEvent: 'suspend',
  satisfactionBelow: 0.8,
  satisfactionBottomShare: 0.1,
  satisfactionMinRatings: 5,
  lowSatisfaction: 'rectify',
  rectifyWorkingDays: 20,
  reentryBanYears: 2,
};

/** The rules in force: a numbered version (1 = the defaults above). */
export interface SupervisionRules {
  version: number;
  kinds: Record<CreditEventKind, CreditKindRule>;
  adjustment: AdjustmentRules;
}
export const DEFAULT_SUPERVISION_RULES: SupervisionRules = { version: 1, kinds: DEFAULT_CREDIT_KINDS, adjustment: DEFAULT_ADJUSTMENT_RULES };

/** The same calendar day `months` later (clamped to the month's end): 2026-02-28 + 12 → 2027-02-28. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last day an event occurring on `occurredOn` is public: the day before the same date `months` later. */
export function publicUntil(occurredOn: string, months: number): string {
  return addDays(addMonths(occurredOn, months), -1);
}

/**
 * The earliest day an event recorded `today` may have occurred: the first day whose publicity period (`months`)
 * still includes today. Anything older is past its period (it would never be public) and is not recorded.
 */
export function earliestOccurredOn(today: string, months: number): string {
  let d = addDays(addMonths(today, -months), 1);
  while (publicUntil(addDays(d, -1), months) >= today) d = addDays(d, -1);
  while (publicUntil(d, months) < today) d = addDays(d, 1);
  return d;
}

/**
 * Issue 21: how many events of one kind one association may record about one member organisation for one year (the
 * year the events occurred). Thirty commendations of one member would otherwise all count. The bureau is not capped:
 * its events rest on its own decisions (and penalties on decision documents), as the bureau is not throttled.
 */
export const ASSOCIATION_EVENT_CAP = { perKindPerYear: 3 } as const;

/** An event is public from the day it occurred to its last public day, unless revoked. */
export function isPublicOn(e: { occurredOn: string; publicUntil: string; revoked: unknown }, today: string): boolean {
  return !e.revoked && e.occurredOn <= today && today <= e.publicUntil;
}

/** The first day an organisation may declare a product again after it exited on `exitOn`. */
export function reentryAllowedFrom(exitOn: string, banYears: number): string {
  return addMonths(exitOn, banYears * 12);
}

/** One credit event as stored (collection `creditEvents`). Never deleted; a revoked event keeps its record. */
export interface CreditEventDoc {
  _id: string;
  orgId: string;
  orgName: string;
  /** Personal data: shown in public only when the kind names practitioners, and only while the event is public. */
  practitionerName: string | null;
  kind: CreditEventKind;
  polarity: Polarity;
  severity: Severity;
  /** The rules version the event was recorded under, and the period it gave. */
  rulesVersion: number;
  publicityMonths: number;
  occurredOn: string;
  publicUntil: string;
  title: string;
  documentNumber: string | null;
  evidence: string;
  recordedBy: string | null;
  /** The association that recorded it, or null for the bureau. */
  recordedByOrgId: string | null;
  recordedByName: string;
  recordedAt: string;
  statement: { text: string; at: string } | null;
  revoked: { reason: string; at: string; by: string | null } | null;
}

export const RECTIFICATION_STATUSES = ['open', 'answered'] as const;
export interface RectificationDoc {
  _id: string;
  productId: string;
  productName: string;
  orgId: string | null;
  reason: string;
  openedOn: string;
  dueWorkingDays: number;
  dueOn: string;
  status: (typeof RECTIFICATION_STATUSES)[number];
  answer: { measures: string; evidence: string; answeredOn: string; onTime: boolean } | null;
  proposalLineId: string | null;
  createdBy: string | null;
}

export type LineDecision = 'accept' | 'change' | 'reject';
export interface ProposalLine {
  lineId: string;
  productId: string;
  productName: string;
  orgId: string | null;
  providerName: string;
  action: AdjustmentAction;
  reasons: string[];
  decision: { decision: LineDecision; action: AdjustmentAction | null; reason: string; at: string; by: string | null } | null;
}
export interface ProposalDoc {
  /** `<year>`: one proposal per year, recomputed until the bureau decides its first line. */
  _id: string;
  year: number;
  rulesVersion: number;
  computedAt: string;
  lines: ProposalLine[];
}

/** A change to the catalogue (collection `catalogueChanges`): the contract other issues read. */
export const CATALOGUE_CHANGES = ['added', 'left', 'suspended', 'reinstated', 'changed'] as const;
export type CatalogueChangeKind = (typeof CATALOGUE_CHANGES)[number];
export const CATALOGUE_CHANGE_LABELS: Record<CatalogueChangeKind, string> = { added: '新增', left: '退出', suspended: '暂停', reinstated: '恢复', changed: '变更' };
export interface CatalogueChangeDoc {
  /** `<version>:<productId>`. */
  _id: string;
  version: number;
  on: string;
  /** When the change was recorded (ISO instant): what an incremental sync (HSDS `modified_after`) compares. Absent on records older than it. */
  at?: string;
  productId: string;
  productName: string;
  change: CatalogueChangeKind;
  documentNumber?: string;
  reason?: string;
}

/** What a product page says about its place in the catalogue. */
export interface ProductNoticeView extends CatalogueStanding {
  /** Public negative credit events of the provider (kind labels and titles, no personal data unless the kind names it). */
  negativeEvents: { kindLabel: string; title: string; occurredOn: string; publicUntil: string }[];
}

/**
 * The assessment results contract (issue 11 writes `assessmentResults`, `_id = "<year>:<productId>"`); supervision reads
 * only published ones, and only these fields.
 */
export type AssessmentResultContract = Pick<AssessmentResultDoc, '_id' | 'year' | 'productId' | 'orgId' | 'score' | 'grade' | 'status' | 'documentNumber' | 'publishedAt' | 'satisfaction' | 'components' | 'methodsUsed'> &
  Partial<Pick<AssessmentResultDoc, 'evidence' | 'decision'>>;
export { GRADE_LABELS };
