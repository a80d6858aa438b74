import { findingAuthor, resultId, type AppealDoc, type AssessmentResultDoc, type Evidence, type FindingDoc, type Method, type SelfReportDoc } from '../../types/assessment';
import type { SummaryDoc } from '../../types/rating';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, forbidden, notFound } from '../_lib/errors';
import { checkAttachments } from '../declarations/registerFile';
import { summaryId } from '../ratings/summary';
import { buildResult } from './compute';
import { appealView, checkSupersedes, cityOf, findAll, findingsOfYear, loadCampaign, ownCurrent, resultView, scopeEntry } from './load';
import { newFinding, writeFinding } from './recordFinding';
import { actsForProduct } from './permissions';

/**
 * The provider is heard before the grade is final: within the appeal window (working days after the draft results),
 * one appeal per product, with reasons and evidence. After the window: CONFLICT.
 */
export async function appeal(input: { year: number; productId: string; reason: string; evidence: Evidence[] }, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  const entry = scopeEntry(c, input.productId);
  if (!actsForProduct(ctx.caller, entry.orgId)) throw forbidden('只有提供该产品的单位可以对测评结果申诉');
  if (c.status !== 'computed' || !c.appealBy) throw conflict('测评结果尚未公布征求意见，或已经确认，现在不能申诉');
  if (ctx.clock.today() > c.appealBy) throw conflict(`申诉期已于 ${c.appealBy} 结束`);
  const doc: AppealDoc = {
    _id: resultId(input.year, input.productId),
    year: input.year,
    productId: input.productId,
    orgId: entry.orgId!,
    reason: input.reason,
    evidence: input.evidence,
    filedBy: ctx.caller.userId!,
    filedOn: ctx.clock.today(),
    status: 'pending',
    decision: null,
  };
  await ctx.store.transaction(async (tx) => {
    if (await tx.get(COLLECTIONS.assessmentAppeals, doc._id)) throw conflict('这个产品本年度已经申诉过了');
    await checkAttachments(tx, ctx, input.evidence, 'evidence');
    await tx.insert(COLLECTIONS.assessmentAppeals, doc);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.assessmentAppeals, recordId: doc._id, change: { filed: true, reason: doc.reason } });
  });
  return appealView(doc, c);
}

export async function listAppeals(input: { year: number }, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  const docs = await findAll<AppealDoc>(ctx.store, COLLECTIONS.assessmentAppeals, { where: { year: input.year }, orderBy: [['_id', 'asc']] });
  return { appeals: docs.map((a) => appealView(a, c)) };
}

/**
 * The bureau decides an appeal with a reason. Accepted: the review is recorded as the bureau's own finding (it
 * corrects the bureau's earlier finding of that method, if any: only an author corrects its findings, so an
 * assessor's or a purchasing unit's stays theirs) and that product's draft is computed again in the same transaction.
 */
export async function decideAppeal(input: { appealId: string; accepted: boolean; reason: string; finding?: { method: Method; score: number; notes: string; supersedes?: string } }, ctx: Ctx) {
  const first = await ctx.store.get<AppealDoc>(COLLECTIONS.assessmentAppeals, input.appealId);
  if (!first) throw notFound('没有找到这条申诉');
  const c = await loadCampaign(ctx, first.year);
  if (c.status !== 'computed') throw conflict('测评结果已经确认，不能再处理申诉');
  const entry = scopeEntry(c, first.productId);
  const existing = await findingsOfYear(ctx.store, first.year, first.productId);
  const f = input.accepted ? input.finding! : null;
  const today = ctx.clock.today();
  const now = ctx.clock.now().toISOString();
  let finding: FindingDoc | null = null;
  let own: FindingDoc | null = null;
  if (f) {
    const draft = newFinding(ctx, 'admin', { year: first.year, productId: first.productId, method: f.method, on: today, score: f.score, notes: f.notes, checked: [], evidence: [], supersedes: null, reason: null, appealId: first._id });
    const author = findingAuthor(draft);
    if (f.supersedes) checkSupersedes(existing, f.supersedes, f.method, 'finding.supersedes', author);
    own = ownCurrent(existing, f.method, author);
    const supersedes = f.supersedes ?? own?._id ?? null;
    finding = { ...draft, supersedes, reason: supersedes ? input.reason : null };
  }
  const summary = await ctx.store.get<SummaryDoc>(COLLECTIONS.ratingSummaries, summaryId(first.productId, first.year));
  const selfReport = await ctx.store.get<SelfReportDoc>(COLLECTIONS.assessmentSelfReports, resultId(first.year, first.productId));

  return ctx.store.transaction(async (tx) => {
    const a = await tx.get<AppealDoc>(COLLECTIONS.assessmentAppeals, input.appealId);
    if (!a || a.status !== 'pending') throw conflict('这条申诉已经处理过了');
    const decided: AppealDoc = { ...a, status: input.accepted ? 'accepted' : 'rejected', decision: { reason: input.reason, decidedOn: today, findingId: finding?._id ?? null } };
    await tx.set(COLLECTIONS.assessmentAppeals, a._id, decided);
    let result = (await tx.get<AssessmentResultDoc>(COLLECTIONS.assessmentResults, resultId(a.year, a.productId)))!;
    if (finding) {
      await writeFinding(tx, ctx, finding, own?._id ?? null);
      result = buildResult(c, entry, { summary, findings: [...existing, finding], selfReport, city: cityOf(c) }, now, result);
      await tx.set(COLLECTIONS.assessmentResults, result._id, result);
    }
    await appendAudit(tx, ctx, { collection: COLLECTIONS.assessmentAppeals, recordId: a._id, change: { status: decided.status, reason: input.reason, score: result.score, grade: result.grade } });
    return { appeal: appealView(decided, c), result: resultView(result) };
  });
}
