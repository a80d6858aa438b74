import type { CaseView } from '../../types/actions/ratings';
import type { ProductDoc } from '../../types/product';
import type { CaseDoc, SummaryDoc } from '../../types/rating';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, invalid, notFound } from '../_lib/errors';
import { isAdmin } from '../_lib/rules';
import { findByIds } from '../_lib/store/pages';
import type { Where } from '../_lib/store/port';
import { contactsFor, eraseCallbackContact, hasLiveContact } from './callbackContacts';
import { actsForProvider } from './permissions';
import { emptySummary, summaryId } from './summary';

async function view(ctx: Ctx, c: CaseDoc): Promise<CaseView> {
  return (await views(ctx, [c]))[0];
}

/** Cases as shown, with their products' names and call-back numbers read in one batch each ($in), not per case. */
async function views(ctx: Ctx, cases: CaseDoc[]): Promise<CaseView[]> {
  const [products, phones] = await Promise.all([findByIds<ProductDoc>(ctx.store, COLLECTIONS.products, cases.map((c) => c.productId)), contactsFor(ctx, cases)]);
  const names = new Map(products.map((p) => [p._id, p.name]));
  return cases.map((c) => {
    const { _id, raterId: _hidden, ...rest } = c;
    return { caseId: _id, ...rest, overdue: c.status === 'open' && ctx.clock.today() > c.dueOn, productName: names.get(c.productId) ?? '', contactPhone: phones.get(_id) ?? null };
  });
}

/** Bad-rating cases: a provider sees its own organisation's; the bureau sees all (optionally only the overdue). Never who rated. */
export async function listCases(input: { overdueOnly?: boolean }, ctx: Ctx) {
  const where: Where = {};
  if (!isAdmin(ctx.caller)) where.orgId = ctx.caller.orgId!;
  if (input.overdueOnly) Object.assign(where, { status: 'open', dueOn: { $lt: ctx.clock.today() } });
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

/** The person who rated says whether the fix satisfied them: the loop is closed by them, not on paper. */
export async function confirmCase(input: { caseId: string; satisfied: boolean }, ctx: Ctx) {
  const next = await ctx.store.transaction(async (tx) => {
    const c = await tx.get<CaseDoc>(COLLECTIONS.ratingCases, input.caseId);
    if (!c || c.raterId !== ctx.caller.userId) throw notFound('没有找到这个整改事项');
    if (c.status !== 'responded') throw conflict(c.status === 'open' ? '服务单位还没有答复' : '您已经确认过了');
    const updated: CaseDoc = { ...c, status: 'closed', raterSatisfied: input.satisfied };
    await tx.set(COLLECTIONS.ratingCases, c._id, updated);
    // The case is closed: the number it was kept for goes with it.
    await eraseCallbackContact(tx, c._id);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.ratingCases, recordId: c._id, change: { raterSatisfied: input.satisfied } });
    return updated;
  });
  return view(ctx, next);
}
