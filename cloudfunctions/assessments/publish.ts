import { productGradeOf, resultId, type AssessmentResultDoc } from '../../types/assessment';
import type { ProductDoc } from '../../types/product';
import { appendAudit } from '../_lib/audit';
import { gradeKeyOf } from '../catalogue/productDoc';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict } from '../_lib/errors';
import { inTransactions } from '../_lib/store/pages';
import { campaignView, loadCampaign, resultsOfYear } from './load';

/** How many products a message names before it says 等. */
const NAMED = 10;

/**
 * 经综合测评确认: every appeal decided, and every product in scope with a decision (issue 21): a grade its evidence
 * earns, or, for one whose evidence is insufficient, the bureau's recorded decision. The drafts become the confirmed results.
 */
export async function confirmResults(input: { year: number; reason: string }, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  if (c.status !== 'computed') throw conflict(c.status === 'open' ? '请先计算测评结果' : '测评结果已经确认过了');
  const pending = await ctx.store.count(COLLECTIONS.assessmentAppeals, { year: input.year, status: 'pending' });
  if (pending) throw conflict(`还有 ${pending} 条申诉没有处理，处理完毕后才能确认`);
  const results = new Map((await resultsOfYear(ctx.store, input.year)).map((r) => [r.productId, r]));
  const undecided = c.scope.filter((e) => !results.get(e.productId) || (results.get(e.productId)!.insufficient && !results.get(e.productId)!.decision));
  if (undecided.length) {
    const names = undecided.slice(0, NAMED).map((e) => `“${e.name}”`).join('、') + (undecided.length > NAMED ? ` 等` : '');
    throw conflict(`还有 ${undecided.length} 个产品证据不足、尚未决定：${names}。请逐个决定（按现有证据定等次、沿用上年等次或本年度不定等次）后再确认`);
  }
  const now = ctx.clock.now().toISOString();
  // The results in bounded transactions side by side (issue 25), the campaign's own state last: a failure leaves it
  // computed, and confirming again finishes.
  await inTransactions(ctx.store, c.scope, (tx, e) => tx.update(COLLECTIONS.assessmentResults, resultId(c.year, e.productId), { status: 'confirmed' }));
  await ctx.store.transaction(async (tx) => {
    await tx.update(COLLECTIONS.assessmentCampaigns, c._id, { status: 'confirmed', confirmedAt: now });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.assessmentCampaigns, recordId: c._id, change: { confirmed: c.scope.length, reason: input.reason } });
  });
  return campaignView({ ...c, status: 'confirmed', confirmedAt: now });
}

/**
 * 向社会公布测评结果: the confirmed results become published and immutable; each product shows its latest grade.
 * Written in batches; a rerun after a failure finishes what is left (published results are skipped).
 */
export async function publishResults(input: { year: number; documentNumber: string; reason: string }, ctx: Ctx) {
  const c = await loadCampaign(ctx, input.year);
  if (c.status !== 'confirmed') throw conflict(c.status === 'published' ? '测评结果已经公布，不能更改' : '请先确认测评结果');
  const now = ctx.clock.now().toISOString();
  // Each product's result and grade in one transaction, bounded transactions side by side (issue 25); the campaign last.
  await inTransactions(ctx.store, c.scope, async (tx, e) => {
    const r = await tx.get<AssessmentResultDoc>(COLLECTIONS.assessmentResults, resultId(c.year, e.productId));
    if (!r || r.status === 'published') return;
    await tx.update(COLLECTIONS.assessmentResults, r._id, { status: 'published', documentNumber: input.documentNumber, publishedAt: now });
    // A product shows its latest published grade; a year without one (证据不足, 不定等次) leaves the earlier one, with its year.
    const grade = productGradeOf(r);
    const p = grade ? await tx.get<ProductDoc>(COLLECTIONS.products, e.productId) : null;
    if (p && grade && (!p.grade || p.grade.year <= c.year)) await tx.update(COLLECTIONS.products, p._id, { grade, gradeKey: gradeKeyOf(grade, p.sortKey) });
  }, { perTx: 5 });
  await ctx.store.transaction(async (tx) => {
    await tx.update(COLLECTIONS.assessmentCampaigns, c._id, { status: 'published', publishedAt: now, documentNumber: input.documentNumber });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.assessmentCampaigns, recordId: c._id, change: { published: c.scope.length, documentNumber: input.documentNumber, reason: input.reason } });
  });
  return campaignView({ ...c, status: 'published', publishedAt: now, documentNumber: input.documentNumber });
}


