/**
 * Assessment compute (issue 11): `assessments.compute` for 500 products whose per-year rating summaries stand for
 * 1,000,000 ratings, against the same 500 products at 10,000 ratings. The summaries are seeded directly (the ratings
 * table stays empty): the point is that compute reads one summary per product and never the ratings, so its cost is
 * O(products). Runs the function through the router in-process, with a store that counts reads per collection.
 * Prints one JSON line.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { stats } from './stats';
import { SqliteStore } from '../../server/sqliteStore';
import { APPEND_ONLY, INDEXES } from '../../cloudfunctions/_lib/collections';
import { SettableClock } from '../../cloudfunctions/_lib/clock';
import { WordListChecker } from '../../cloudfunctions/_lib/contentCheck';
import { dispatch } from '../../cloudfunctions/_lib/router';
import type { Store } from '../../cloudfunctions/_lib/store/port';
import { assessmentsFunction } from '../../cloudfunctions/assessments/actions';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { emptySummary, summaryId } from '../../cloudfunctions/ratings/summary';
import { LocalFileStore } from '../../server/localFiles';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { METHODS } from '../../types/assessment';

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 500);
const ROUNDS = 5;
const admin = { userId: 'admin-local', roles: ['citizen', 'admin'] as const, orgId: null };

async function campaign(totalRatings: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-assess-'));
  const store = new SqliteStore({ filename: path.join(dataDir, 'store.sqlite'), indexes: INDEXES, appendOnly: APPEND_ONLY });
  // Tables are created on first use.
  for (const c of ['products', 'ratingSummaries', 'assessmentFindings']) await store.count(c);
  const products = Array.from({ length: PRODUCTS }, (_, i) =>
    buildProductDoc(demoSpec(DEMO_PRODUCTS[i % DEMO_PRODUCTS.length], i), { productId: `pb${String(i).padStart(5, '0')}`, declarationId: null, orgId: `o${i % 50}`, documentNumber: `杭司〔2025〕${i + 1}号`, publishedOn: '2025-06-01' }),
  );
  store.rawBulk('INSERT INTO c_products (id, doc) VALUES (?, ?)', products.map((p) => [p._id, JSON.stringify(p)]));
  const per = Math.floor(totalRatings / PRODUCTS);
  store.rawBulk(
    'INSERT INTO c_ratingSummaries (id, doc) VALUES (?, ?)',
    products.map((p, i) => {
      const s = emptySummary(p._id, 2026);
      const bad = Math.floor(per * (0.01 + (i % 7) / 100));
      const basic = Math.floor(per * 0.05);
      s.levels = [bad, 0, basic, Math.floor((per - bad - basic) / 2), per - bad - basic - Math.floor((per - bad - basic) / 2)];
      s.count = per;
      s.levelSum = s.levels.reduce((a, n, k) => a + n * (k + 1), 0);
      s.casesOpened = bad;
      s.casesClosedOnTime = Math.floor(bad * 0.9);
      return [summaryId(p._id, 2026), JSON.stringify(s)];
    }),
  );
  const reads = new Map<string, number>();
  const counted: Store = new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if ((prop === 'get' || prop === 'find' || prop === 'count') && typeof v === 'function')
        return (collection: string, ...rest: unknown[]) => {
          reads.set(collection, (reads.get(collection) ?? 0) + 1);
          return (v as Function).call(target, collection, ...rest);
        };
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  const clock = new SettableClock();
  clock.set(new Date('2026-03-01T09:00:00+08:00'));
  const base = { caller: { ...admin, roles: [...admin.roles] }, store: counted, files: new LocalFileStore(dataDir), content: new WordListChecker(), clock, runtime: { mode: 'local' as const, allowTestClock: true } };
  const call = async (action: string, payload: object) => {
    const res = await dispatch(assessmentsFunction, { action, ...payload }, base);
    if (!res.ok) throw new Error(`${action}: ${JSON.stringify(res.error)}`);
    return res.data as any;
  };
  await call('open', { year: 2026, title: '2026 年度测评（基准）', startsOn: '2026-02-01', endsOn: '2026-09-30' });
  // Three findings per product, as assessors would leave them.
  const findings = products.flatMap((p, i) =>
    [0, 1, 2].map((k) => {
      const _id = `afb${String(i * 3 + k).padStart(7, '0')}`;
      return [_id, JSON.stringify({ _id, year: 2026, productId: p._id, method: METHODS[(i + k) % METHODS.length], on: '2026-02-20', score: 60 + ((i * 7 + k * 13) % 40), notes: '基准测评记录', checked: [], evidence: [], supersedes: null, reason: null, appealId: null, recordedBy: 'bench', recordedByOrgId: 'oa', recordedAt: '2026-02-20T00:00:00Z' })];
    }),
  );
  store.rawBulk('INSERT INTO c_assessmentFindings (id, doc) VALUES (?, ?)', findings);
  clock.set(new Date('2026-10-09T09:00:00+08:00'));
  const ms: number[] = [];
  let readsPerCompute: Record<string, number> = {};
  for (let r = 0; r < ROUNDS; r++) {
    reads.clear();
    const t0 = performance.now();
    const out = await call('compute', { year: 2026 });
    ms.push(performance.now() - t0);
    if (out.computed !== PRODUCTS) throw new Error(`computed ${out.computed}`);
    readsPerCompute = Object.fromEntries(reads);
  }
  const ratingsRepresented = (await store.find<any>('ratingSummaries', { limit: 1000 })).reduce((a, s) => a + s.count, 0);
  store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { ratings: ratingsRepresented, ...stats(ms), reads: readsPerCompute };
}

async function main() {
  const small = await campaign(10_000);
  const big = await campaign(1_000_000);
  console.log(JSON.stringify({ products: PRODUCTS, rounds: ROUNDS, small, big, ratio: +(big.median / small.median).toFixed(2) }));
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
