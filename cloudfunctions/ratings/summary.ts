import { DIMENSIONS, LEVEL_LABELS, type Dimension, type Level, type RatingSummary, type SummaryDoc } from '../../types/rating';

export const summaryId = (productId: string, year: number | null) => `${productId}:${year ?? 'all'}`;

export function emptySummary(productId: string, year: number | null): SummaryDoc {
  const zero = Object.fromEntries(DIMENSIONS.map((d) => [d, 0])) as Record<Dimension, number>;
  return { _id: summaryId(productId, year), productId, year, count: 0, levels: [0, 0, 0, 0, 0], levelSum: 0, dimensionSums: { ...zero }, dimensionCounts: { ...zero }, casesOpened: 0, casesClosedOnTime: 0, casesLate: 0 };
}

/** Adds one rating to a running summary (a pure function, so the invariant checker can recompute from scratch). */
export function addRating(s: SummaryDoc, level: Level, dimensions: Partial<Record<Dimension, number>>): SummaryDoc {
  const levels = [...s.levels] as SummaryDoc['levels'];
  levels[level - 1]++;
  const dimensionSums = { ...s.dimensionSums };
  const dimensionCounts = { ...s.dimensionCounts };
  for (const d of DIMENSIONS) {
    const v = dimensions[d];
    if (v !== undefined) {
      dimensionSums[d] += v;
      dimensionCounts[d]++;
    }
  }
  return { ...s, count: s.count + 1, levels, levelSum: s.levelSum + level, dimensionSums, dimensionCounts };
}

const to2 = (x: number) => Math.round(x * 100) / 100;

export function toSummary(s: SummaryDoc): RatingSummary {
  const satisfied = s.levels[2] + s.levels[3] + s.levels[4];
  return {
    productId: s.productId,
    year: s.year,
    count: s.count,
    distribution: ([5, 4, 3, 2, 1] as Level[]).map((level) => ({ level, label: LEVEL_LABELS[level], count: s.levels[level - 1] })),
    satisfactionRate: s.count ? to2(satisfied / s.count) : null,
    meanLevel: s.count ? to2(s.levelSum / s.count) : null,
    dimensionMeans: Object.fromEntries(DIMENSIONS.map((d) => [d, s.dimensionCounts[d] ? to2(s.dimensionSums[d] / s.dimensionCounts[d]) : null])) as Record<Dimension, number | null>,
    cases: { opened: s.casesOpened, respondedOnTime: s.casesClosedOnTime, late: s.casesLate },
  };
}
