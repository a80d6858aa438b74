/**
 * Issue 15: round trips counted. Citizen actions use at most 3 sequential store round trips, and no measured action's
 * round trips grow between 10 and 1,000 records (reads in a loop over results would).
 */
import { MEASURED, labelOf, measureRoundTrips } from '../support/roundTripScenario';
import type { Counts } from '../support/roundTrips';

let small: Map<string, Counts>;
let large: Map<string, Counts>;
/** The two that used to read in a loop (issue 15): their calls, not only their round trips, stay the same. */
const FIXED = ['reviews.myAssignments', 'publicity.list'];

beforeAll(async () => {
  small = await measureRoundTrips(10);
  large = await measureRoundTrips(1000);
}, 120_000);

test('citizen actions take at most 3 round trips, at 10 and at 1,000 records', () => {
  for (const m of MEASURED.filter((x) => x.citizen)) {
    const label = labelOf(m);
    expect({ label, rounds: small.get(label)!.rounds <= 3, large: large.get(label)!.rounds <= 3 }).toEqual({ label, rounds: true, large: true });
  }
});

test('no action’s round trips grow with the data', () => {
  for (const m of MEASURED) {
    const label = labelOf(m);
    // Equal, or fewer (a keyword search whose first tier fills the page skips the second).
    expect({ label, grows: large.get(label)!.rounds > small.get(label)!.rounds }).toEqual({ label, grows: false });
  }
});

test('the panels’ assignments and the publicity list take the same round trips at 10 and at 1,000 records, and no count per notice', () => {
  for (const key of FIXED) {
    expect({ key, rounds: large.get(key)!.rounds }).toEqual({ key, rounds: small.get(key)!.rounds });
    expect({ key, rounds: large.get(key)!.rounds }).toEqual({ key, rounds: 2 });
  }
  // The list reads the notices' own counts: 1 calendar + 1 list + ≤ 2 chunks of declarations ($in by 100), never 200 counts.
  expect(small.get('publicity.list')!.calls).toBe(3);
  expect(large.get('publicity.list')!.calls).toBe(4);
  // Assignments: the panels, then declarations and sheets by $in: ≤ 200 panels are 2 chunks of each at 1,000 records.
  expect(small.get('reviews.myAssignments')!.calls).toBe(3);
  expect(large.get('reviews.myAssignments')!.calls).toBe(5);
});

test('the counter counts: a read is one round trip, reads together share one', async () => {
  const { CountingStore } = await import('../support/roundTrips');
  const calls: string[] = [];
  const fake = { get: async (c: string) => (calls.push(c), null), find: async () => [], count: async () => 0, insert: async () => '', update: async () => true, transaction: async (fn: any) => fn({}) } as any;
  const s = new CountingStore(fake);
  await s.get('a', '1');
  await s.get('a', '2');
  await Promise.all([s.get('a', '3'), s.find('a'), s.count('a')]);
  expect(s.snapshot()).toEqual({ calls: 5, rounds: 3 });
});
