/**
 * Issue 14, fast on a phone network, in a real Chromium at 390×844 against the production H5 build:
 * - the built index.html paints a skeleton before any script runs, and its inline scripts are allowed by the CSP;
 * - the server fills it with the catalogue's real first page (links to the products, readable, 长辈模式 followed),
 *   which the app replaces when it mounts;
 * - the home page's first requests start from index.html and the app uses those answers (no second search);
 * - a repeat visit shows the catalogue's saved first page at once while the server is slow, says 正在更新, then shows
 *   the server's answer; when the server fails it keeps the saved page and says it could not update.
 */
import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Page, Route } from 'playwright-core';
import { H5_DIR, usePhoneRig } from './browser';

// Each test opens and closes the pages it needs; as before, no h.invariants() check after each test.
const rig = usePhoneRig({ page: false, invariants: false });

const listCards = (page: Page) => page.locator('.list .card');
const isSearch = (route: Route) => /"action":"search"/.test(route.request().postData() ?? '');

test('the built index.html carries the skeleton and its inline scripts are allowed by hash', async () => {
  const html = fs.readFileSync(path.join(H5_DIR, 'index.html'), 'utf8');
  expect(html).toMatch(/<div id="app"><\/div>\s*<div id="sk"/);
  expect(html).toContain('#app:not(:empty)+#sk{display:none}');
  expect(html.match(/class="sk-card"/g)).toHaveLength(3);
  // Nothing in <head> holds the first paint back: the app's stylesheet and scripts come after the skeleton.
  const head = html.slice(0, html.indexOf('</head>'));
  expect(head).not.toMatch(/rel="stylesheet"|<script [^>]*src=/);
  expect(html.indexOf('rel="stylesheet"')).toBeGreaterThan(html.indexOf('<div id="sk"'));
  // The home page's own chunk is named for preloading, and those files exist.
  const chunks = JSON.parse(/var chunks = (\[[^\]]*\]);/.exec(html)?.[1] ?? 'null') as string[];
  expect(chunks.map((f) => path.extname(f)).sort()).toEqual(['.css', '.js']);
  for (const f of chunks) expect(fs.existsSync(path.join(H5_DIR, f))).toBe(true);
  expect(fs.readFileSync(path.join(H5_DIR, chunks.find((f) => f.endsWith('.js'))!), 'utf8')).toContain('搜服务');
  const res = await fetch(rig.h.url + '/');
  const csp = res.headers.get('content-security-policy') ?? '';
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(inline.length).toBe(2); // Taro's rem sizing and the first-request preload
  for (const body of inline) expect(csp).toContain(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
});

test('with no script at all, the shell shows the catalogue’s real first page as links; then the app replaces it', async () => {
  const first = (await rig.h.ok<{ items: { productId: string; name: string }[] }>('catalogue', 'search', { limit: 20 })).items;
  const page = await rig.newPhonePage();
  // No script file can load: what shows is the server's index.html alone (its inline scripts run).
  await page.route('**/*.js', (route) => route.abort());
  await page.goto(rig.h.url + '/');
  const sk = page.locator('#sk');
  await expect(sk.isVisible()).resolves.toBe(true);
  // The skeleton's placeholders made way for the real products, in the catalogue's order (server/prerender.ts).
  await expect(page.locator('#sk .sk-card').count()).resolves.toBe(0);
  await expect(page.locator('#sk .pr-card .pr-name').allInnerTexts()).resolves.toEqual(first.map((p) => p.name));
  const boxes = await page.locator('#sk .pr-card').evaluateAll((els) => els.slice(0, 3).map((e) => e.getBoundingClientRect()).map((r) => ({ w: Math.round(r.width), h: Math.round(r.height), top: Math.round(r.top) })));
  for (const b of boxes) {
    expect(b.w).toBeGreaterThan(300);
    expect(b.w).toBeLessThanOrEqual(390);
    expect(b.h).toBeGreaterThan(60);
  }
  expect(boxes[1].top).toBeLessThan(844);
  // Readable: names 18 px, the rest 15 px, badges included.
  const sizes = await page.locator('#sk .pr-card').first().evaluate((card) => ['.pr-name', '.pr-badge', '.pr-summary', '.pr-provider'].map((sel) => parseFloat(getComputedStyle(card.querySelector(sel)!).fontSize)));
  expect(sizes).toEqual([18, 15, 15, 15]);
  await expect(page.locator('#sk .sk-bar').innerText()).resolves.toBe('杭州市公共法律服务产品');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // A card is a real link to its product's page: tapped before any script, the address is the product page's.
  const second = page.locator('#sk .pr-card').nth(1);
  await expect(second.getAttribute('href')).resolves.toBe(`/#/pages/product/index?id=${first[1].productId}`);
  await second.click();
  await page.waitForURL(`**/#/pages/product/index?id=${first[1].productId}`);
  // …where the app, once its scripts load, shows that product.
  await page.unroute('**/*.js');
  await page.reload();
  await page.locator('.product__name', { hasText: first[1].name }).waitFor();
  await expect(sk.isVisible()).resolves.toBe(false);
  await expect(page.locator('#sk').count()).resolves.toBe(0);
  // On the home page with scripts, the app's page takes the place of the pre-rendered one: no card twice on screen.
  await page.goto(rig.h.url + '/');
  await listCards(page).first().waitFor();
  await expect(sk.isVisible()).resolves.toBe(false);
  await expect(page.locator('.pr-card:visible').count()).resolves.toBe(0);
  // Not only hidden: gone, so no product name is in the document twice (src/utils/shell.h5.ts).
  await expect(page.locator('#sk, .pr-card').count()).resolves.toBe(0);
  await expect(page.locator('.list .card__name').allInnerTexts()).resolves.toEqual(first.map((p) => p.name));
  await page.context().close();
});

