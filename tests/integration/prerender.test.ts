/**
 * Issue 14, fast on a phone network: index.html carries the catalogue's real first page (server/prerender.ts), from
 * the real server over the seeded SQLite catalogue. The names come in catalogue.search's order, escaped; a catalogue
 * change (a suspension) changes the cards and the ETag, so the old ETag no longer gets 304; brotli and gzip decompress
 * to the same HTML; the CSP's hashes still cover every inline script and no script came with the cards.
 */
import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import zlib from 'zlib';
import type { ProductListItem } from '../../types/product';
import { COLLECTIONS } from '../../cloudfunctions/_lib/collections';
import { escapeHtml, injectCards, renderCard } from '../../server/prerender';
import { costInWords } from '../../types/cost';
import { rawRequest, type RawResponse } from '../support/rawRequest';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

// The built shell's shape (src/index.html after the build: minified, skeleton cards inside #sk-list).
const SCRIPT = "document.documentElement.className+=' sk-lf'";
const SKELETON = '<div class="sk-card" aria-hidden="true"><div class="sk-line"></div></div>'.repeat(3);
const SHELL = `<!doctype html><html><head><script>${SCRIPT}</script><style>.pr-card{display:block}</style></head><body><div id="app"></div><div id="sk" role="status"><div class="sk-bar">杭州市公共法律服务产品</div><div id="sk-list">${SKELETON}</div><span class="sk-hidden">正在加载…</span></div><script defer src="/js/app.0123abcd.js"></script></body></html>`;
const EVIL = '<script>alert("x")</script> & 调解';

