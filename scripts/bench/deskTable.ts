/**
 * The desk's table over 10,000 declarations (issue 22): reading every page the way the desk does (declarations.listAll,
 * 100 a page, through the local HTTP server), then the view the browser computes on each keystroke or header click
 * (src/components/desk/table.ts applyView: search words, a browser filter, a sort by a Chinese column; the rows'
 * search text built once per load) and the page of 50 it draws. Prints one JSON line.
 */
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import type { AddressInfo } from 'net';
import { stats } from './stats';
import { createLocalApp } from '../../server/app';
import { demoSpec } from '../../server/seedDemo';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { toDeclarationListItem } from '../../cloudfunctions/declarations/view';
import type { DeclarationDoc, DeclarationListItem, DeclarationStatus } from '../../types/declaration';
import { CATEGORY_LABELS, type Category } from '../../types/domain';
import { DECLARATION_STATUS_LABELS } from '../../types/declaration';
import { applyView, DESK_PAGE_SIZE, pageOf, rowText, viewFromParams, type Column, type Filter } from '../../src/components/desk/table';

const N = Number(process.env.BENCH_DECLARATIONS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const STATUSES: DeclarationStatus[] = ['submitted', 'in-review', 'proposed', 'in-publicity', 'published', 'not-passed'];

const columns: Column<DeclarationListItem>[] = [
  { key: 'name', header: '产品名称', value: (r) => r.name },
  { key: 'applicant', header: '申报单位', value: (r) => r.applicantName ?? '' },
  { key: 'status', header: '状态', value: (r) => DECLARATION_STATUS_LABELS[r.status] },
  { key: 'category', header: '类别', value: (r) => (r.category ? CATEGORY_LABELS[r.category as Category] : '') },
  { key: 'submittedAt', header: '提交时间', value: (r) => r.submittedAt },
];
const filters: Filter<DeclarationListItem>[] = [{ key: 'materials', label: '待补材料', all: '全部', options: [{ value: 'yes', label: '有' }], test: (r) => r.openMaterialRequests > 0 }];

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-desk-'));
  const app = createLocalApp({ dataDir, adminToken: 'bench-admin-token', allowTestClock: false, h5Dir: null, rateLimits: 'relaxed' });
  await app.store.transaction(async (tx) => {
    for (let i = 0; i < N; i++) {
      const p = DEMO_PRODUCTS[i % DEMO_PRODUCTS.length];
      const base = demoSpec(p, i % DEMO_PRODUCTS.length);
      const spec = { ...base, name: `${p.name}（${i}）`, cover: { ...base.cover, applicantName: `${p.provider}${i % 97}` } };
      const at = new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString();
      const doc: DeclarationDoc = {
        _id: `d${String(i).padStart(6, '0')}`,
        callId: 'call-2026',
        orgId: `o${i % 400}`,
        createdBy: 'bench',
        status: STATUSES[i % STATUSES.length],
        declarationMode: 'self',
        recommender: null,
        spec,
        version: 2,
        name: spec.name,
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
        withdrawnAt: null,
        materialRequests: i % 13 === 0 ? [{ requestId: `m${i}`, note: '请补充服务台账', dueOn: '2026-04-01', requestedAt: at, response: null }] : [],
      };
      await tx.insert('declarations', doc);
    }
  });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const port = (app.server.address() as AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = (body: string) =>
    new Promise<{ data: { items: DeclarationListItem[]; nextCursor: string | null } }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/api/declarations', method: 'POST', agent, headers: { 'Content-Type': 'application/json', Authorization: 'Bearer bench-admin-token', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      });
      req.on('error', reject);
      req.end(body);
    });

  // Reading the whole list as the desk does: page after page, 100 each, following the cursor.
  const reads: number[] = [];
  let rows: DeclarationListItem[] = [];
  let requests = 0;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    let cursor: string | null = null;
    rows = [];
    requests = 0;
    do {
      const res: { data: { items: DeclarationListItem[]; nextCursor: string | null } } = await post(JSON.stringify({ action: 'listAll', limit: 100, ...(cursor ? { cursor } : {}) }));
      rows = rows.concat(res.data.items);
      cursor = res.data.nextCursor;
      requests++;
    } while (cursor);
    reads.push(performance.now() - t0);
  }
  const firstPage: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await post(JSON.stringify({ action: 'listAll', limit: 100 }));
    firstPage.push(performance.now() - t0);
  }

  // What the browser computes: the search text once per load, then each view.
  const t0 = performance.now();
  const texts = rows.map((r) => rowText(r, columns));
  const indexMs = performance.now() - t0;
  const views: Record<string, Record<string, string>> = {
    'sort by 申报单位 (pinyin)': { sort: 'applicant' },
    'sort by 提交时间, descending': { sort: 'submittedAt', dir: 'desc' },
    'search "调解 3"': { q: '调解 3' },
    'search + filter + sort': { q: '法律', materials: 'yes', sort: 'name' },
    'page 150 of the whole list': { page: '150' },
  };
  const results: Record<string, { median: number; p99: number; shown: number }> = {};
  for (const [name, params] of Object.entries(views)) {
    const view = viewFromParams(params, columns, filters);
    const ms: number[] = [];
    let shown = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      const out = applyView(rows, columns, filters, view, texts);
      shown = pageOf(out, view.page, DESK_PAGE_SIZE).length && out.length;
      ms.push(performance.now() - t);
    }
    results[name] = { ...stats(ms), shown };
  }
  app.server.close();
  console.log(JSON.stringify({ declarations: rows.length, requests, readAll: stats(reads), firstPage: stats(firstPage), indexMs: +indexMs.toFixed(1), results, rounds: ROUNDS }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
