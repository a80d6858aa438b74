/** The bureau's review of ratings held out of the summary (tied to the provider, or a burst of one issuer's codes). */
import type { ProductDoc } from '../../types/product';
import { FLAG_REASONS, LEVEL_LABELS, type FlagStatus, type RatingDoc } from '../../types/rating';
import type { FlaggedRating } from '../../types/actions/ratings';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { invalid, notFound } from '../_lib/errors';
import { applyToSummaries } from './summary';

function toFlagged(r: RatingDoc, productName: string): FlaggedRating {
  return {
    ratingId: r._id,
    productId: r.productId,
    productName,
    level: r.level,
    levelLabel: LEVEL_LABELS[r.level],
    text: r.textStatus === 'shown' ? r.text : null,
    ratedOn: r.ratedOn,
    createdAt: r.createdAt,
    reason: r.flag!.reason,
    reasonLabel: FLAG_REASONS[r.flag!.reason],
    status: r.flagStatus!,
    counted: r.counted !== false,
    review: r.review ?? null,
  };
}

/** Flagged ratings, oldest first, a page at a time (keyset on the id), by review status (pending unless asked). */
export async function listFlagged(input: { status?: FlagStatus; cursor?: string; limit?: number }, ctx: Ctx) {
  const limit = input.limit ?? 100;
  const status = input.status ?? 'pending';
  const rows = await ctx.store.find<RatingDoc>(COLLECTIONS.ratings, { where: input.cursor ? { flagStatus: status, _id: { $gt: input.cursor } } : { flagStatus: status }, orderBy: [['_id', 'asc']], limit: limit + 1 });
  const page = rows.slice(0, limit);
  const names = new Map<string, string>();
  for (const r of page) if (!names.has(r.productId)) names.set(r.productId, (await ctx.store.get<ProductDoc>(COLLECTIONS.products, r.productId))?.name ?? '');
  const total = await ctx.store.count(COLLECTIONS.ratings, { flagStatus: status });
  return { ratings: page.map((r) => toFlagged(r, names.get(r.productId)!)), nextCursor: rows.length > limit ? page[page.length - 1]._id : null, total };
}

/** The bureau decides: accepted ratings count from now on; rejected ones stay out. Either can be revisited, with a reason. */
export async function reviewFlag(input: { ratingId: string; accept: boolean; reason: string }, ctx: Ctx) {
  return ctx.store.transaction(async (tx) => {
    const r = await tx.get<RatingDoc>(COLLECTIONS.ratings, input.ratingId);
    if (!r || !r.flag) throw notFound('没有找到这条待复核的评价');
    if (!input.reason.trim()) throw invalid('请写明复核理由', [{ path: 'reason', message: '请写明复核理由' }]);
    const counted = r.counted !== false;
    if (input.accept && !counted) await applyToSummaries(tx, r, +1);
    if (!input.accept && counted) await applyToSummaries(tx, r, -1);
    const review = { accept: input.accept, reason: input.reason, by: ctx.caller.userId, at: ctx.clock.now().toISOString() };
    const next: RatingDoc = { ...r, counted: input.accept, flagStatus: input.accept ? 'accepted' : 'rejected', review };
    await tx.update(COLLECTIONS.ratings, r._id, { counted: next.counted, flagStatus: next.flagStatus, review });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.ratings, recordId: r._id, change: { review: next.flagStatus, reason: input.reason } });
    const p = await tx.get<ProductDoc>(COLLECTIONS.products, r.productId);
    return toFlagged(next, p?.name ?? '');
  });
}
