import { BAD_LEVEL, CASE_WORKING_DAYS, LEVEL_LABELS, RATING_GUARDS, type CaseDoc, type Dimension, type FlagReason, type Level, type RatingDoc, type RatingTokenDoc, type SummaryDoc } from '../../types/rating';
import { addDays } from '../../types/workdays';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, forbidden, notFound } from '../_lib/errors';
import { newId } from '../_lib/ids';
import { notify } from '../_lib/notify';
import { recordCallbackContact } from './callbackContacts';
import { caseLink, PROVIDER_CASE_PAGE } from './cases';
import { isApplicant } from '../_lib/rules';
import type { ProductDoc } from '../../types/product';
import { loadCalendar } from '../publicity/calendar';
import { applyToSummaries, bumpSummary, emptySummary, summaryId, toSummary } from './summary';
import { exitedReason } from './tokens';

/**
 * Whether a new rating is held out of the summary, and which earlier ratings of the same burst join it. Read before
 * the transaction (queries are not allowed inside). The provider's own staff never get this far (FORBIDDEN).
 */
async function screen(ctx: Ctx, t: RatingTokenDoc, now: Date): Promise<{ reason: FlagReason | null; burst: string[] }> {
  if (ctx.caller.userId === t.issuedBy) return { reason: 'issuer-account', burst: [] };
  if (ctx.caller.orgId && ctx.caller.orgId === t.orgId) return { reason: 'provider-account', burst: [] };
  const since = new Date(now.getTime() - RATING_GUARDS.burst.minutes * 60_000).toISOString();
  const recent = await ctx.store.find<RatingDoc>(COLLECTIONS.ratings, { where: { issuedBy: t.issuedBy, createdAt: { $gte: since } }, orderBy: [['createdAt', 'desc']], limit: 1000 });
  if (recent.length + 1 <= RATING_GUARDS.burst.ratings) return { reason: null, burst: [] };
  return { reason: 'burst', burst: recent.filter((r) => r.counted !== false).map((r) => r._id) };
}

/**
 * The person served rates once with the code: 1 to 5, optional dimensions and words. The provider's own staff may
 * not rate its products. A rating tied to the provider, or part of a burst of one issuer's codes, is kept but held
 * out of the summary (with the burst's earlier ratings) until the bureau reviews it. The summaries and the product's
 * rating change in the same transaction; a bad rating (1 or 2) opens a case due in five working days.
 */
export async function rate(input: { token: string; level: number; dimensions?: Partial<Record<Dimension, number>>; text?: string; callback?: { phone: string; consent: true } }, ctx: Ctx) {
  const level = input.level as Level;
  const today = ctx.clock.today();
  const text = input.text?.trim() || null;
  const pre = await ctx.store.get<RatingTokenDoc>(COLLECTIONS.ratingTokens, input.token);
  if (!pre) throw notFound('评价码无效，请向服务人员重新索取');
  if (isApplicant(ctx.caller) && ctx.caller.orgId === pre.orgId) throw forbidden('不能评价本单位提供的产品。请把评价码交给接受服务的群众，由他们本人评价');
  const nowDate = ctx.clock.now();
  const now = nowDate.toISOString();
  // The content check, the calendar (a bad rating's case) and the burst screen are independent: one round trip (issue 25).
  const [verdict, cal, held] = await Promise.all([text ? ctx.content.check(text, ctx.caller.openid) : null, level <= BAD_LEVEL ? loadCalendar(ctx) : null, screen(ctx, pre, nowDate)]);
  const dueOn = cal ? cal.endOfWindow(addDays(today, 1), CASE_WORKING_DAYS).endsOn : null;

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

    const flag = held.reason ? { reason: held.reason, at: now } : null;
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
      issuedBy: t.issuedBy,
      counted: !flag,
      flag,
      flagStatus: flag ? 'pending' : null,
      review: null,
    };
    await tx.update(COLLECTIONS.ratingTokens, t._id, { usedAt: now });
    await tx.insert(COLLECTIONS.ratings, rating);
    let all: SummaryDoc | null = rating.counted ? await applyToSummaries(tx, rating, +1, sortKey) : null;
    // The burst's earlier ratings leave the summary with it, to wait for the same review.
    for (const id of held.burst) {
      const r = await tx.get<RatingDoc>(COLLECTIONS.ratings, id);
      if (!r || r.counted === false) continue;
      await tx.update(COLLECTIONS.ratings, id, { counted: false, flag: { reason: 'burst', at: now }, flagStatus: 'pending' });
      all = await applyToSummaries(tx, r, -1, sortKey);
      await appendAudit(tx, ctx, { collection: COLLECTIONS.ratings, recordId: id, change: { flagged: 'burst', by: rating._id } });
    }

    let caseId: string | null = null;
    if (dueOn) {
      const c: CaseDoc = { _id: newId('k'), ratingId: rating._id, productId: t.productId, orgId: t.orgId, raterId: rating.raterId, level, openedOn: today, dueOn, status: 'open', response: null, onTime: null, raterSatisfied: null, callbackWanted: !!input.callback };
      await tx.insert(COLLECTIONS.ratingCases, c);
      if (input.callback) await recordCallbackContact(tx, ctx, c, input.callback.phone);
      caseId = c._id;
      await notify(tx, ctx, { to: { orgId: c.orgId }, kind: 'caseOpened', recordId: c._id, body: `一位群众对“${product.name}”给出“${LEVEL_LABELS[level]}”评价${text && rating.textStatus === 'shown' ? `：“${text}”` : ''}，请在 ${dueOn} 前${input.callback ? '回电并' : ''}整改`, link: caseLink(PROVIDER_CASE_PAGE, c._id) });
      all = await bumpSummary(tx, t.productId, null, (s) => ({ ...s, casesOpened: s.casesOpened + 1 }));
      await bumpSummary(tx, t.productId, rating.year, (s) => ({ ...s, casesOpened: s.casesOpened + 1 }));
    }
    all ??= (await tx.get<SummaryDoc>(COLLECTIONS.ratingSummaries, summaryId(t.productId, null))) ?? emptySummary(t.productId, null);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.ratings, recordId: rating._id, change: { productId: t.productId, level, caseId, ...(flag ? { flagged: flag.reason } : {}) } });
    return { ratingId: rating._id, caseId, summary: toSummary(all) };
  });
}

export async function readSummary(input: { productId: string; year?: number }, ctx: Ctx) {
  const s = await ctx.store.get<SummaryDoc>(COLLECTIONS.ratingSummaries, summaryId(input.productId, input.year ?? null));
  return toSummary(s ?? emptySummary(input.productId, input.year ?? null));
}
