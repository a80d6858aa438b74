import type { CaseView } from '../../types/actions/ratings';
import type { ProductDoc } from '../../types/product';
import { REVIEW_WORKING_DAYS, type CaseDoc, type RatingDoc, type SummaryDoc } from '../../types/rating';
import { addDays } from '../../types/workdays';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, invalid, notFound } from '../_lib/errors';
import { notify } from '../_lib/notify';
import { isAdmin } from '../_lib/rules';
import { loadCalendar } from '../publicity/calendar';
import { findByIds } from '../_lib/store/pages';
import type { Where } from '../_lib/store/port';
import { contactsFor, eraseCallbackContact, hasLiveContact } from './callbackContacts';
import { actsForProvider } from './permissions';
import { emptySummary, summaryId } from './summary';

export async function view(ctx: Ctx, c: CaseDoc): Promise<CaseView> {
  return (await views(ctx, [c]))[0];
}

/**
 * Cases as shown, with their products' names, the ratings' words and call-back numbers read in one batch each ($in),
 * not per case. Never who rated. The words the person wrote are shown once the content check passed them (a text held
 * for a person's review — a phone or ID number in it, say — is withheld, and the case says so); what the person told
 * the bureau when asking for a review is for the bureau and the person alone.
 */
async function views(ctx: Ctx, cases: CaseDoc[]): Promise<CaseView[]> {
  const [products, ratings, phones] = await Promise.all([
    findByIds<ProductDoc>(ctx.store, COLLECTIONS.products, cases.map((c) => c.productId)),
    findByIds<RatingDoc>(ctx.store, COLLECTIONS.ratings, cases.map((c) => c.ratingId)),
    contactsFor(ctx, cases),
  ]);
  const names = new Map(products.map((p) => [p._id, p.name]));
  const words = new Map(ratings.map((r) => [r._id, r]));
  return cases.map((c) => {
    const { _id, raterId, ...rest } = c;
    const rating = words.get(c.ratingId);
    const own = raterId === ctx.caller.userId;
    const shown = !!rating?.text && (rating.textStatus === 'shown' || own);
    const review = c.review && !own && !isAdmin(ctx.caller) ? { ...c.review, reason: null } : (c.review ?? null);
    return {
      caseId: _id,
      ...rest,
      review,
      overdue: c.status === 'open' && ctx.clock.today() > c.dueOn,
      productName: names.get(c.productId) ?? '',
      contactPhone: phones.get(_id) ?? null,
      text: shown ? rating!.text : null,
      textHeld: !!rating?.text && !shown,
    };
  });
}

/** The citizen's page of their own cases, opened at one case (messages link here). */
export const MY_CASE_PAGE = '/packages/account/pages/cases/index';
/** The page where the provider (and the bureau, for every product) works the cases, opened at one. */
export const PROVIDER_CASE_PAGE = '/packages/applicant/pages/ratings/index';
export const caseLink = (page: string, caseId: string) => `${page}?open=${caseId}`;

/**
 * Bad-rating cases: a provider sees its own organisation's; the bureau sees all (optionally only the overdue, or only
 * those waiting for its review). Never who rated.
 */
export async function listCases(input: { overdueOnly?: boolean; reviewOnly?: boolean }, ctx: Ctx) {
  const where: Where = {};
  if (!isAdmin(ctx.caller)) where.orgId = ctx.caller.orgId!;
  if (input.overdueOnly) Object.assign(where, { status: 'open', dueOn: { $lt: ctx.clock.today() } });
  if (input.reviewOnly) where.status = 'review';
  const docs = await ctx.store.find<CaseDoc>(COLLECTIONS.ratingCases, { where, orderBy: [['openedOn', 'desc']], limit: 500 });
  return { cases: await views(ctx, docs) };
}

/** The rater's own cases: what the provider did about their bad rating. */
export async function myCases(_input: unknown, ctx: Ctx) {
  const docs = await ctx.store.find<CaseDoc>(COLLECTIONS.ratingCases, { where: { raterId: ctx.caller.userId! }, orderBy: [['openedOn', 'desc']], limit: 100 });
  return { cases: await views(ctx, docs) };
}

