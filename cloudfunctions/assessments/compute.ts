import { FALLBACK_CITY_RATE, resultId, type AssessmentResultDoc, type CampaignDoc, type FindingDoc, type ScopeEntry, type SelfReportDoc } from '../../types/assessment';
import type { SummaryDoc } from '../../types/rating';
import { addDays } from '../../types/workdays';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict } from '../_lib/errors';
import { summaryId } from '../ratings/summary';
import { loadCalendar } from '../publicity/calendar';
import { computeProductResult, satisfiedOf } from './computeResult';
import { findByIds, inTransactions } from '../_lib/store/pages';
import { findingsOfYear, loadCampaign, selfReportsOfYear } from './load';

export function buildResult(c: CampaignDoc, entry: ScopeEntry, inputs: { summary: SummaryDoc | null; findings: FindingDoc[]; selfReport: SelfReportDoc | null; cityRate: number }, now: string): AssessmentResultDoc {
  const r = computeProductResult({ scheme: c.scheme, ...inputs });
  return {
    _id: resultId(c.year, entry.productId),
    year: c.year,
    productId: entry.productId,
    orgId: entry.orgId,
    productName: entry.name,
    category: entry.category,
    score: r.score,
    grade: r.grade,
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
 * 综合测评: a draft result per product in scope, from the year's rating summaries (read by id in chunks, never the
 * ratings: O(products) data in a fixed number of round trips), the findings and the self-reports. The first compute starts the providers' appeal window.
 * Computing again rewrites the drafts (idempotent), so writing in batches leaves nothing that a rerun does not fix.
 */
export async function computeResults(input: { year: number }, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  if (c.status !== 'open' && c.status !== 'computed') throw conflict('测评结果已经确认，不能重新计算');
  // The year's summaries by id in $in chunks, the findings and the self-reports: all read together (issue 25: one
  // round trip for the summaries of 2,000 products, where one read per product took 2,000).
  const [summaryDocs, findings, reportDocs, calendar] = await Promise.all([
    findByIds<SummaryDoc>(ctx.store, COLLECTIONS.ratingSummaries, c.scope.map((s) => summaryId(s.productId, input.year))),
    findingsOfYear(ctx.store, input.year),
    selfReportsOfYear(ctx.store, input.year),
    c.appealBy ? null : loadCalendar(ctx),
  ]);
  const byId = new Map(summaryDocs.map((d) => [d._id, d]));
  const summaries = new Map<string, SummaryDoc | null>(c.scope.map((s) => [s.productId, byId.get(summaryId(s.productId, input.year)) ?? null]));
  const reports = new Map(reportDocs.map((r) => [r.productId, r]));
  let n = 0;
  let satisfied = 0;
  for (const s of summaries.values()) if (s) (n += s.count), (satisfied += satisfiedOf(s, c.scheme.satisfiedMinLevel));
  const cityRate = n ? Math.round((satisfied / n) * 10000) / 10000 : FALLBACK_CITY_RATE;
  const today = ctx.clock.today();
  const appealBy = c.appealBy ?? calendar!.endOfWindow(addDays(today, 1), c.scheme.appealWorkingDays).endsOn;
  const now = ctx.clock.now().toISOString();
  const byProduct = new Map<string, FindingDoc[]>();
  for (const f of findings) byProduct.set(f.productId, [...(byProduct.get(f.productId) ?? []), f]);

  const results = c.scope.map((e) => buildResult(c, e, { summary: summaries.get(e.productId) ?? null, findings: byProduct.get(e.productId) ?? [], selfReport: reports.get(e.productId) ?? null, cityRate }, now));
  // Bounded transactions side by side (issue 25: 2,000 results one after another were 2,000 round trips), the
  // campaign's own state last.
  await inTransactions(ctx.store, results, (tx, r) => tx.set(COLLECTIONS.assessmentResults, r._id, r), { perTx: WRITE_BATCH });
  await ctx.store.transaction(async (tx) => {
    await tx.update(COLLECTIONS.assessmentCampaigns, c._id, { status: 'computed', computedOn: c.computedOn ?? today, appealBy, cityRate });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.assessmentCampaigns, recordId: c._id, change: { computed: results.length, cityRate, appealBy } });
  });
  return { computed: results.length, appealBy, cityRate };
}
