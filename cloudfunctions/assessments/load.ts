/** Reading a year's campaign and its records; the views callers get. */
import type { AppealView, CampaignView, FindingView } from '../../types/actions/assessments';
import { METHODS, completeScheme, findingAuthor, findingAuthorRole, type AppealDoc, type CityLevels, type AssessmentResultDoc, type AssignmentDoc, type CampaignDoc, type FindingDoc, type Method, type ScopeEntry, type SelfReportDoc } from '../../types/assessment';
import { COLLECTIONS } from '../_lib/collections';
import type { Caller, Ctx } from '../_lib/context';
import { isAdmin } from '../_lib/rules';
import { conflict, forbidden, invalid, notFound } from '../_lib/errors';
import { findAll } from '../_lib/store/pages';
import type { Store } from '../_lib/store/port';

export const campaignId = (year: number) => String(year);
export const assignmentId = (year: number, orgId: string) => `${year}:${orgId}`;

/** Every page of a query: the shared reader (count, then the pages together). */
export { findAll };

export async function loadCampaign(ctx: Ctx, year: number): Promise<CampaignDoc> {
  const c = await ctx.store.get<CampaignDoc>(COLLECTIONS.assessmentCampaigns, campaignId(year));
  if (!c) throw notFound(`${year} 年度的测评还没有开始`);
  return { ...c, scheme: completeScheme(c.scheme) };
}

/** The city's levels the last compute used (a campaign computed before issue 21 kept only its satisfaction share). */
export function cityOf(c: CampaignDoc): CityLevels {
  return c.city ?? { satisfaction: c.cityRate ?? null, methods: {}, cases: null, use: null };
}

export function campaignView(c: CampaignDoc): CampaignView {
  return { year: c.year, title: c.title, startsOn: c.startsOn, endsOn: c.endsOn, status: c.status, appealBy: c.appealBy, documentNumber: c.documentNumber, products: c.scope.length };
}

/** The product's place in the campaign, or a field error on `productId`. */
export function scopeEntry(c: CampaignDoc, productId: string): ScopeEntry {
  const e = c.scope.find((s) => s.productId === productId);
  if (!e) throw invalid('这个产品不在本年度测评范围内', [{ path: 'productId', message: '这个产品不在本年度测评范围内' }]);
  return e;
}

export async function loadAssignment(ctx: Ctx, year: number): Promise<AssignmentDoc | null> {
  return ctx.caller.orgId ? ctx.store.get<AssignmentDoc>(COLLECTIONS.assessmentAssignments, assignmentId(year, ctx.caller.orgId)) : null;
}

export function findingsOfYear(store: Store, year: number, productId?: string): Promise<FindingDoc[]> {
  return findAll<FindingDoc>(store, COLLECTIONS.assessmentFindings, { where: productId ? { year, productId } : { year }, orderBy: [['recordedAt', 'asc'], ['_id', 'asc']] });
}

/** The author a caller of the assessment's own actions writes as: the bureau, or its assessing organisation. */
export const callerAuthor = (c: Caller) => (isAdmin(c) ? 'admin' : `assessor:${c.orgId}`);

export function findingView(f: FindingDoc, all: FindingDoc[], author: string): FindingView {
  const by = all.find((x) => x.supersedes === f._id);
  return {
    findingId: f._id,
    productId: f.productId,
    method: f.method,
    on: f.on,
    score: f.score,
    notes: f.notes,
    checked: f.checked,
    evidence: f.evidence,
    supersedes: f.supersedes,
    reason: f.reason,
    supersededBy: by?._id ?? null,
    recordedAt: f.recordedAt,
    recordedAs: findingAuthorRole(f),
    mine: findingAuthor(f) === author,
  };
}

export function selfReportsOfYear(store: Store, year: number): Promise<SelfReportDoc[]> {
  return findAll<SelfReportDoc>(store, COLLECTIONS.assessmentSelfReports, { where: { year }, orderBy: [['_id', 'asc']] });
}

export function resultsOfYear(store: Store, year: number, where: Record<string, string> = {}): Promise<AssessmentResultDoc[]> {
  return findAll<AssessmentResultDoc>(store, COLLECTIONS.assessmentResults, { where: { year, ...where }, orderBy: [['_id', 'asc']] });
}

export function appealView(a: AppealDoc, c: CampaignDoc | null): AppealView {
  const { _id, ...rest } = a;
  return { appealId: _id, ...rest, productName: c?.scope.find((s) => s.productId === a.productId)?.name ?? '' };
}

export function resultView(r: AssessmentResultDoc) {
  const { _id, ...rest } = r;
  return rest;
}

/** Splits writes into transactions of at most `n` products (CloudBase caps the operations in one transaction). */
export function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/**
 * A correction must name a finding of the same product and method that no other finding has corrected yet, and only
 * its author (the same organisation in the same role; the bureau as one) may correct it: a purchasing unit's opinion
 * is its own, and an assessor's check is its organisation's.
 */
export function checkSupersedes(existing: FindingDoc[], id: string, method: Method, path: string, author: string): void {
  const old = existing.find((f) => f._id === id);
  if (!old || old.method !== method) throw invalid('要更正的记录不存在或不是同一测评方式', [{ path, message: '要更正的记录不存在或不是同一测评方式' }]);
  if (findingAuthor(old) !== author)
    throw forbidden(findingAuthorRole(old) === 'purchaser' ? '这是采购单位的意见，只能由该采购单位自己更正' : '只有录入这条记录的单位可以更正它');
  if (existing.some((f) => f.supersedes === old._id)) throw conflict('这条记录已经被更正过，请更正最新的一条');
}

/** The author's finding in force for (product, method), from a read of the product's findings. */
export function ownCurrent(existing: FindingDoc[], method: Method, author: string): FindingDoc | null {
  const superseded = new Set(existing.map((f) => f.supersedes).filter(Boolean));
  return existing.find((f) => f.method === method && findingAuthor(f) === author && !superseded.has(f._id)) ?? null;
}

/** How many findings in force each method has for a product. */
export function methodCounts(current: FindingDoc[], productId: string): Record<Method, number> {
  return Object.fromEntries(METHODS.map((m) => [m, current.filter((f) => f.productId === productId && f.method === m).length])) as Record<Method, number>;
}
