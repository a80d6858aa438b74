/**
 * 满意率 has one definition (issue 21, types/rating.ts: 满意 and above). A product's shown rate (`rating`, and its sort
 * key `ratingKey`) is written by each rating's transaction; products rated before the definition changed still show
 * the old one (基本满意 and above). This job recomputes those from their all-time summaries. It runs with the deadline
 * jobs and leaves a marker in `meta` when done, so later runs are one read; bump the marker to run it again.
 */
import type { ProductDoc } from '../../types/product';
import type { SummaryDoc } from '../../types/rating';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { findAll, findByIds } from '../_lib/store/pages';
import { ratingKeyOf } from '../catalogue/productDoc';
import { summaryId, toSummary } from './summary';

export const RATES_BACKFILL_MARKER = 'backfill:satisfaction:v1';

/** How many products it updated (0 on a second run). */
export async function backfillRates(ctx: Ctx): Promise<number> {
  if (await ctx.store.get(COLLECTIONS.meta, RATES_BACKFILL_MARKER)) return 0;
  const rated = (await findAll<ProductDoc>(ctx.store, COLLECTIONS.products)).filter((p) => p.rating.count > 0);
  const summaries = new Map((await findByIds<SummaryDoc>(ctx.store, COLLECTIONS.ratingSummaries, rated.map((p) => summaryId(p._id, null)))).map((s) => [s.productId, s]));
  let updated = 0;
  for (const p of rated) {
    const s = summaries.get(p._id);
    if (!s) continue;
    const rating = { count: s.count, satisfactionRate: toSummary(s).satisfactionRate };
    if (rating.count === p.rating.count && rating.satisfactionRate === p.rating.satisfactionRate) continue;
    updated += await ctx.store.transaction(async (tx) => {
      // Read again: a rating meanwhile has written the new definition itself.
      const now = await tx.get<SummaryDoc>(COLLECTIONS.ratingSummaries, s._id);
      if (!now) return 0;
      const fresh = { count: now.count, satisfactionRate: toSummary(now).satisfactionRate };
      await tx.update(COLLECTIONS.products, p._id, { rating: fresh, ratingKey: ratingKeyOf(fresh, p.sortKey) });
      await appendAudit(tx, ctx, { collection: COLLECTIONS.products, recordId: p._id, change: { satisfactionRate: fresh.satisfactionRate, was: p.rating.satisfactionRate, backfilled: true } });
      return 1;
    });
  }
  await ctx.store.transaction(async (tx) => {
    await tx.set(COLLECTIONS.meta, RATES_BACKFILL_MARKER, { doneAt: ctx.clock.now().toISOString(), updated });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.meta, recordId: RATES_BACKFILL_MARKER, change: { updated } });
  });
  return updated;
}
