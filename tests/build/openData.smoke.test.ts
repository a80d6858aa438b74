/**
 * Issue 23, the cloud path of the open data: the built `openData` bundle answers CloudBase HTTP-access events (`path`,
 * `httpMethod`, `headers`, `queryStringParameters`) with integration responses (`statusCode`, `headers`, `body`), reading
 * the demo catalogue through the real SDK from the loopback gateway — the same HSDS pages and feed as the local server.
 */
import fs from 'fs';
import path from 'path';
import { CloudbaseStore } from '../../cloudfunctions/_lib/store/cloudbase';
import { seedDemo } from '../../server/seedDemo';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { hsdsPage, hsdsService, hsdsServiceListItem } from '../../types/hsds';
import { hsdsId } from '../../types/hsdsMapping';
import { DIST, startBundleHost, type BundleHost } from '../support/bundleHost';
import { startFakeGateway, type FakeGateway } from '../support/fakeGateway';

let gw: FakeGateway;
let host: BundleHost;
const saved = { ...process.env };
const http = async (p: string, query: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  (await host.call('openData', { path: p, httpMethod: 'GET', headers: { 'X-Forwarded-For': '203.0.113.9', ...headers }, queryStringParameters: query })).result as { statusCode: number; headers: Record<string, string>; body: string };

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'openData', 'index.js'))) throw new Error('run npm run build:functions first (no openData bundle)');
  gw = await startFakeGateway();
  Object.assign(process.env, gw.env());
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const tcb = require('@cloudbase/node-sdk');
  await seedDemo(new CloudbaseStore(tcb.init({ env: 'test-env' }).database()));
  host = startBundleHost(gw, { H5_BASE_URL: 'https://fw.example.gov.cn', OPEN_DATA_BASE_URL: 'https://open.example.gov.cn' });
});
afterAll(async () => {
  await host?.stop();
  await gw?.stop();
  process.env = saved;
});

test('HSDS pages, a full service, 404 and 400, and the feed, through the bundle', async () => {
  const root = await http('/hsds');
  expect(root.statusCode).toBe(200);
  expect(JSON.parse(root.body)).toEqual({ version: '3.0', profile: 'https://open.example.gov.cn/hsds/profile', openapi_url: 'https://open.example.gov.cn/hsds/openapi.json' });

  const list = await http('/hsds/services', { per_page: '10', page: '4' });
  expect(list.statusCode).toBe(200);
  expect(list.headers['Access-Control-Allow-Origin']).toBe('*');
  const page = hsdsPage(hsdsServiceListItem).parse(JSON.parse(list.body));
  expect(page).toMatchObject({ total_items: DEMO_PRODUCTS.length, total_pages: Math.ceil(DEMO_PRODUCTS.length / 10), page_number: 4, last_page: true, size: DEMO_PRODUCTS.length - 30 });
  expect(page.contents[0].url).toMatch(/^https:\/\/fw\.example\.gov\.cn\/#\/pages\/product\/index\?id=p\d{4}demo$/);
  expect((await http('/hsds/services', {}, { 'If-None-Match': list.headers.ETag })).statusCode).toBe(200);
  const same = await http('/hsds/services', { per_page: '10', page: '4' }, { 'If-None-Match': list.headers.ETag });
  expect([same.statusCode, same.body]).toEqual([304, '']);

  const one = await http(`/hsds/services/${hsdsId('service', 'p0001demo')}`);
  expect(hsdsService.parse(JSON.parse(one.body)).name).toBe(DEMO_PRODUCTS[0].name);
  expect((await http(`/hsds/services/${hsdsId('service', 'nope')}`)).statusCode).toBe(404);
  const bad = await http('/hsds/services', { per_page: '500' });
  expect([bad.statusCode, JSON.parse(bad.body).error.issues[0].path]).toEqual([400, 'per_page']);

  const feed = await http('/feed.atom');
  expect([feed.statusCode, feed.headers['Content-Type']]).toEqual([200, 'application/atom+xml; charset=utf-8']);
  expect(feed.body).toContain('<link rel="self" type="application/atom+xml" href="https://open.example.gov.cn/feed.atom"/>');
});