let h: Harness;
let root: string;
let first: ProductListItem[];

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'hzlp-h5-'));
  fs.mkdirSync(path.join(root, 'js'));
  fs.writeFileSync(path.join(root, 'index.html'), SHELL);
  fs.writeFileSync(path.join(root, 'js', 'app.0123abcd.js'), 'console.log(1)'.repeat(100));
  h = await startHarness({ h5Dir: root, seed: true });
  // A listed product whose name is markup (before the first page is rendered and kept).
  first = (await h.ok<{ items: ProductListItem[] }>('catalogue', 'search', { limit: 20 })).items;
  await h.app.store.update(COLLECTIONS.products, first[1].productId, { name: EVIL });
  first = (await h.ok<{ items: ProductListItem[] }>('catalogue', 'search', { limit: 20 })).items;
});
afterAll(async () => {
  await h.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const get = (pathname: string, headers: Record<string, string> = {}): Promise<RawResponse> => rawRequest(h.url, pathname, headers);

/** The product names of the pre-rendered cards, unescaped, in page order. */
function cardNames(html: string): string[] {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return [...html.matchAll(/<span class="pr-name">([^<]*)<\/span>/g)].map((m) => unescape(m[1]));
}

test('escapeHtml and renderCard: markup in any field stays text, the link is the product page', () => {
  expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  const card = renderCard({ ...first[0], productId: 'p"1<', name: EVIL, summary: '<img src=x onerror=alert(1)>', providerName: '</a><script>', district: '西湖区', purchaseMethod: 'free' });
  expect(card).not.toMatch(/<script|<img|<\/a><script/);
  expect(card).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 调解');
  expect(card).toContain('href="/#/pages/product/index?id=p%221%3C"');
  expect(card).toContain('<span class="pr-badge pr-badge--free">免费</span>');
  // An older shell without #sk-list is served as it is; no cards leave the skeleton in place.
  expect(injectCards('<div id="sk"></div>', card)).toBe('<div id="sk"></div>');
  expect(injectCards(SHELL, '')).toBe(SHELL);
});

test('GET / carries the first page of catalogue.search, in its order, escaped, as links to the product pages', async () => {
  expect(first.length).toBeGreaterThanOrEqual(5);
  const got = await get('/');
  expect(got.status).toBe(200);
  const html = got.body.toString('utf8');
  expect(cardNames(html)).toEqual(first.map((p) => p.name));
  expect(cardNames(html)[1]).toBe(EVIL);
  expect(html).not.toContain('<script>alert');
  // The skeleton's placeholders made way; everything around them is the file's.
  expect(html).not.toContain('sk-card');
  expect(html.startsWith(SHELL.slice(0, SHELL.indexOf('<div id="sk-list">')))).toBe(true);
  expect(html.endsWith(SHELL.slice(SHELL.indexOf('<span class="sk-hidden">') - '</div>'.length))).toBe(true);
  for (const p of first.slice(0, 3)) expect(html).toContain(`href="/#/pages/product/index?id=${encodeURIComponent(p.productId)}"`);
  // Badges and provider as the app's card shows them.
  // Cost in words as the app's card says it: 免费 for every product the person pays nothing for (not only 免费服务).
  const free = first.filter((p) => costInWords(p.purchaseMethod, p.price).kind === 'free').length;
  expect(free).toBeGreaterThan(first.filter((p) => p.purchaseMethod === 'free').length);
  expect((html.match(/pr-badge--free">免费</g) ?? []).length).toBe(free);
  expect(html).toContain(`${escapeHtml(first[0].providerName)} · ${escapeHtml(first[0].district)}`);
  // Every inline script is allowed by a hash in the CSP, and there are as many as the file has (one).
  const csp = String(got.headers['content-security-policy']);
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(inline).toEqual([SCRIPT]);
  expect(csp).toContain(`'sha256-${createHash('sha256').update(SCRIPT, 'utf8').digest('base64')}'`);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  // Another path of the app (hash routing: the same shell) gets the same document.
  expect((await get('/index.html')).body.toString('utf8')).toBe(html);
});

test('brotli and gzip decompress to the same HTML; the ETag is per coding and stable while nothing changes', async () => {
  const plain = await get('/');
  const br = await get('/', { 'Accept-Encoding': 'br' });
  const gz = await get('/', { 'Accept-Encoding': 'gzip' });
  expect(br.headers['content-encoding']).toBe('br');
  expect(gz.headers['content-encoding']).toBe('gzip');
  expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
  expect(zlib.gunzipSync(gz.body).equals(plain.body)).toBe(true);
  expect(br.body.length).toBeLessThan(plain.body.length / 2);
  expect(br.headers['cache-control']).toBe('no-cache');
  expect(br.headers.etag).toMatch(/-br"$/);
  expect((await get('/', { 'Accept-Encoding': 'br' })).headers.etag).toBe(br.headers.etag);
  expect((await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': String(br.headers.etag) })).status).toBe(304);
  // The file's own ETag is not the rendered page's.
  const fileTag = createHash('sha256').update(SHELL).digest('base64url').slice(0, 22);
  expect(plain.headers.etag).not.toBe(`"${fileTag}"`);
});

test('a suspension changes the cards and the ETag: the old ETag gets the new page, not 304', async () => {
  const before = await get('/', { 'Accept-Encoding': 'br' });
  const oldTag = String(before.headers.etag);
  const gone = first[0];
  await h.ok('supervision', 'suspend', { productId: gone.productId, reason: '提供单位受行政处罚，暂停待复核' }, ADMIN_TOKEN);
  const now = (await h.ok<{ items: ProductListItem[] }>('catalogue', 'search', { limit: 20 })).items;
  expect(now.map((p) => p.productId)).not.toContain(gone.productId);

  const after = await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': oldTag });
  expect(after.status).toBe(200);
  expect(after.headers.etag).not.toBe(oldTag);
  const html = zlib.brotliDecompressSync(after.body).toString('utf8');
  expect(cardNames(html)).toEqual(now.map((p) => p.name));
  expect(html).not.toContain(`id=${encodeURIComponent(gone.productId)}"`);
  expect((await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': String(after.headers.etag) })).status).toBe(304);
  // gzip of the new page decompresses to the same bytes as brotli's.
  expect(zlib.gunzipSync((await get('/', { 'Accept-Encoding': 'gzip' })).body).toString('utf8')).toBe(html);
  expect(h.drainErrors()).toEqual([]);
});
