/**
 * The cloud cost of a year in Hangzhou (issue 25): each action's measured database reads and writes and its time on
 * CloudBase (tests/support/cityScale.ts, at city scale and 25 ms a trip) times a stated yearly volume, summed per month
 * into CloudBase's billing units (https://developers.weixin.qq.com/minigame/en/dev/wxcloud/basis/concepts/quota.html:
 * database reads and writes, function calls and resource usage in GB-s, database capacity). Volumes are assumptions,
 * stated with their basis; docs/cloud-cost.md explains them.
 */
import type { Measured } from '../../tests/support/cityScale';

/** Hangzhou's resident population, end of 2023 (杭州市统计局《2023年杭州市人口主要数据公报》: 1252.2 万人). */
export const HANGZHOU_RESIDENTS = 12_522_000;
/** Memory of every function (cloudbaserc.json memorySize 256): GB-s = seconds × 0.25. */
export const FUNCTION_GB = 0.25;

/**
 * Calls a year, by action. Citizens' reads follow catalogue visits: 0.2 visits a resident a year (2.5 M), each a few
 * pages; 1,000,000 ratings a year (the figure: ~8% of residents rate one service); 2,000 declarations, each
 * saved ~30 times; 10,000 scoresheets (5 experts each); the timer every 10 minutes. An action not named here is
 * counted at `DEFAULT_CALLS` (the bureau's and providers' occasional work).
 */
export const YEARLY_CALLS: Record<string, number> = {
  'auth.me': 2_500_000,
  'catalogue.featured': 2_500_000,
  'catalogue.search': 5_000_000,
  'catalogue.suggest': 5_000_000,
  'catalogue.get': 3_000_000,
  'ratings.summary': 3_000_000,
  'supervision.productNotice': 3_000_000,
  'procurement.productSummary': 3_000_000,
  'assessments.productHistory': 1_000_000,
  'supervision.provider': 500_000,
  'catalogue.timeline': 300_000,
  'ratings.issueToken': 1_000_000,
  'ratings.tokenInfo': 1_000_000,
  'ratings.rate': 1_000_000,
  'ratings.cases': 200_000,
  'ratings.respondCase': 50_000,
  'ratings.myCases': 50_000,
  'ratings.confirmCase': 20_000,
  'publicity.list': 200_000,
  'publicity.get': 200_000,
  'publicity.comments': 200_000,
  'publicity.comment': 3_000,
  'needs.list': 100_000,
  'needs.support': 20_000,
  'needs.submit': 2_000,
  'auth.myActivity': 100_000,
  'notify.inbox': 200_000,
  'declarations.saveDraft': 60_000,
  'declarations.get': 40_000,
  'declarations.listMine': 20_000,
  'declarations.submit': 2_000,
  'declarations.listAll': 10_000,
  'reviews.myAssignments': 30_000,
  'reviews.assignment': 30_000,
  'reviews.saveScoresheet': 40_000,
  'reviews.submitScoresheet': 10_000,
  'reviews.drawPanel': 2_000,
  'notify.deadlines': 52_560,
  'admin.dashboard': 5_000,
  'assessments.recordFinding': 20_000,
  'assessments.selfReport': 10_000,
};
export const DEFAULT_CALLS = 1_000;

/** Bytes a stored rating takes (its document; the running summaries are in the measured store). */
export const RATING_BYTES = 400;

export interface CostRow {
  key: string;
  callsPerMonth: number;
  readsPerMonth: number;
  writesPerMonth: number;
  gbSecondsPerMonth: number;
}

/**
 * Actions whose first call in a function instance builds what later calls reuse, with how often that build happens a
 * month. `catalogue.search` builds its keyword index (cloudfunctions/catalogue/searchIndexCache.ts) from every listed
 * product once per instance and catalogue version: counted as 2 instances rebuilding every hour (1,440 a month, more
 * than CloudBase's recycling of idle instances and the catalogue's few changes a month would cause). Every other call is
 * counted at the dearest of its other measures (a warm keyword search, or a listing).
 */
export const BUILT_PER_INSTANCE: Record<string, number> = { 'catalogue.search': 2 * 24 * 30 };

export function costRows(city: Measured[]): CostRow[] {
  const per = new Map<string, Measured[]>();
  for (const m of city) per.set(m.key, [...(per.get(m.key) ?? []), m]);
  return [...per.entries()].map(([key, measures]) => {
    const byTime = [...measures].sort((x, y) => x.ms - y.ms);
    const builds = BUILT_PER_INSTANCE[key] && byTime.length > 1 ? BUILT_PER_INSTANCE[key] : 0;
    const cold = byTime[byTime.length - 1];
    // Without a build, every call at the dearest measure; with one, the builds at the cold measure, the rest warm.
    const warm = builds ? byTime[byTime.length - 2] : cold;
    const calls = (YEARLY_CALLS[key] ?? DEFAULT_CALLS) / 12;
    const mix = (f: (m: Measured) => number) => (calls - builds) * f(warm) + builds * f(cold);
    // The signed-in caller's identity read is one more read per call (_lib/identity.ts), excluded from `reads`.
    const identity = cold.as === 'anonymous' || cold.as === 'timer' ? 0 : 1;
    return { key, callsPerMonth: calls, readsPerMonth: mix((m) => m.reads + identity), writesPerMonth: mix((m) => m.writes), gbSecondsPerMonth: mix((m) => m.estimateMs * FUNCTION_GB) / 1000 };
  });
}

export function totals(rows: CostRow[], storageBytes: number) {
  const sum = (k: keyof Omit<CostRow, 'key'>) => rows.reduce((a, r) => a + r[k], 0);
  return {
    callsPerMonth: sum('callsPerMonth'),
    readsPerMonth: sum('readsPerMonth'),
    writesPerMonth: sum('writesPerMonth'),
    gbSecondsPerMonth: sum('gbSecondsPerMonth'),
    storageGb: (storageBytes + (YEARLY_CALLS['ratings.rate'] ?? 0) * RATING_BYTES) / 1024 ** 3,
  };
}
