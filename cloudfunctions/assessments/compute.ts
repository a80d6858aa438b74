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
import { chunks, findingsOfYear, loadCampaign, resultsOfYear, selfReportsOfYear } from './load';

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

/** Products per transaction when writing results (CloudBase limits the operations in one transaction). */
export const WRITE_BATCH = 100;

/**
 * 综合测评: a draft result per product in scope, from the year's rating summaries (one read per product, never the
 * ratings: O(products)), the findings and the self-reports, each unmeasured indicator at the city's level (issue 21);
 * a product whose evidence meets no grade its score reaches is 证据不足. The first compute starts the providers' appeal window.
 * Computing again rewrites the drafts (idempotent), so writing in batches leaves nothing that a rerun does not fix.
 */
export async function computeResults(input: { year: number }, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  if (c.status !== 'open' && c.status !== 'computed') throw conflict('测评结果已经确认，不能重新计算');
  const summaries = new Map<string, SummaryDoc | null>();
  for (const s of c.scope) summaries.set(s.productId, await ctx.store.get<SummaryDoc>(COLLECTIONS.ratingSummaries, summaryId(s.productId, input.year)));
  const findings = await findingsOfYear(ctx.store, input.year);
  const reports = new Map((await selfReportsOfYear(ctx.store, input.year)).map((r) => [r.productId, r]));
  const before = new Map((await resultsOfYear(ctx.store, input.year)).map((r) => [r.productId, r]));
  const city = cityLevels(c.scheme, [...summaries.values()], findings, [...reports.values()]);
  const cityRate = city.satisfaction;
  const today = ctx.clock.today();
  const appealBy = c.appealBy ?? (await loadCalendar(ctx)).endOfWindow(addDays(today, 1), c.scheme.appealWorkingDays).endsOn;
  const now = ctx.clock.now().toISOString();
  const byProduct = new Map<string, FindingDoc[]>();
  for (const f of findings) byProduct.set(f.productId, [...(byProduct.get(f.productId) ?? []), f]);

  const results = c.scope.map((e) =>
    buildResult(c, e, { summary: summaries.get(e.productId) ?? null, findings: byProduct.get(e.productId) ?? [], selfReport: reports.get(e.productId) ?? null, city }, now, before.get(e.productId)),
  );
  const batches = chunks(results, WRITE_BATCH);
  if (batches.length === 0) batches.push([]);
  for (const [i, batch] of batches.entries()) {
    await ctx.store.transaction(async (tx) => {
      for (const r of batch) await tx.set(COLLECTIONS.assessmentResults, r._id, r);
      if (i === batches.length - 1) {
        await tx.update(COLLECTIONS.assessmentCampaigns, c._id, { status: 'computed', computedOn: c.computedOn ?? today, appealBy, cityRate, city });
        await appendAudit(tx, ctx, { collection: COLLECTIONS.assessmentCampaigns, recordId: c._id, change: { computed: results.length, insufficient: results.filter((r) => r.insufficient).length, cityRate, appealBy } });
      }
    });
  }
  return { computed: results.length, insufficient: results.filter((r) => r.insufficient).length, appealBy, cityRate };
}
