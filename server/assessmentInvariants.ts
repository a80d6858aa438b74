/**
 * Assessment (测评) invariants: a grade matches its score, its year's thresholds and its evidence (issue 21: a grade is
 * earned by evidence; 证据不足 needs the bureau's decision before the results are confirmed; a 不合格 always meets its
 * own minimum evidence); every result's inputs exist, add up to its score and to its evidence counts; findings are
 * only ever added, each author (organisation and role) keeps one chain per product and method — only it supersedes its
 * findings, each once, and it has one finding in force at a time; a product shows its latest published grade.
 */
import {
  METHODS,
  completeScheme,
  evidencedGrade,
  findingAuthor,
  findingHeadId,
  gradeInForce,
  gradeOf,
  productGradeOf,
  resultId,
  shortfallFor,
  to2,
  type AssessmentResultDoc,
  type CampaignDoc,
  type FindingDoc,
  type SelfReportDoc,
} from '../types/assessment';
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
  const inForce = new Map<string, string[]>();
  const superseded = new Set([...findings.values()].map((f) => f.supersedes).filter(Boolean));
  for (const f of findings.values()) {
    if (!superseded.has(f._id)) inForce.set(findingHeadId(f), [...(inForce.get(findingHeadId(f)) ?? []), f._id]);
    const c = campaigns.get(f.year);
    if (!c) problems.push(`finding ${f._id} belongs to no campaign`);
    else if (!c.scope.some((s) => s.productId === f.productId)) problems.push(`finding ${f._id} is for a product outside the ${f.year} campaign`);
    if (f.score < 0 || f.score > 100) problems.push(`finding ${f._id} has score ${f.score}`);
    if (f.supersedes) {
      const old = findings.get(f.supersedes);
      if (!old || old.productId !== f.productId || old.method !== f.method || old.year !== f.year) problems.push(`finding ${f._id} supersedes a finding of another product or method`);
      else if (findingAuthor(old) !== findingAuthor(f)) problems.push(`finding ${f._id} (${findingAuthor(f)}) supersedes ${old._id} of another author (${findingAuthor(old)})`);
      if (!f.reason && !f.appealId) problems.push(`finding ${f._id} corrects another without a reason`);
      if (supersededOnce.has(f.supersedes)) problems.push(`finding ${f.supersedes} is superseded twice`);
      supersededOnce.add(f.supersedes);
    }
  }

  for (const [head, ids] of inForce) if (ids.length > 1) problems.push(`${ids.length} findings in force for one author's chain ${head}: ${ids.join(', ')}`);
  for (const h of await all<{ _id: string; findingId?: string }>(store, COLLECTIONS.counters)) {
    if (!h._id.startsWith('findingHead:')) continue;
    const f = h.findingId ? findings.get(h.findingId) : undefined;
    if (!f || findingHeadId(f) !== h._id || !inForce.get(h._id)?.includes(f._id)) problems.push(`finding chain head ${h._id} does not name its finding in force`);
  }

  const latest = new Map<string, AssessmentResultDoc>();
  for (const r of await all<AssessmentResultDoc>(store, COLLECTIONS.assessmentResults)) {
    const c = campaigns.get(r.year);
    if (r._id !== resultId(r.year, r.productId)) problems.push(`assessment result ${r._id} is filed under the wrong id`);
    if (!c) {
      problems.push(`assessment result ${r._id} belongs to no campaign`);
      continue;
    }
    problems.push(...gradeProblems(r, c));
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
    if (r.evidence) {
      const subs = r.components.filter((x) => x.key.startsWith('inspection.'));
      const counted = subs.reduce((a, x) => a + (x.inputs.findingIds?.length ?? 0), 0);
      const methods = METHODS.filter((m) => subs.some((x) => x.key === `inspection.${m}` && (x.inputs.findingIds?.length ?? 0) > 0));
      if (r.evidence.ratings !== r.satisfaction.n || r.evidence.findings !== counted || r.evidence.methods.join() !== methods.join())
        problems.push(`assessment result ${r._id}: its evidence (${r.evidence.ratings} ratings, ${r.evidence.findings} findings) does not match its inputs (${r.satisfaction.n}, ${counted})`);
      const use = r.components.find((x) => x.key === 'use');
      if (use && r.evidence.use === 'accepted' && use.missing) problems.push(`assessment result ${r._id}: usage counted as accepted but not measured`);
    }
    if (r.status === 'published') {
      if (r.decision?.decision === 'carry-over' && r.decision.carried) {
        const from = await store.get<AssessmentResultDoc>(COLLECTIONS.assessmentResults, resultId(r.decision.carried.year, r.productId));
        if (!from || from.status !== 'published' || from.grade !== r.decision.carried.grade || from.score !== r.decision.carried.score) problems.push(`assessment result ${r._id} carries over a grade that was not published`);
      }
      if (c.status !== 'published') problems.push(`assessment result ${r._id} is published before its campaign`);
      if (!r.documentNumber || !r.publishedAt) problems.push(`assessment result ${r._id} is published without a document number`);
      const prev = latest.get(r.productId);
      if (r.grade && (!prev || prev.year < r.year)) latest.set(r.productId, r);
    } else if (c.status === 'published') problems.push(`assessment result ${r._id} is ${r.status} in a published campaign`);
  }
  for (const [productId, r] of latest) {
    const p = await store.get<ProductDoc>(COLLECTIONS.products, productId);
    const want = productGradeOf(r)!;
    if (p && (p.grade?.year !== want.year || p.grade.grade !== want.grade || p.grade.score !== want.score || p.grade.carriedFrom !== want.carriedFrom)) problems.push(`product ${productId} does not show its latest published grade`);
  }
  return problems;
}

