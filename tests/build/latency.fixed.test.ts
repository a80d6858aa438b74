/**
 * Issue 25, at a fixed 25 ms a trip: every action of every function (the registry, so a new action is measured or named
 * here) runs through its built bundle against the loopback CloudBase gateway, at 10 records and at city scale
 * (tests/support/cityScale.ts). Each call within half its function's timeout; each action within its query-round budget
 * (types/budgets.ts); no action's query rounds growing with the data. And assessments.compute for 2,000 products at
 * 40 ms a trip within half its timeout.
 */
import fs from 'fs';
import path from 'path';
import { COLLECTIONS } from '../../cloudfunctions/_lib/collections';
import { defaultScheme } from '../../types/assessment';
import { COMPUTE_AT_SCALE, LATENCY_PROFILES, TIMEOUT_SHARE } from '../../types/budgets';
import { DIST, startBundleHost } from '../support/bundleHost';
import { growing, measureCity, staleRatchet, OPENIDS, overBudget, overTime, productIdOf, registryActions, seedCity, timeouts, unmeasured, type Measured } from '../support/cityScale';
import { startFakeGateway } from '../support/fakeGateway';

let small: Measured[];
let city: Measured[];
const { fixed } = LATENCY_PROFILES;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'assessments', 'index.js'))) throw new Error('run npm run build:functions first');
  small = await measureCity('small', fixed);
  city = await measureCity('city', fixed);
}, 900_000);

test('every action in the registry is measured (a new one needs a step in tests/support/cityScale.ts)', () => {
  expect(registryActions().length).toBeGreaterThanOrEqual(150);
  expect(unmeasured(city)).toEqual([]);
});

test(`every call at city scale within ${TIMEOUT_SHARE * 100}% of its function's timeout, at ${fixed.label} a trip`, () => {
  expect(overTime(city, fixed.label)).toEqual([]);
});

test('every action within its query-round budget (citizens 3, staff 6), at 10 records and at city scale', () => {
  expect(overBudget(small)).toEqual([]);
  expect(overBudget(city)).toEqual([]);
});

test('no action’s query rounds grow from 10 records to a city', () => {
  expect(growing(small, city)).toEqual([]);
});

test('the ratchet of actions still over budget holds only actions still over it (types/budgets.ts KNOWN_OVER_BUDGET)', () => {
  expect(staleRatchet(small, city)).toEqual([]);
});

test(`assessments.compute for ${COMPUTE_AT_SCALE.products.toLocaleString('en')} products at ${COMPUTE_AT_SCALE.tripMs} ms a trip, within ${TIMEOUT_SHARE * 100}% of its timeout`, async () => {
  const gw = await startFakeGateway();
  const host = startBundleHost(gw, { ADMIN_OPENIDS: OPENIDS.admin });
  try {
    seedCity(gw, 'city');
    const year = 2019;
    const scope = Array.from({ length: COMPUTE_AT_SCALE.products }, (_, i) => ({ productId: productIdOf(i), orgId: 'o-city', name: `产品${i}`, category: 'mediation' }));
    // The year's summaries: the city's are this year's, so copy them to 2019 for the products in scope.
    gw.seed(COLLECTIONS.ratingSummaries, scope.map((s) => ({ ...gw.doc(COLLECTIONS.ratingSummaries, `${s.productId}:all`)!, _id: `${s.productId}:${year}`, year })));
    gw.seed(COLLECTIONS.assessmentCampaigns, [{ _id: String(year), year, title: `${year} 年度产品测评`, startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, status: 'open', scheme: defaultScheme(year), scope, openedAt: `${year}-01-01T01:00:00.000Z`, computedOn: null, appealBy: null, confirmedAt: null, publishedAt: null, documentNumber: null }]);
    await host.call('auth', { action: 'me' }, OPENIDS.admin); // the instance is warm, as the bureau's second call finds it
    gw.setLatency({ minMs: COMPUTE_AT_SCALE.tripMs, maxMs: COMPUTE_AT_SCALE.tripMs });
    gw.clearLog();
    const { result, cpuMs } = await host.call('assessments', { action: 'compute', year }, OPENIDS.admin);
    // Its time on CloudBase at 40 ms a trip: its own compute plus each round's network time (types/budgets.ts).
    const ms = cpuMs + gw.networkMs;
    expect(result.ok).toBe(true);
    expect(result.data.computed).toBe(COMPUTE_AT_SCALE.products);
    const written = [...gw.collections.get(COLLECTIONS.assessmentResults)!.values()].filter((r) => r.year === year);
    expect(written).toHaveLength(COMPUTE_AT_SCALE.products);
    expect(written.every((r) => r.satisfaction.n === 100)).toBe(true);
    expect(gw.doc(COLLECTIONS.assessmentCampaigns, String(year))!.status).toBe('computed');
    // Summaries read by id in chunks, together: not one read per product.
    expect(gw.calls('database.getDocument').filter((c) => c.collectionName === COLLECTIONS.ratingSummaries && !c.transactionId).length).toBe(COMPUTE_AT_SCALE.products / 100);
    expect(ms).toBeLessThanOrEqual(timeouts().assessments * 1000 * TIMEOUT_SHARE);
  } finally {
    await host.stop();
    await gw.stop();
  }
}, 120_000);
