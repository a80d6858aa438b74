/**
 * npm run bench: every action of every function through the built bundles against the loopback CloudBase gateway at
 * 10 records and at city scale, 25 ms a trip (tests/support/cityScale.ts): the round-trip table and the cloud cost.
 * Prints one JSON line.
 */
import { COLLECTIONS } from '../../cloudfunctions/_lib/collections';
import { LATENCY_PROFILES } from '../../types/budgets';
import { budgetOf, isCitizenAction, measureCity, timeouts, worstByAction } from '../../tests/support/cityScale';
import { costRows, totals } from './cloudCost';

async function main() {
  const root = process.cwd();
  const small = await measureCity('small', LATENCY_PROFILES.fixed, root);
  let storageBytes = 0;
  const byCollection: Record<string, number> = {};
  const city = await measureCity('city', LATENCY_PROFILES.fixed, root, (gw) => {
    for (const name of Object.values(COLLECTIONS)) {
      let n = 0;
      for (const d of gw.collections.get(name)?.values() ?? []) n += Buffer.byteLength(JSON.stringify(d));
      byCollection[name] = n;
      storageBytes += n;
    }
  });
  const a = worstByAction(small);
  const b = worstByAction(city);
  const limits = timeouts(root);
  const trips = [...b.values()].map((m) => ({
    key: m.key,
    citizen: isCitizenAction(m.key),
    budget: budgetOf(m.key),
    small: a.get(m.key) ? { queryRounds: a.get(m.key)!.queryRounds, rounds: a.get(m.key)!.rounds } : null,
    city: { queryRounds: m.queryRounds, rounds: m.rounds, requests: m.requests, reads: m.reads, writes: m.writes, estimateMs: Math.round(m.estimateMs), limitMs: limits[m.fn] * 500 },
  }));
  const rows = costRows(city);
  console.log(JSON.stringify({ trips, cost: rows, totals: totals(rows, storageBytes), byCollection }));
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
