import type { ProductDoc } from '../../types/product';
import { DIMENSIONS, LEVEL_LABELS, satisfactionRate, satisfiedIn, type Dimension, type Level, type RatingDoc, type RatingSummary, type SummaryDoc } from '../../types/rating';
import { COLLECTIONS } from '../_lib/collections';
import type { Tx } from '../_lib/store/port';
import { ratingKeyOf } from '../catalogue/productDoc';

export const summaryId = (productId: string, year: number | null) => `${productId}:${year ?? 'all'}`;

export function emptySummary(productId: string, year: number | null): SummaryDoc {
  const zero = Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Record<Dimension, number>;
  return { _id: summaryId(productId, year), productId, year, count: 0, levels: [0, 0, 0, 0, 0], levelSum: 0, dimensionSums: { ...zero }, dimensionCounts: { ...zero }, casesOpened: 0, casesClosedOnTime: 0, casesLate: 0 };
}

/** Adds (or, with sign -1, takes back) one rating in a running summary (pure, so the invariant checker can recompute from scratch). */
export function addRating(s: SummaryDoc, level: Level, dimensions: Partial<Record<Dimension, number>>, sign: 1 | -1 = 1): SummaryDoc {
  const levels = [...s.levels] as SummaryDoc['levels'];
  levels[level - 1] += sign;
  const dimensionSums = { ...s.dimensionSums };
  const dimensionCounts = { ...s.dimensionCounts };
  for (const d of DIMENSIONS) {
    const v = dimensions[d];
    if (v !== undefined) {
      dimensionSums[d] += sign * v;
      dimensionCounts[d] += sign;
    }
  }
  return { ...s, count: s.count + sign, levels, levelSum: s.levelSum + sign * level, dimensionSums, dimensionCounts };
}

/** Reads a running summary (or an empty one), changes it, writes it back. */
export async function bumpSummary(tx: Tx, productId: string, year: number | null, f: (s: SummaryDoc) => SummaryDoc): Promise<SummaryDoc> {
  const id = summaryId(productId, year);
  const next = f((await tx.get<SummaryDoc>(COLLECTIONS.ratingSummaries, id)) ?? emptySummary(productId, year));
  await tx.set(COLLECTIONS.ratingSummaries, id, next);
  return next;
}

/**
 * The one place a counted rating enters (+1) or leaves (-1) the published figures: the all-time and yearly
 * summaries, and the product's rating and sort key. Returns the all-time summary.
 */
export async function applyToSummaries(tx: Tx, r: Pick<RatingDoc, 'productId' | 'year' | 'level' | 'dimensions'>, sign: 1 | -1, productSortKey?: string): Promise<SummaryDoc> {
  const all = await bumpSummary(tx, r.productId, null, (s) => addRating(s, r.level, r.dimensions, sign));
  await bumpSummary(tx, r.productId, r.year, (s) => addRating(s, r.level, r.dimensions, sign));
  const sortKey = productSortKey ?? (await tx.get<ProductDoc>(COLLECTIONS.products, r.productId))?.sortKey;
  if (sortKey) {
    const lite = { count: all.count, satisfactionRate: toSummary(all).satisfactionRate };
    await tx.update(COLLECTIONS.products, r.productId, { rating: lite, ratingKey: ratingKeyOf(lite, sortKey) });
  }
  return all;
}

const to2 = (x: number) => Math.round(x * 100) / 100;

export function toSummary(s: SummaryDoc): RatingSummary {
  return {
    productId: s.productId,
    year: s.year,
    count: s.count,
    distribution: ([5, 4, 3, 2, 1] as Level[]).map((level) => ({ level, label: LEVEL_LABELS[level], count: s.levels[level - 1] })),
    satisfactionRate: satisfactionRate(satisfiedIn(s.levels), s.count),
    meanLevel: s.count ? to2(s.levelSum / s.count) : null,
    dimensionMeans: Object.fromEntries(DIMENSIONS.map((d) => [d, s.dimensionCounts[d] ? to2(s.dimensionSums[d] / s.dimensionCounts[d]) : null])) as Record<Dimension, number | null>,
    cases: { opened: s.casesOpened, respondedOnTime: s.casesClosedOnTime, late: s.casesLate },
  };
}