/**
 * A result's grade follows from its score, its evidence and the bureau's decision, by the year's scheme: the score's
 * grade; the evidenced grade (the same, or a lower positive one); for 证据不足 the decision (none until decided, and
 * nothing confirmed or published while undecided); a 不合格 only with 不合格's own evidence.
 */
function gradeProblems(r: AssessmentResultDoc, c: CampaignDoc): string[] {
  const out: string[] = [];
  const scheme = completeScheme(c.scheme);
  if (r.scoreGrade === undefined) {
    // Written before issue 21: the grade was the score's.
    if (r.grade !== gradeOf(r.score, scheme.thresholds)) out.push(`assessment result ${r._id}: grade ${r.grade} does not match score ${r.score} under the ${r.year} thresholds`);
    return out;
  }
  if (r.scoreGrade !== gradeOf(r.score, scheme.thresholds)) out.push(`assessment result ${r._id}: score grade ${r.scoreGrade} does not match score ${r.score} under the ${r.year} thresholds`);
  const { grade: evidenced } = evidencedGrade(r.scoreGrade, r.evidence, scheme.evidence, scheme.thresholds.pass);
  if (r.insufficient !== (evidenced === null)) out.push(`assessment result ${r._id}: marked ${r.insufficient ? 'insufficient' : 'sufficient'}, its evidence says otherwise`);
  if (evidenced && r.decision) out.push(`assessment result ${r._id}: a decision on a result whose evidence suffices`);
  const want = gradeInForce(r.scoreGrade, evidenced, r.decision);
  if (r.grade !== want) out.push(`assessment result ${r._id}: grade ${r.grade} where its score, evidence and decision give ${want}`);
  if (r.grade === 'fail' && shortfallFor('fail', scheme.evidence.grades.fail, r.evidence, scheme.thresholds.pass)) out.push(`assessment result ${r._id}: 不合格 without 不合格's evidence`);
  if (r.insufficient && !r.decision && r.status !== 'draft') out.push(`assessment result ${r._id} is ${r.status} while its insufficient evidence awaits a decision`);
  if (r.decision?.decision === 'carry-over' && (!r.decision.carried || r.decision.carried.grade === 'fail')) out.push(`assessment result ${r._id} carries over no grade, or a 不合格`);
  return out;
}
