/**
 * Catalogue search latency over 10,000 products: through the local HTTP server (the full path: HTTP, JSON,
 * dispatch, validation, store), without HTTP, and (for the store-only queries) the same query run directly on SQLite;
 * keyword searches (the in-memory index), the index's cold build, and every test-set query the first time it is asked.
 * Prints one JSON line.
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import { stats } from './stats';
import { createLocalApp } from '../../server/app';
import { seedDemo } from '../../server/seedDemo';
import { systemClock } from '../../cloudfunctions/_lib/clock';
import { ANONYMOUS } from '../../cloudfunctions/_lib/context';
import { dispatch } from '../../cloudfunctions/_lib/router';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import type { ProductDoc } from '../../types/product';
import { EVERYDAY_SET, REPORTED_SET } from '../../tests/support/searchSets';
import { SEARCH_TEST_SET } from '../../tests/support/searchTestSet';

const N = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const app = createLocalApp({ dataDir, adminToken: 'bench-admin-token', allowTestClock: false, h5Dir: null, rateLimits: 'relaxed' });
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
  // The client below keeps one connection; it idles while the no-HTTP rounds run (seconds on a busy machine), longer
  // than the server's 5 s keep-alive: keep it open, or the next request meets a closed socket.
  app.server.keepAliveTimeout = 120_000;
  // And the whole run may take longer than Node's 5-minute request clock on a loaded machine: no deadline here.
  app.server.requestTimeout = 0;
  app.server.headersTimeout = 0;
  const port = (app.server.address() as AddressInfo).port;
  // A plain keep-alive client, as a browser or WeChat keeps its connection: measures the server, not fetch's own cost.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = (body: string) =>
    new Promise<{ ok: boolean }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/api/catalogue', method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      });
      req.on('error', reject);
      req.end(body);
    });

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
  };
  // Keyword searches run on the in-memory index (cloudfunctions/catalogue/searchIndex.ts): no single SQL query to compare with.
  const keywords: Record<string, Record<string, unknown>> = {
    'keyword 调解': { q: '调解', limit: 20 },
    'sentence 老板拖欠工资怎么办': { q: '老板拖欠工资怎么办', limit: 20 },
    'sentence 邻居吵架 + 区县': { q: '邻居吵架', district: '拱墅区', limit: 20 },
    'pinyin falvyuanzhu': { q: 'falvyuanzhu', limit: 20 },
    'keyword 法律, page 2': { q: '法律', limit: 20, page: 2 },
    'keyword 调解, best rated': { q: '调解', sort: 'rating', limit: 20 },
  };

  const ctx = { caller: ANONYMOUS, store: app.store, files: app.files, content: { check: async () => 'pass' as const }, clock: systemClock, runtime: { mode: 'local' as const, allowTestClock: false } };
  const results: Record<string, unknown> = {};
  const timeEach = async (qs: string[]) => {
    const ms: number[] = [];
    for (const q of qs) {
      const t0 = performance.now();
      const json = await post(JSON.stringify({ action: 'search', q, limit: 20 }));
      ms.push(performance.now() - t0);
      if (!json.ok) throw new Error(`search failed: ${JSON.stringify(json)}`);
    }
    return ms;
  };
  /** Through HTTP, and the same action without HTTP (what the server itself adds). */
  const measure = async (input: Record<string, unknown>) => {
    const { page, ...rest } = input;
    let body = JSON.stringify({ action: 'search', ...rest });
    if (page === 2) {
      const first = (await post(body)) as { ok: boolean; data?: { nextCursor: string } };
      body = JSON.stringify({ action: 'search', ...rest, cursor: first.data!.nextCursor });
    }
    for (let i = 0; i < 20; i++) await post(body); // warm up
    const http: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      const json = await post(body);
      http.push(performance.now() - t0);
      if (!json.ok) throw new Error(`search failed: ${JSON.stringify(json)}`);
    }
    const direct: number[] = [];
    const event = JSON.parse(body);
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      JSON.stringify(await dispatch(FUNCTIONS.catalogue, event, ctx));
      direct.push(performance.now() - t0);
    }
    return { http: stats(http), direct: stats(direct) };
  };
  for (const [name, q] of Object.entries(queries)) {
    const m = await measure(q.input);
    // The same query straight on SQLite: what the server adds to the store's own work.
    const bare: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      app.store.rawAll(q.sql, ...q.params).map((r) => JSON.parse((r as { doc: string }).doc));
      bare.push(performance.now() - t0);
    }
    const b = stats(bare);
    results[name] = { ...m, bare: b, ratioMedian: +(m.http.median / b.median).toFixed(2), ratioP99: +(m.http.p99 / b.p99).toFixed(2) };
  }
  for (const [name, input] of Object.entries(keywords)) results[name] = await measure(input);

  // The index's cold build: a new catalogue version, then the first keyword search (reads every listed product's search
  // fields and builds the index), five times.
  const builds: number[] = [];
  for (let i = 0; i < 5; i++) {
    await app.store.transaction(async (tx) => {
      const c = await tx.get<{ _id: string; value: number }>('counters', 'catalogueVersion');
      await tx.set('counters', 'catalogueVersion', { value: (c?.value ?? 0) + 1 });
    });
    builds.push(...(await timeEach(['调解'])));
  }
  // Every query of the test sets once, on an index that has computed none of their terms yet; then again.
  const distinct = [...new Set([...EVERYDAY_SET, ...REPORTED_SET, ...SEARCH_TEST_SET].map((t) => t.q))];
  const firstTime = await timeEach(distinct);
  const again = await timeEach(distinct);
  const memory = process.memoryUsage();
  agent.destroy();
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(JSON.stringify({ products: N, rounds: ROUNDS, results, build: stats(builds), distinct: { queries: distinct.length, first: stats(firstTime), again: stats(again) }, heapMB: Math.round(memory.heapUsed / 1048576) }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
