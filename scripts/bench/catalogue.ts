/**
 * Catalogue search latency over 10,000 products: through the local HTTP server (the full path: HTTP, JSON,
 * dispatch, validation, store) and the same query run directly on SQLite. Prints one JSON line.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import { createLocalApp } from '../../server/app';
import { seedDemo } from '../../server/seedDemo';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import type { ProductDoc } from '../../types/product';

const N = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: +at(0.5).toFixed(3), p99: +at(0.99).toFixed(3) };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const app = createLocalApp({ dataDir, adminToken: 'bench-admin-token', allowTestClock: false, h5Dir: null });
  await seedDemo(app.store);
  const templates = await app.store.find<ProductDoc>('products', { limit: 100 });
  await app.store.transaction(async (tx) => {
    for (let i = templates.length; i < N; i++) {
      const t = templates[i % templates.length];
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + (i % 12)).padStart(2, '0');
      const spec = { ...t.spec, name: `${t.spec.name}（${i}）` };
      const doc = buildProductDoc(spec, { productId: `pb${String(i).padStart(6, '0')}`, declarationId: null, orgId: null, documentNumber: `杭司〔2025〕${i}号`, publishedOn: `20${20 + (i % 6)}-${month}-${day}` });
      if (i % 10 === 0) doc.status = 'exited';
      await tx.insert('products', { ...doc });
    }
  });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/catalogue`;

  const queries: Record<string, { input: Record<string, unknown>; sql: string; params: unknown[] }> = {
    'first page': {
      input: { limit: 20 },
      sql: `SELECT doc FROM c_products WHERE json_extract(doc,'$.status') = ? ORDER BY json_extract(doc,'$.sortKey') DESC LIMIT 21`,
      params: ['listed'],
    },
    'category + free': {
      input: { category: 'mediation', purchaseMethod: 'free', limit: 20 },
      sql: `SELECT doc FROM c_products WHERE json_extract(doc,'$.status') = ? AND json_extract(doc,'$.category') = ? AND json_extract(doc,'$.purchaseMethod') = ? ORDER BY json_extract(doc,'$.sortKey') DESC LIMIT 21`,
      params: ['listed', 'mediation', 'free'],
    },
    'keyword 调解': {
      input: { q: '调解', limit: 20 },
      sql: `SELECT doc FROM c_products WHERE json_extract(doc,'$.status') = ? AND instr(json_extract(doc,'$.searchText'), ?) > 0 ORDER BY json_extract(doc,'$.sortKey') DESC LIMIT 21`,
      params: ['listed', '调解'],
    },
  };

  const results: Record<string, unknown> = {};
  for (const [name, q] of Object.entries(queries)) {
    const body = JSON.stringify({ action: 'search', ...q.input });
    for (let i = 0; i < 20; i++) await (await fetch(url, { method: 'POST', body })).json(); // warm up
    const http: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', body });
      const json = (await res.json()) as { ok: boolean };
      http.push(performance.now() - t0);
      if (!json.ok) throw new Error(`search failed: ${JSON.stringify(json)}`);
    }
    const bare: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      app.store.rawAll(q.sql, ...q.params).map((r) => JSON.parse((r as { doc: string }).doc));
      bare.push(performance.now() - t0);
    }
    const h = stats(http);
    const b = stats(bare);
    results[name] = { http: h, bare: b, ratioMedian: +(h.median / b.median).toFixed(2), ratioP99: +(h.p99 / b.p99).toFixed(2) };
  }
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(JSON.stringify({ products: N, rounds: ROUNDS, results }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
