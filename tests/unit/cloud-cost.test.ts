/**
 * Issue 25's cost model (scripts/bench/cloudCost.ts): each action's measured reads, writes and time times its yearly
 * calls. An action measured more than once counts at its dearest measure, except one that builds what later calls in
 * the same instance reuse (the search index): its builds at the cold measure, every other call at the warm one.
 */
import { BUILT_PER_INSTANCE, costRows, DEFAULT_CALLS, FUNCTION_GB, YEARLY_CALLS } from '../../scripts/bench/cloudCost';
import type { Measured } from '../support/cityScale';

const measure = (key: string, m: Partial<Measured>): Measured => ({
  key, fn: key.split('.')[0], as: 'anonymous', rounds: 1, queryRounds: 1, requests: 1, reads: 1, writes: 0, ms: 10, cpuMs: 1, networkMs: 25, estimateMs: 26, ok: true, ...m,
});

test('the search index is counted built at the cold measure as often as instances rebuild it, every other search at the warm one', () => {
  const cold = measure('catalogue.search', { reads: 10_000, ms: 900, estimateMs: 1_200 });
  const listing = measure('catalogue.search', { reads: 3, ms: 40, estimateMs: 80 });
  const warm = measure('catalogue.search', { reads: 2, ms: 20, estimateMs: 60 });
  const [row] = costRows([listing, cold, warm]);
  const calls = YEARLY_CALLS['catalogue.search'] / 12;
  const builds = BUILT_PER_INSTANCE['catalogue.search'];
  expect(builds).toBe(1_440);
  expect(row.key).toBe('catalogue.search');
  expect(row.callsPerMonth).toBeCloseTo(calls, 6);
  // The dearest of the warm measures (the listing's 3 reads), not the cheapest.
  expect(row.readsPerMonth).toBeCloseTo((calls - builds) * 3 + builds * 10_000, 3);
  expect(row.gbSecondsPerMonth).toBeCloseTo(((calls - builds) * 80 + builds * 1_200) * FUNCTION_GB / 1000, 6);
  // Far below every search counted cold, as the model did before.
  expect(row.readsPerMonth).toBeLessThan(calls * 10_000 * 0.01);
});

test('an action measured once counts every call at that measure; one measured twice at the dearer; a signed-in caller reads its identity too', () => {
  const rows = costRows([
    measure('ratings.rate', { as: 'citizen', reads: 10, writes: 10, ms: 50, estimateMs: 600 }),
    measure('orgs.list', { as: 'admin', reads: 2, ms: 30, estimateMs: 100 }),
    measure('orgs.list', { as: 'admin', reads: 5, ms: 70, estimateMs: 200 }),
  ]);
  const rate = rows.find((r) => r.key === 'ratings.rate')!;
  const calls = YEARLY_CALLS['ratings.rate'] / 12;
  expect(rate.readsPerMonth).toBeCloseTo(calls * 11, 3);
  expect(rate.writesPerMonth).toBeCloseTo(calls * 10, 3);
  expect(rate.gbSecondsPerMonth).toBeCloseTo((calls * 600 * FUNCTION_GB) / 1000, 6);
  const list = rows.find((r) => r.key === 'orgs.list')!;
  expect(list.callsPerMonth).toBeCloseTo(DEFAULT_CALLS / 12, 6);
  expect(list.readsPerMonth).toBeCloseTo((DEFAULT_CALLS / 12) * 6, 6);
  expect(list.gbSecondsPerMonth).toBeCloseTo(((DEFAULT_CALLS / 12) * 200 * FUNCTION_GB) / 1000, 9);
});
