/**
 * Assessment (测评) invariants: a published grade matches its score and its year's thresholds; every result's inputs
 * exist and add up to its score; findings are only ever added (a correction supersedes one finding of the same
 * product and method, once); a product shows its latest published grade.
 */
import { gradeOf, resultId, to2, type AssessmentResultDoc, type CampaignDoc, type FindingDoc, type SelfReportDoc } from '../types/assessment';
import type { ProductDoc } from '../types/product';
import { COLLECTIONS } from '../cloudfunctions/_lib/collections';
import type { HasId, Store } from '../cloudfunctions/_lib/store/port';

type All = <T extends HasId>(store: Store, collection: string) => Promise<T[]>;

export async function checkAssessments(store: Store, all: All): Promise<string[]> {
  const problems: string[] = [];
  const campaigns = new Map((await all<CampaignDoc>(store, COLLECTIONS.assessmentCampaigns)).map((c) => [c.year, c]));
  const findings = new Map((await all<FindingDoc>(store, COLLECTIONS.assessmentFindings)).map((f) => [f._id, f]));
  const reports = new Map((await all<SelfReportDoc>(store, COLLECTIONS.assessmentSelfReports)).map((r) => [r._id, r]));
  const summaryIds = new Set((await all(store, COLLECTIONS.ratingSummaries)).map((s) => s._id));

  const supersededOnce = new Set<string>();
  for (const f of findings.values()) {
    const c = campaigns.get(f.year);
    if (!c) problems.push(`finding ${f._id} belongs to no campaign`);
    else if (!c.scope.some((s) => s.productId === f.productId)) problems.push(`finding ${f._id} is for a product outside the ${f.year} campaign`);
    if (f.score < 0 || f.score > 100) problems.push(`finding ${f._id} has score ${f.score}`);
    if (f.supersedes) {
      const old = findings.get(f.supersedes);
      if (!old || old.productId !== f.productId || old.method !== f.method || old.year !== f.year) problems.push(`finding ${f._id} supersedes a finding of another product or method`);
      if (!f.reason && !f.appealId) problems.push(`finding ${f._id} corrects another without a reason`);
      if (supersededOnce.has(f.supersedes)) problems.push(`finding ${f.supersedes} is superseded twice`);
      supersededOnce.add(f.supersedes);
    }
  }

  const latest = new Map<string, AssessmentResultDoc>();
  for (const r of await all<AssessmentResultDoc>(store, COLLECTIONS.assessmentResults)) {
    const c = campaigns.get(r.year);
    if (r._id !== resultId(r.year, r.productId)) problems.push(`assessment result ${r._id} is filed under the wrong id`);
    if (!c) {
      problems.push(`assessment result ${r._id} belongs to no campaign`);
      continue;
    }
    if (r.grade !== gradeOf(r.score, c.scheme.thresholds)) problems.push(`assessment result ${r._id}: grade ${r.grade} does not match score ${r.score} under the ${r.year} thresholds`);
    const sum = r.components.filter((x) => !x.key.startsWith('inspection.')).reduce((a, x) => a + (x.score === null ? 0 : (x.effectiveWeight * x.score) / 100), 0);
    if (Math.abs(to2(sum) - r.score) > 0.05) problems.push(`assessment result ${r._id}: components add up to ${to2(sum)}, not ${r.score}`);
    for (const x of r.components) {
      for (const id of x.inputs.findingIds ?? []) {
        const f = findings.get(id);
        if (!f || f.productId !== r.productId || f.year !== r.year) problems.push(`assessment result ${r._id} rests on a missing finding ${id}`);
      }
      if (x.inputs.summaryId && (x.inputs.ratings ?? 0) > 0 && !summaryIds.has(x.inputs.summaryId)) problems.push(`assessment result ${r._id} rests on a missing rating summary`);
      if (x.inputs.selfReportId && !reports.has(x.inputs.selfReportId)) problems.push(`assessment result ${r._id} rests on a missing self-report`);
    }
    if (r.status === 'published') {
      if (c.status !== 'published') problems.push(`assessment result ${r._id} is published before its campaign`);
      if (!r.documentNumber || !r.publishedAt) problems.push(`assessment result ${r._id} is published without a document number`);
      const prev = latest.get(r.productId);
      if (!prev || prev.year < r.year) latest.set(r.productId, r);
    } else if (c.status === 'published') problems.push(`assessment result ${r._id} is ${r.status} in a published campaign`);
  }
  for (const [productId, r] of latest) {
    const p = await store.get<ProductDoc>(COLLECTIONS.products, productId);
    if (p && (p.grade?.year !== r.year || p.grade.grade !== r.grade || p.grade.score !== r.score)) problems.push(`product ${productId} does not show its latest published grade`);
  }
  return problems;
}
