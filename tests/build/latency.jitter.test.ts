/**
 * Issue 25, at a jittered 10–60 ms a trip (a repeatable sequence): every action of every function through its built
 * bundle at city scale (tests/support/cityScale.ts), each call within half its function's timeout and its query-round
 * budget (types/budgets.ts). The fixed-latency file checks growth with the data and compute at 2,000 products.
 */
import fs from 'fs';
import path from 'path';
import { LATENCY_PROFILES, TIMEOUT_SHARE } from '../../types/budgets';
import { DIST } from '../support/bundleHost';
import { measureCity, overBudget, overTime, unmeasured, type Measured } from '../support/cityScale';

let city: Measured[];
const { jittered } = LATENCY_PROFILES;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'assessments', 'index.js'))) throw new Error('run npm run build:functions first');
  city = await measureCity('city', jittered);
}, 900_000);

test(`every call at city scale within ${TIMEOUT_SHARE * 100}% of its function's timeout, at ${jittered.label} a trip`, () => {
  expect(unmeasured(city)).toEqual([]);
  expect(overTime(city, jittered.label)).toEqual([]);
});

test('every action within its query-round budget at jittered latency (calls made together still share a round)', () => {
  expect(overBudget(city)).toEqual([]);
});