test('before any script: 长辈模式 from storage enlarges the pre-rendered cards; another page’s address hides them', async () => {
  const page = await rig.newPhonePage();
  await page.route('**/*.js', (route) => route.abort());
  await page.addInitScript(() => localStorage.setItem('hzlp.largeFont', JSON.stringify({ data: true })));
  await page.goto(rig.h.url + '/');
  const sizes = await page.locator('#sk .pr-card').first().evaluate((card) => ['.pr-name', '.pr-badge', '.pr-summary', '.pr-provider'].map((sel) => parseFloat(getComputedStyle(card.querySelector(sel)!).fontSize)));
  expect(sizes).toEqual([24, 20, 20, 20]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // A shared link to a product: the catalogue's cards are not what is coming, so they are not shown.
  const other = await page.context().newPage();
  await other.route('**/*.js', (route) => route.abort());
  await other.goto(rig.h.url + '/#/pages/publicity/index');
  await expect(other.locator('#sk').isVisible()).resolves.toBe(true);
  await expect(other.locator('#sk .pr-card').count()).resolves.toBe(20);
  await expect(other.locator('#sk .pr-card:visible').count()).resolves.toBe(0);
  await page.context().close();
});

test('the first search is started by index.html and used by the app: one search request, not two', async () => {
  const page = await rig.newPhonePage();
  const searches: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/catalogue') && /"action":"search"/.test(r.postData() ?? '')) searches.push(r.postData() ?? '');
  });
  await page.goto(rig.h.url + '/');
  await listCards(page).first().waitFor();
  await page.waitForLoadState('networkidle');
  expect(searches).toEqual(['{"limit":20,"action":"search"}']);
  await expect(listCards(page).count()).resolves.toBe(20);
  // The home chunk was preloaded by index.html and then used (one request for it, not two).
  const homeChunk = await page.evaluate(() => [...document.querySelectorAll('link[rel=preload][as=script]')].map((l) => (l as HTMLLinkElement).href));
  expect(homeChunk).toHaveLength(1);
  const fetched = await page.evaluate((href) => performance.getEntriesByName(href).length, homeChunk[0]);
  expect(fetched).toBe(1);
  // Another page's address starts nothing early.
  const other = await page.context().newPage();
  const early: string[] = [];
  other.on('request', (r) => r.url().endsWith('/api/catalogue') && early.push(r.postData() ?? ''));
  await other.goto(rig.h.url + '/#/pages/publicity/index');
  await other.waitForLoadState('networkidle');
  expect(early.filter((b) => /"limit":20,"action":"search"|^\{"action":"featured"\}$/.test(b))).toEqual([]);
  await expect(other.locator('link[rel=preload]').count()).resolves.toBe(0);
  await page.context().close();
});

