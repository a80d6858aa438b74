/**
 * What every action may cost on the cloud path (issue 25), as data: read by tests/build/latency.*.test.ts, which run
 * every action of every function through the built bundles against a loopback CloudBase gateway holding a city's
 * records, and by `npm run bench` (the round-trip table and the cloud cost).
 *
 * - A *query round* is one wave of requests outside any transaction (reads, counts, a write on its own): calls made
 *   together with Promise.all share one. These are what grow when a use case reads in a loop, so they have a budget and
 *   must not grow with the data. The caller's identity read (one per signed-in call, `_lib/identity.ts`) is not counted.
 * - A transaction's begin, operations and commit are single-document requests one after another (CloudBase allows no
 *   query and no batch inside one), so its rounds follow what the action writes, not the data; writes of many records go
 *   in bounded transactions side by side (`_lib/store/pages.ts` `inTransactions`). They count in the time.
 * - The time: every call, the identity read and the function's cold load included, within `TIMEOUT_SHARE` of the
 *   function's timeout in cloudbaserc.json, at every latency profile.
 */

/** Query rounds an action may take: citizens' (and anonymous callers') actions, and staff actions. */
export const ROUND_BUDGET = { citizen: 3, staff: 6 } as const;

/** The share of the function's configured timeout a call may use at city scale. */
export const TIMEOUT_SHARE = 0.5;

/** Per-request latency of the simulated CloudBase gateway: a fixed delay and a jittered one (uniform between the bounds). */
export const LATENCY_PROFILES = {
  fixed: { label: '25 ms', minMs: 25, maxMs: 25 },
  jittered: { label: '10–60 ms', minMs: 10, maxMs: 60 },
} as const;

/** `assessments.compute` for this many products within `TIMEOUT_SHARE` of its timeout at this latency per trip. */
export const COMPUTE_AT_SCALE = { products: 2_000, tripMs: 40 } as const;

/** Each function's bundle (dist/cloudfunctions/<name>/index.js, minified, SDKs inside) stays within 1.3 MB. */
export const BUNDLE_LIMIT_BYTES = Math.round(1.3 * 1024 * 1024);

/**
 * The actions still over their query-round budget or growing with the data, with their query rounds at city scale: a
 * ratchet. The suite fails when an action not listed here breaks its budget or grows, when a listed one takes more rounds
 * than recorded, and when a listed one has come within its budget (take it off the list). Empty since the last one,
 * `catalogue.poster` (5 rounds when it drew a product's mini-program code itself), reads a code the catalogue's timer drew
 * ahead (catalogue/drawPendingCodes.ts); it still draws one itself, at 5 rounds, for a product listed before the next
 * tick or one whose code WeChat refused.
 */
export const KNOWN_OVER_BUDGET: Record<string, { queryRounds: number; grows?: true }> = {};