/** The provider records the call back (only when the person left a number) and the fix; on time means by the due day. */
export async function respondCase(input: { caseId: string; callbackOn?: string; callbackNote?: string; fix: string }, ctx: Ctx) {
  const today = ctx.clock.today();
  const next = await ctx.store.transaction(async (tx) => {
    const c = await tx.get<CaseDoc>(COLLECTIONS.ratingCases, input.caseId);
    if (!c || !actsForProvider(ctx.caller, c.orgId)) throw notFound('没有找到这个整改事项');
    if (c.status !== 'open') throw conflict('这个整改事项已经答复过了');
    const callable = await hasLiveContact(tx, ctx, c._id);
    if (callable && (!input.callbackOn || !input.callbackNote))
      throw invalid('对方留了电话，请先回访并记录回访情况', [{ path: input.callbackOn ? 'callbackNote' : 'callbackOn', message: '对方留了电话，请先回访并记录回访情况' }]);
    const onTime = today <= c.dueOn;
    const call = callable ? { callbackOn: input.callbackOn!, callbackNote: input.callbackNote! } : { callbackOn: null, callbackNote: null };
    const updated: CaseDoc = { ...c, status: 'responded', response: { ...call, fix: input.fix, respondedOn: today }, onTime };
    await tx.set(COLLECTIONS.ratingCases, c._id, updated);
    // The person hears back: what was done, and whether someone called (issue 24). One message per answer.
    const product = await tx.get<ProductDoc>(COLLECTIONS.products, c.productId);
    const called = call.callbackOn ? `已于 ${call.callbackOn} 给您回电；` : '';
    await notify(tx, ctx, {
      to: { userIds: [c.raterId] },
      kind: 'caseResponded',
      recordId: c._id,
      occasion: String(c.earlier?.length ?? 0),
      body: `您对“${product?.name ?? ''}”的评价，服务单位${called}整改措施：${input.fix}。满意吗？请告诉我们。`,
      link: caseLink(MY_CASE_PAGE, c._id),
    });
    for (const year of [null, Number(c.openedOn.slice(0, 4))]) {
      const id = summaryId(c.productId, year);
      const s = (await tx.get<SummaryDoc>(COLLECTIONS.ratingSummaries, id)) ?? emptySummary(c.productId, year);
      await tx.set(COLLECTIONS.ratingSummaries, id, { ...s, casesClosedOnTime: s.casesClosedOnTime + (onTime ? 1 : 0), casesLate: s.casesLate + (onTime ? 0 : 1) });
    }
    await appendAudit(tx, ctx, { collection: COLLECTIONS.ratingCases, recordId: c._id, change: { responded: true, onTime } });
    return updated;
  });
  return view(ctx, next);
}

/**
 * The person who rated says whether the fix satisfied them: the loop is closed by them, not on paper. Satisfied, the
 * case closes. 仍不满意 the first time: the case goes to the bureau for review (好差评's 复核), due REVIEW_WORKING_DAYS
 * working days later, and the bureau and the provider are told; after a review, the person's word closes the case.
 */
export async function confirmCase(input: { caseId: string; satisfied: boolean; reason?: string }, ctx: Ctx) {
  const today = ctx.clock.today();
  const cal = input.satisfied ? null : await loadCalendar(ctx);
  const next = await ctx.store.transaction(async (tx) => {
    const c = await tx.get<CaseDoc>(COLLECTIONS.ratingCases, input.caseId);
    if (!c || c.raterId !== ctx.caller.userId) throw notFound('没有找到这个整改事项');
    if (c.status !== 'responded') throw conflict(c.status === 'open' ? '服务单位还没有答复' : c.status === 'review' ? '市司法局正在复核，请等待复核结果' : '您已经确认过了');
    if (!input.satisfied && !c.review) {
      const dueOn = cal!.endOfWindow(addDays(today, 1), REVIEW_WORKING_DAYS).endsOn;
      const updated: CaseDoc = { ...c, status: 'review', review: { requestedOn: today, dueOn, reason: input.reason?.trim() || null, decision: null } };
      await tx.set(COLLECTIONS.ratingCases, c._id, updated);
      const product = await tx.get<ProductDoc>(COLLECTIONS.products, c.productId);
      const name = product?.name ?? '';
      await notify(tx, ctx, { to: 'admin', kind: 'caseReviewRequested', recordId: c._id, body: `“${name}”的差评整改，评价人仍不满意，请于 ${dueOn} 前复核`, link: caseLink(PROVIDER_CASE_PAGE, c._id) });
      await notify(tx, ctx, { to: { orgId: c.orgId }, kind: 'caseReviewRequested', recordId: c._id, body: `“${name}”的差评整改，评价人仍不满意，已提请市司法局复核`, link: caseLink(PROVIDER_CASE_PAGE, c._id) });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.ratingCases, recordId: c._id, change: { raterSatisfied: false, review: { dueOn } } });
      return updated;
    }
    const updated: CaseDoc = { ...c, status: 'closed', raterSatisfied: input.satisfied };
    await tx.set(COLLECTIONS.ratingCases, c._id, updated);
    // The case is closed: the number it was kept for goes with it.
    await eraseCallbackContact(tx, c._id);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.ratingCases, recordId: c._id, change: { raterSatisfied: input.satisfied } });
    return updated;
  });
  return view(ctx, next);
}
