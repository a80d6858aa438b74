import type { ProductDoc } from '../../types/product';
import { BAD_LEVEL, CASE_WORKING_DAYS, type CaseDoc, type Dimension, type Level, type RatingDoc, type RatingTokenDoc, type SummaryDoc } from '../../types/rating';
import { addDays } from '../../types/workdays';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, notFound } from '../_lib/errors';
import { newId } from '../_lib/ids';
import { notify } from '../_lib/notify';
import type { Tx } from '../_lib/store/port';
import { ratingKeyOf } from '../catalogue/productDoc';
import { recordCallbackContact } from './callbackContacts';
import { loadCalendar } from '../publicity/calendar';
import { addRating, emptySummary, summaryId, toSummary } from './summary';
import { exitedReason } from './tokens';

async function bump(tx: Tx, id: string, productId: string, year: number | null, f: (s: SummaryDoc) => SummaryDoc): Promise<SummaryDoc> {
  const current = (await tx.get<SummaryDoc>(COLLECTIONS.ratingSummaries, id)) ?? emptySummary(productId, year);
  const next = f(current);
  await tx.set(COLLECTIONS.ratingSummaries, id, next);
  return next;
}

/**
 * The person served rates once with the code: 1 to 5, optional dimensions and words. The running summaries and the
 * product's rating change in the same transaction; a bad rating (1 or 2) opens a case due in five working days.
 */
export async function rate(input: { token: string; level: number; dimensions?: Partial<Record<Dimension, number>>; text?: string; callback?: { phone: string; consent: true } }, ctx: Ctx) {
  const level = input.level as Level;
  const today = ctx.clock.today();
  const text = input.text?.trim() || null;
  const verdict = text ? await ctx.content.check(text, ctx.caller.openid) : null;
  const dueOn = level <= BAD_LEVEL ? (await loadCalendar(ctx)).endOfWindow(addDays(today, 1), CASE_WORKING_DAYS).endsOn : null;
  const now = ctx.clock.now().toISOString();

  return ctx.store.transaction(async (tx) => {
    const t = await tx.get<RatingTokenDoc>(COLLECTIONS.ratingTokens, input.token);
    if (!t) throw notFound('评价码无效，请向服务人员重新索取');
    if (t.usedAt) throw conflict('这个评价码已经用过了，每次服务只能评价一次');
    if (today > t.expiresOn) throw conflict('评价码已过期（有效期 30 天）');
    const product = await tx.get<ProductDoc>(COLLECTIONS.products, t.productId);
    if (!product) throw notFound('这个产品已不在目录中');
    // Issue 12: an exited product cannot be rated; its outstanding codes are void.
    if (product.status === 'exited') throw conflict(exitedReason(product));
    const sortKey = t.productSortKey ?? product.sortKey;

    const rating: RatingDoc = {
      _id: newId('r'),
      productId: t.productId,
      token: t._id,
      level,
      dimensions: input.dimensions ?? {},
      text,
      textStatus: verdict === null ? null : verdict === 'pass' ? 'shown' : 'pending',
      raterId: ctx.caller.userId!,
      ratedOn: today,
      year: Number(today.slice(0, 4)),
      createdAt: now,
    };
    await tx.update(COLLECTIONS.ratingTokens, t._id, { usedAt: now });
    await tx.insert(COLLECTIONS.ratings, rating);
    const withCase = (s: SummaryDoc) => (dueOn ? { ...s, casesOpened: s.casesOpened + 1 } : s);
    const all = await bump(tx, summaryId(t.productId, null), t.productId, null, (s) => withCase(addRating(s, level, rating.dimensions)));
    await bump(tx, summaryId(t.productId, rating.year), t.productId, rating.year, (s) => withCase(addRating(s, level, rating.dimensions)));
    const lite = { count: all.count, satisfactionRate: toSummary(all).satisfactionRate };
    await tx.update(COLLECTIONS.products, t.productId, { rating: lite, ratingKey: ratingKeyOf(lite, sortKey) });

    let caseId: string | null = null;
    if (dueOn) {
      const c: CaseDoc = { _id: newId('k'), ratingId: rating._id, productId: t.productId, orgId: t.orgId, raterId: rating.raterId, level, openedOn: today, dueOn, status: 'open', response: null, onTime: null, raterSatisfied: null, callbackWanted: !!input.callback };
      await tx.insert(COLLECTIONS.ratingCases, c);
      if (input.callback) await recordCallbackContact(tx, ctx, c, input.callback.phone);
      caseId = c._id;
      await notify(tx, ctx, { to: { orgId: c.orgId }, kind: 'caseOpened', recordId: c._id, body: `一位群众给出“不满意”评价，请在 ${dueOn} 前回访并整改`, link: '/packages/applicant/pages/ratings/index' });
    }
    await appendAudit(tx, ctx, { collection: COLLECTIONS.ratings, recordId: rating._id, change: { productId: t.productId, level, caseId } });
    return { ratingId: rating._id, caseId, summary: toSummary(all) };
  });
}

export async function readSummary(input: { productId: string; year?: number }, ctx: Ctx) {
  const s = await ctx.store.get<SummaryDoc>(COLLECTIONS.ratingSummaries, summaryId(input.productId, input.year ?? null));
  return toSummary(s ?? emptySummary(input.productId, input.year ?? null));
}
