/**
 * 好差评's 复核 (issue 24): the bureau decides a case the person was still not satisfied with. `upheld`: the provider's
 * answer stands and the case closes (the call-back number goes with it). `redo`: the answer is set aside — kept in
 * `earlier`, and no longer counted as answered on time or late — and the case reopens for the provider with a new
 * deadline; the person then judges the new answer, without a second review. The person and the provider are told,
 * each with a link to the case.
 */
import { CASE_WORKING_DAYS, REVIEW_OUTCOME_LABELS, type CaseDoc, type ReviewOutcome, type SummaryDoc } from '../../types/rating';
import type { ProductDoc } from '../../types/product';
import { addDays } from '../../types/workdays';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, notFound } from '../_lib/errors';
import { notify } from '../_lib/notify';
import { loadCalendar } from '../publicity/calendar';
import { caseLink, MY_CASE_PAGE, PROVIDER_CASE_PAGE, view } from './cases';
import { eraseCallbackContact } from './callbackContacts';
import { bumpSummary } from './summary';

export async function decideReview(input: { caseId: string; outcome: ReviewOutcome; reason: string }, ctx: Ctx) {
  const today = ctx.clock.today();
  const newDue = input.outcome === 'redo' ? (await loadCalendar(ctx)).endOfWindow(addDays(today, 1), CASE_WORKING_DAYS).endsOn : null;
  const next = await ctx.store.transaction(async (tx) => {
    const c = await tx.get<CaseDoc>(COLLECTIONS.ratingCases, input.caseId);
    if (!c) throw notFound('没有找到这个整改事项');
    if (c.status !== 'review' || !c.review || c.review.decision) throw conflict('这个整改事项不在复核中');
    const review = { ...c.review, decision: { outcome: input.outcome, reason: input.reason, decidedOn: today } };
    const product = await tx.get<ProductDoc>(COLLECTIONS.products, c.productId);
    const name = product?.name ?? '';
    let updated: CaseDoc;
    if (input.outcome === 'upheld') {
      updated = { ...c, status: 'closed', review, raterSatisfied: false };
      await eraseCallbackContact(tx, c._id);
    } else {
      // The answer set aside no longer counts as answered (on time or late); the new answer will.
      if (c.onTime !== null) {
        const undo = (s: SummaryDoc): SummaryDoc => ({ ...s, casesClosedOnTime: s.casesClosedOnTime - (c.onTime ? 1 : 0), casesLate: s.casesLate - (c.onTime ? 0 : 1) });
        await bumpSummary(tx, c.productId, null, undo);
        await bumpSummary(tx, c.productId, Number(c.openedOn.slice(0, 4)), undo);
      }
      updated = { ...c, status: 'open', review, dueOn: newDue!, earlier: [...(c.earlier ?? []), ...(c.response ? [c.response] : [])], response: null, onTime: null, overdue: false };
      await notify(tx, ctx, { to: { orgId: c.orgId }, kind: 'caseReopened', recordId: c._id, body: `“${name}”的差评经市司法局复核，请于 ${newDue} 前重新整改：${input.reason}`, link: caseLink(PROVIDER_CASE_PAGE, c._id) });
    }
    await tx.set(COLLECTIONS.ratingCases, c._id, updated);
    const outcome = REVIEW_OUTCOME_LABELS[input.outcome];
    await notify(tx, ctx, {
      to: { userIds: [c.raterId] },
      kind: 'caseReviewDecided',
      recordId: c._id,
      body: input.outcome === 'redo' ? `您对“${name}”的评价，市司法局复核后${outcome}（${newDue} 前），理由：${input.reason}` : `您对“${name}”的评价，市司法局复核后${outcome}，理由：${input.reason}`,
      link: caseLink(MY_CASE_PAGE, c._id),
    });
    if (input.outcome === 'upheld')
      await notify(tx, ctx, { to: { orgId: c.orgId }, kind: 'caseReviewDecided', recordId: c._id, body: `“${name}”的差评复核：${outcome}`, link: caseLink(PROVIDER_CASE_PAGE, c._id) });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.ratingCases, recordId: c._id, change: { review: input.outcome, reason: input.reason, ...(newDue ? { dueOn: newDue } : {}) } });
    return updated;
  });
  return view(ctx, next);
}
