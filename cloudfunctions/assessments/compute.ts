import { resultId, type AssessmentResultDoc, type CampaignDoc, type CityLevels, type FindingDoc, type ScopeEntry, type SelfReportDoc } from '../../types/assessment';
import type { SummaryDoc } from '../../types/rating';
import { addDays } from '../../types/workdays';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict } from '../_lib/errors';
import { summaryId } from '../ratings/summary';
import { loadCalendar } from '../publicity/calendar';
import { cityLevels, computeProductResult, keptDecision, resultGrade } from './computeResult';
import { findByIds, inTransactions } from '../_lib/store/pages';
import { findingsOfYear, loadCampaign, resultsOfYear, selfReportsOfYear } from './load';

/**
 * A product's draft result. `before`: its previous draft, whose decision (for an insufficient one) is kept only if the
 * evidence it was decided on, and the grade its score reaches, are unchanged (`keptDecision`).
 */
export function buildResult(
  c: CampaignDoc,
  entry: ScopeEntry,
  inputs: { summary: SummaryDoc | null; findings: FindingDoc[]; selfReport: SelfReportDoc | null; city: CityLevels },
  now: string,
  before?: AssessmentResultDoc | null,
): AssessmentResultDoc {
  const r = computeProductResult({ scheme: c.scheme, ...inputs });
  const decision = keptDecision(before, r);
  return {
    _id: resultId(c.year, entry.productId),
    year: c.year,
    productId: entry.productId,
    orgId: entry.orgId,
    productName: entry.name,
    category: entry.category,
    score: r.score,
    grade: resultGrade(r, decision),
    scoreGrade: r.scoreGrade,
    insufficient: r.evidenced === null,
    evidence: r.evidence,
    shortfalls: r.shortfalls,
    decision,
    status: 'draft',
    satisfaction: r.satisfaction,
    components: r.components,
    methodsUsed: r.methodsUsed,
    computedAt: now,
  };
}

/** Results per transaction (CloudBase limits the operations in one transaction; issue 25 runs them side by side). */
export const WRITE_BATCH = 20;

/**
/**
 * 综合测评: a draft result per product in scope, from the year's rating summaries (read by id in chunks, never the
 * ratings: O(products) data in a fixed number of round trips), the findings and the self-reports, each unmeasured
 * indicator at the city's level (issue 21); a product whose evidence meets no grade its score reaches is 证据不足.
 * The first compute starts the providers' appeal window.
 * Computing again rewrites the drafts (idempotent), so writing in batches leaves nothing that a rerun does not fix.
 */
export async function computeResults(input: { year: number }, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  if (c.status !== 'open' && c.status !== 'computed') throw conflict('测评结果已经确认，不能重新计算');
  // The year's summaries by id in $in chunks, the findings, the self-reports and the previous drafts: all read together
  // (issue 25: one round trip for the summaries of 2,000 products, where one read per product took 2,000).
  const [summaryDocs, findings, reportDocs, previous, calendar] = await Promise.all([
    findByIds<SummaryDoc>(ctx.store, COLLECTIONS.ratingSummaries, c.scope.map((s) => summaryId(s.productId, input.year))),
    findingsOfYear(ctx.store, input.year),
    selfReportsOfYear(ctx.store, input.year),
    resultsOfYear(ctx.store, input.year),
    c.appealBy ? null : loadCalendar(ctx),
  ]);
  const byId = new Map(summaryDocs.map((d) => [d._id, d]));
  const summaries = new Map<string, SummaryDoc | null>(c.scope.map((s) => [s.productId, byId.get(summaryId(s.productId, input.year)) ?? null]));
  const reports = new Map(reportDocs.map((r) => [r.productId, r]));
  const before = new Map(previous.map((r) => [r.productId, r]));
  const city = cityLevels(c.scheme, [...summaries.values()], findings, [...reports.values()]);
  const cityRate = city.satisfaction;
  const today = ctx.clock.today();
  const appealBy = c.appealBy ?? calendar!.endOfWindow(addDays(today, 1), c.scheme.appealWorkingDays).endsOn;
  const now = ctx.clock.now().toISOString();
  const byProduct = new Map<string, FindingDoc[]>();
  for (const f of findings) byProduct.set(f.productId, [...(byProduct.get(f.productId) ?? []), f]);

  const results = c.scope.map((e) =>
    buildResult(c, e, { summary: summaries.get(e.productId) ?? null, findings: byProduct.get(e.productId) ?? [], selfReport: reports.get(e.productId) ?? null, city }, now, before.get(e.productId)),
  );
  const insufficient = results.filter((r) => r.insufficient).length;
  // Bounded transactions side by side (issue 25: 2,000 results one after another were 2,000 round trips), the
  // campaign's own state last.
  await inTransactions(ctx.store, results, (tx, r) => tx.set(COLLECTIONS.assessmentResults, r._id, r), { perTx: WRITE_BATCH });
  await ctx.store.transaction(async (tx) => {
    await tx.update(COLLECTIONS.assessmentCampaigns, c._id, { status: 'computed', computedOn: c.computedOn ?? today, appealBy, cityRate, city });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.assessmentCampaigns, recordId: c._id, change: { computed: results.length, insufficient, cityRate, appealBy } });
  });
  return { computed: results.length, insufficient, appealBy, cityRate };
}
