/**
 * Issue 10: the standing fuzz. Every action in cloudfunctions/registry.ts (iterated: a new action is fuzzed without
 * editing this file) gets property-based payloads (wrong types, hostile strings, huge and deep values, prototype
 * keys) through the real HTTP server, with no token and with a citizen's, an applicant's, an expert's and the
 * bureau's. Asserted: no 5xx, every answer an envelope, the process alive, no internal error logged, the invariant
 * checker clean. Bounded here (FUZZ_RUNS per action, default 25); `npm run fuzz` runs a larger campaign.
 */
import fc from 'fast-check';
import { fuzzFixture, fuzzTargets, requestBody, send } from '../support/fuzz';
import { startHarness, type Harness } from '../support/harness';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
jest.setTimeout(120_000);

let h: Harness;
let tokens: (string | null)[];
let ids: string[];
beforeAll(async () => {
  h = await startHarness({ seed: true });
  ({ tokens, ids } = await fuzzFixture(h));
  expect(ids.length).toBeGreaterThanOrEqual(4);
  h.drainErrors();
});
afterAll(() => h.close());

const targets = fuzzTargets();

test('the registry is walked: every function and action is a target', () => {
  expect(targets.length).toBeGreaterThanOrEqual(59);
  expect(new Set(targets.map((t) => t.fn)).size).toBeGreaterThanOrEqual(7);
});

test.each(targets.map((t) => [`${t.fn}.${t.action}`, t] as const))('%s: no 5xx, always an envelope, nothing logged', async (_name, target) => {
  const bad: string[] = [];
  await fc.assert(
    fc.asyncProperty(requestBody(target, ids), fc.constantFrom(...tokens), async (body, token) => {
      const r = await send(h.url, target.fn, body, token);
      if (r.status === 0 || r.status >= 500 || !r.envelope) bad.push(`${r.status} ${body.slice(0, 300)}`);
      return r.status > 0 && r.status < 500 && r.envelope;
    }),
    { numRuns: RUNS },
  );
  expect(bad).toEqual([]);
  expect(h.drainErrors().map(String)).toEqual([]);
});

test('afterwards: the same server answers and the invariants hold', async () => {
  const { status } = await h.call('catalogue', 'search', { limit: 1 });
  expect(status).toBe(200);
  expect(await h.invariants()).toEqual([]);
  expect(h.drainErrors()).toEqual([]);
});
