import type { HistoryRow, ProgressRow, PublicResult, SelfReportView } from '../../types/actions/assessments';
import { GRADE_RANK, evidenceOf, resultSatisfaction, type AppealDoc, type AssessmentResultDoc, type AssignmentDoc, type CampaignDoc, type Grade, type SelfReportDoc } from '../../types/assessment';
import type { Category } from '../../types/domain';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { currentFindings } from './computeResult';
import { appealView, campaignId, campaignView, findAll, findingsOfYear, loadCampaign, methodCounts, resultView, resultsOfYear, selfReportsOfYear } from './load';

const selfReportView = (r: SelfReportDoc | undefined): SelfReportView | null =>
  r ? { servedCount: r.servedCount, capacity: r.capacity, reportedAt: r.reportedAt, accepted: r.accepted ? { capacity: r.accepted.capacity, reason: r.accepted.reason, at: r.accepted.at } : null } : null;

/** The bureau's progress matrix: products × methods, self-reports and their accepted capacity, assessors, drafts (证据不足 with what is missing) and appeals. */
export async function progress(input: { year: number }, ctx: Ctx) {
  // The campaign and the year's records, all read together (issue 25: two round trips, not eleven).
  const [c, allFindings, reportDocs, assignments, resultDocs, appealDocs] = await Promise.all([
    loadCampaign(ctx, input.year),
    findingsOfYear(ctx.store, input.year),
    selfReportsOfYear(ctx.store, input.year),
    findAll<AssignmentDoc & { year: number }>(ctx.store, COLLECTIONS.assessmentAssignments, { where: { year: input.year }, orderBy: [['_id', 'asc']] }),
    resultsOfYear(ctx.store, input.year),
    findAll<AppealDoc>(ctx.store, COLLECTIONS.assessmentAppeals, { where: { year: input.year }, orderBy: [['_id', 'asc']] }),
  ]);
  const findings = currentFindings(allFindings);
  const reports = new Map(reportDocs.map((r) => [r.productId, r]));
  const results = new Map(resultDocs.map((r) => [r.productId, r]));
  const appeals = new Map(appealDocs.map((a) => [a.productId, a]));
  const rows: ProgressRow[] = c.scope.map((s) => {
    const r = results.get(s.productId);
    return {
      ...s,
      findings: methodCounts(findings, s.productId),
      selfReported: reports.has(s.productId),
      selfReport: selfReportView(reports.get(s.productId)),
      assessorOrgIds: assignments.filter((a) => a.productIds.includes(s.productId)).map((a) => a.assessorOrgId),
      result: r
        ? { score: r.score, grade: r.grade, scoreGrade: r.scoreGrade, insufficient: r.insufficient, evidence: evidenceOf(r), shortfalls: r.shortfalls ?? [], decision: r.decision ?? null, status: r.status }
        : null,
      appeal: appeals.get(s.productId)?.status ?? null,
    };
  });
  return { campaign: campaignView(c), scheme: c.scheme, rows };
}

/** Every draft (or confirmed) result with its components: the bureau's desk. */
export async function drafts(input: { year: number }, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  return { campaign: campaignView(c), results: (await resultsOfYear(ctx.store, input.year)).map(resultView) };
}

/** The providing organisation's own products in the campaign, their drafts and its appeals. */
export async function mine(input: { year: number }, ctx: Ctx) {
  const orgId = ctx.caller.orgId!;
  // The campaign and the organisation's own records of the year together (issue 25: two round trips, not seven).
  const [c, reportDocs, results, appeals] = await Promise.all([
    ctx.store.get<CampaignDoc>(COLLECTIONS.assessmentCampaigns, campaignId(input.year)),
    findAll<SelfReportDoc>(ctx.store, COLLECTIONS.assessmentSelfReports, { where: { year: input.year, orgId }, orderBy: [['_id', 'asc']] }),
    resultsOfYear(ctx.store, input.year, { orgId }),
    findAll<AppealDoc>(ctx.store, COLLECTIONS.assessmentAppeals, { where: { year: input.year, orgId }, orderBy: [['_id', 'asc']] }),
  ]);
  if (!c) return { campaign: null, products: [], results: [], appeals: [] };
  const reports = new Map(reportDocs.map((r) => [r.productId, r]));
  return {
    campaign: campaignView(c),
    products: c.scope.filter((s) => s.orgId === orgId).map((s) => ({ ...s, selfReported: reports.has(s.productId), selfReport: selfReportView(reports.get(s.productId)) })),
    results: results.map(resultView),
    appeals: appeals.map((a) => appealView(a, c)),
  };
}

const publicDecision = (r: AssessmentResultDoc): PublicResult['decision'] => (r.decision ? { decision: r.decision.decision, ...(r.decision.carried ? { carried: r.decision.carried } : {}) } : null);

function publicResult(r: AssessmentResultDoc): PublicResult {
  const sat = resultSatisfaction(r);
  return {
    productId: r.productId,
    productName: r.productName,
    category: r.category,
    grade: r.grade,
    score: r.score,
    ratings: r.satisfaction.n,
    satisfaction: { rate: sat.rate, satisfied: sat.satisfied, adjusted: r.satisfaction.rate, low: r.satisfaction.low, high: r.satisfaction.high },
    methodsUsed: r.methodsUsed,
    evidence: evidenceOf(r),
    decision: publicDecision(r),
    documentNumber: r.documentNumber ?? '',
  };
}

/** 公布测评结果: anyone, once published — grade, score, number of ratings, methods used; nothing personal. */
export async function publicResults(input: { year: number; grade?: Grade; category?: Category }, ctx: Ctx) {
  const c = await ctx.store.get<CampaignDoc>(COLLECTIONS.assessmentCampaigns, campaignId(input.year));
  if (!c || c.status !== 'published') return { published: false, year: input.year, documentNumber: null, items: [] };
  const where: Record<string, string> = { status: 'published' };
  if (input.grade) where.grade = input.grade;
  if (input.category) where.category = input.category;
  // Graded first (best grade, then score), then the products without a grade this year (证据不足).
  const rank = (x: PublicResult) => (x.grade ? GRADE_RANK[x.grade] : 0);
  const items = (await resultsOfYear(ctx.store, input.year, where)).map(publicResult).sort((a, b) => rank(b) - rank(a) || b.score - a.score || a.productId.localeCompare(b.productId));
  return { published: true, year: input.year, documentNumber: c.documentNumber, items };
}

/** A product's published grades, newest year first. */
export async function productHistory(input: { productId: string }, ctx: Ctx) {
  const docs = await ctx.store.find<AssessmentResultDoc>(COLLECTIONS.assessmentResults, { where: { productId: input.productId, status: 'published' }, orderBy: [['year', 'desc']], limit: 100 });
  const history: HistoryRow[] = docs.map((r) => ({ year: r.year, grade: r.grade, score: r.score, ratings: r.satisfaction.n, evidence: evidenceOf(r), decision: publicDecision(r), documentNumber: r.documentNumber ?? '' }));
  return { history };
}
