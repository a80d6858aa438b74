/**
 * The search test sets over the demo catalogue: for each, the share of queries whose product is in the top 3, and the
 * misses. The everyday set (by matter), the method set (queries generated from the products' own texts, among the demo's
 * and 300 synthetic products), the reported set (issue 24's held-out queries) and issue 14's set. Prints one JSON line.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createLocalApp } from '../../server/app';
import { demoSpec, seedDemo } from '../../server/seedDemo';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { systemClock } from '../../cloudfunctions/_lib/clock';
import { ANONYMOUS } from '../../cloudfunctions/_lib/context';
import { dispatch } from '../../cloudfunctions/_lib/router';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { EVERYDAY_SET, REPORTED_SET, runSet } from '../../tests/support/searchSets';
import { methodQueries, syntheticProducts } from '../../tests/support/searchMethodSet';
import { SEARCH_TEST_SET } from '../../tests/support/searchTestSet';

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
  const app = createLocalApp({ dataDir, adminToken: 'bench-admin-token', allowTestClock: false, h5Dir: null });
  try {
    await seedDemo(app.store);
    const ctx = { caller: ANONYMOUS, store: app.store, files: app.files, content: { check: async () => 'pass' as const }, clock: systemClock, runtime: { mode: 'local' as const, allowTestClock: false } };
    const search = async (q: string) => {
      const res = (await dispatch(FUNCTIONS.catalogue, { action: 'search', q, limit: 3 }, ctx)) as { ok: boolean; data?: { items: { name: string }[] } };
      return res.ok ? res.data!.items.map((p) => p.name) : [];
    };
    const everyday = await runSet(EVERYDAY_SET, search);
    const reported = await runSet(REPORTED_SET, search);
    const issue14 = await runSet(SEARCH_TEST_SET.map((t) => ({ q: t.q, expect: [t.expect].flat() })), search);
    // The method set: the same catalogue plus 300 synthetic products, each query made from its product's own texts.
    const synthetic = syntheticProducts(300);
    await app.store.transaction(async (tx) => {
      for (const [i, p] of synthetic.entries()) {
        const spec = demoSpec(p, 100 + i);
        spec.content.problemSolved = p.problemSolved;
        await tx.insert('products', buildProductDoc(spec, { productId: `psyn${String(i).padStart(4, '0')}`, declarationId: null, orgId: null, documentNumber: '杭司〔2026〕24号', publishedOn: '2026-01-05' }));
      }
    });
    const cases = methodQueries([
      ...DEMO_PRODUCTS.map((p) => ({ name: p.name, fields: [p.summary, p.audience], queries: 3 })),
      ...synthetic.map((p) => ({ name: p.name, fields: [p.summary, p.audience, p.problemSolved], queries: 1 })),
    ]);
    const method = await runSet(cases, search);
    console.log(JSON.stringify({ everyday, method, reported, issue14, catalogue: { demo: DEMO_PRODUCTS.length, synthetic: synthetic.length } }));
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