test('when the early answer is in before the app boots, the app’s first render shows it: no spinner between the shell’s cards and the app’s', async () => {
  const page = await rig.newPhonePage();
  const searches: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/catalogue') && /"action":"search"/.test(r.postData() ?? '')) searches.push(r.postData() ?? '');
  });
  // Scripts arrive late (a slow link), so the search index.html started is surely answered first.
  await page.route('**/js/*.js', async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  // Notes any moment the catalogue shows its loading state.
  await page.addInitScript(() => {
    const w = window as unknown as { __spinner?: boolean };
    new MutationObserver(() => {
      if (document.querySelector('#app .state--loading')) w.__spinner = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(rig.h.url + '/', { waitUntil: 'commit' });
  await page.locator('#sk .pr-card').first().waitFor({ state: 'visible' });
  await listCards(page).first().waitFor();
  await expect(listCards(page).count()).resolves.toBe(20);
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => (window as unknown as { __spinner?: boolean }).__spinner ?? false)).toBe(false);
  await expect(page.locator('#sk').isVisible()).resolves.toBe(false);
  expect(searches).toEqual(['{"limit":20,"action":"search"}']);
  // Filtering afterwards still asks the server (the first answer served the first render only).
  const free = page.waitForRequest((r) => r.url().endsWith('/api/catalogue') && /"purchaseMethod":"free"/.test(r.postData() ?? ''));
  await page.locator('.chip', { hasText: '只看免费' }).click();
  await free;
  expect(searches).toHaveLength(2);
  expect(JSON.parse(searches[1])).toMatchObject({ purchaseMethod: 'free', limit: 20 });
  await page.locator('.list .card').first().waitFor();
  await expect(page.locator('.list .cost:not(.cost--free)').count()).resolves.toBe(0);
  await page.context().close();
});

test('a repeat visit shows the saved first page at once while the server is slow, then the server’s answer', async () => {
  const page = await rig.newPhonePage();
  await page.goto(rig.h.url + '/');
  await listCards(page).first().waitFor();
  await page.waitForLoadState('networkidle');
  const firstVisit = await page.locator('.list .card__name').allInnerTexts();
  expect(firstVisit).toHaveLength(20);
  await page.close();

  // Second visit in the same browser: the search answers only after 4 s, and with a renamed first product.
  const again = await page.context().newPage();
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await again.route('**/api/catalogue', async (route) => {
    if (!isSearch(route)) return route.continue();
    const response = await route.fetch();
    const body = await response.json();
    body.data.items[0].name = '（已更新）' + body.data.items[0].name;
    await Promise.race([held, new Promise((r) => setTimeout(r, 4000))]);
    await route.fulfill({ response, json: body });
  });
  const started = Date.now();
  await again.goto(rig.h.url + '/');
  await listCards(again).first().waitFor();
  // The saved page is on screen before the server answered, marked as updating.
  expect(Date.now() - started).toBeLessThan(3500);
  await expect(again.locator('.list .card__name').allInnerTexts()).resolves.toEqual(firstVisit);
  await expect(again.locator('.fresh--updating').innerText()).resolves.toContain('正在更新');
  release();
  await again.locator('.list .card__name', { hasText: '（已更新）' }).waitFor();
  await expect(again.locator('.list .card__name').first().innerText()).resolves.toBe('（已更新）' + firstVisit[0]);
  await expect(again.locator('.fresh').count()).resolves.toBe(0);
  await again.close();

  // Third visit with the server failing: the saved page (now the updated one) stays, and says it is not current.
  const failing = await page.context().newPage();
  await failing.route('**/api/catalogue', (route) => (isSearch(route) ? route.abort('failed') : route.continue()));
  await failing.goto(rig.h.url + '/');
  await failing.locator('.fresh--outdated').waitFor();
  await expect(failing.locator('.fresh--outdated').innerText()).resolves.toMatch(/暂时无法更新，下面是(刚刚|\d+ 分钟前)保存的内容/);
  await expect(failing.locator('.list .card__name').first().innerText()).resolves.toBe('（已更新）' + firstVisit[0]);
  await expect(listCards(failing).count()).resolves.toBe(20);
  // 重试 once the server is back: the hint goes, the server's list is shown.
  await failing.unroute('**/api/catalogue');
  await failing.locator('.fresh__retry').click();
  await failing.locator('.fresh').waitFor({ state: 'detached' });
  await expect(failing.locator('.list .card__name').first().innerText()).resolves.toBe(firstVisit[0]);
  await failing.context().close();
});

test('a first visit with the server failing shows the error state, not a stale or empty list', async () => {
  const page = await rig.newPhonePage();
  await page.route('**/api/catalogue', (route) => (isSearch(route) ? route.abort('failed') : route.continue()));
  await page.goto(rig.h.url + '/');
  await page.getByText('加载失败').waitFor();
  await expect(listCards(page).count()).resolves.toBe(0);
  await expect(page.locator('.fresh').count()).resolves.toBe(0);
  await page.context().close();
});
