/**
 * A hostile pass over the open-data endpoints (issue 23), through the real server: what one client address can make
 * the server do. Whole-catalogue answers (NDJSON, organisations with every service) are limited like the catalogue
 * export; an address behind a trusted proxy is the one the proxy saw, not one the client wrote; dates that do not
 * exist are refused.
 */
import { RATE_LIMITS } from '../../types/limits';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: true, rateLimits: 'strict' });
});
afterAll(() => h.close());
beforeEach(() => h.app.throttle.reset());

test('whole-catalogue answers (NDJSON, organisations with all their services) are limited per address like the export', async () => {
  const { max } = RATE_LIMITS.openDataBulk;
  const bulk = ['/hsds/services?format=ndjson&full=true', '/hsds/organizations?full_service=true', '/hsds/service_at_locations?format=ndjson'];
  const codes: number[] = [];
  for (let i = 0; i < max; i++) codes.push((await h.raw(bulk[i % bulk.length])).status);
  expect(codes).toEqual(Array(max).fill(200));
  const refused = await h.raw('/hsds/services?format=ndjson');
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await refused.json()).error.code).toBe('RATE_LIMITED');
  // A page of the catalogue is not a bulk answer: it is still served (within the general open-data limit).
  expect((await h.raw('/hsds/services?per_page=5')).status).toBe(200);
});

test('a date that does not exist is refused, not rolled over into the next month', async () => {
  for (const bad of ['2026-02-30', '2026-04-31T00:00:00Z', '2026-02-29T10:00:00+08:00']) {
    const r = await h.raw(`/hsds/services?modified_after=${encodeURIComponent(bad)}`);
    expect({ bad, status: r.status }).toEqual({ bad, status: 400 });
    expect((await r.json()).error.issues[0].path).toBe('modified_after');
  }
  // Leap day and month ends that exist are accepted.
  for (const good of ['2028-02-29', '2026-04-30T23:59:59Z', '2026-12-31T00:00:00+08:00'])
    expect({ good, status: (await h.raw(`/hsds/services?modified_after=${encodeURIComponent(good)}`)).status }).toEqual({ good, status: 200 });
});

test('behind a trusted proxy, the client address is the one the proxy appended, not one the client wrote first', async () => {
  const proxied = await startHarness({ seed: true, rateLimits: 'strict', trustProxy: true });
  try {
    const { max } = RATE_LIMITS.openData;
    const codes: number[] = [];
    // The proxy appends the address it saw (the same client each time); the client invents a new first hop each time.
    for (let i = 0; i <= max; i++) codes.push((await proxied.raw('/hsds/taxonomies', { headers: { 'X-Forwarded-For': `203.0.113.${i % 250}, 198.51.100.7` } })).status);
    expect(codes.slice(0, max)).toEqual(Array(max).fill(200));
    expect(codes[max]).toBe(429);
    // Another client behind the same proxy has its own window.
    expect((await proxied.raw('/hsds/taxonomies', { headers: { 'X-Forwarded-For': '198.51.100.8' } })).status).toBe(200);
  } finally {
    await proxied.close();
  }
});
