/**
 * 长辈模式 per 工信部《移动互联网应用（APP）适老化通用设计规范》, measured on every main-package page at 390×844:
 * every visible text ≥ 18 px, main titles and main actions ≥ 30 px, line height ≥ 1.3, contrast ≥ 4.5:1,
 * tap targets ≥ 60×60 px, nothing scrolls sideways. In the normal mode every tap target is at least 44×44 px.
 * The pages come from src/app.config.ts, so a page added later is measured too.
 */
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN } from '../support/harness';
import { publicityScene } from '../support/pipeline';
import { MAIN_PAGES, overflowsSideways, usePhoneRig } from './browser';
import { measure, openSettled, type Finding } from './elderMeasure';

const rig = usePhoneRig();
let page: Page;
let declarationId: string;
let rateToken: string;
let orgId: string;

/** Query strings for pages that show one thing; any other page opens bare (and must then show a proper state). */
const query = (p: string): string =>
  ({ 'pages/product/index': '?id=p0002demo', 'pages/notice/index': `?id=${declarationId}`, 'pages/rate/index': `?t=${rateToken}`, 'pages/provider/index': `?id=${orgId}` })[p] ?? '';

beforeAll(async () => {
  ({ declarationId, orgId } = await publicityScene(rig.h));
  rateToken = (await rig.h.ok('ratings', 'issueToken', { productId: 'p0002demo', servedOn: '2026-10-12', channel: 'counter' }, ADMIN_TOKEN)).token;
});
beforeEach(() => (page = rig.page));

const open = (p: Page, pagePath: string) => openSettled(p, `${rig.h.url}/#/${pagePath}${query(pagePath)}`);

test('the main package is what the tests visit', () => {
  expect(MAIN_PAGES).toEqual(expect.arrayContaining(['pages/catalogue/index', 'pages/product/index', 'pages/publicity/index', 'pages/notice/index', 'pages/rate/index', 'pages/me/index', 'pages/notfound/index']));
});

test('长辈模式: every main-package page meets the sizes, spacing and contrast', async () => {
  await page.addInitScript(() => localStorage.setItem('hzlp.largeFont', JSON.stringify({ data: true })));
  const problems: Record<string, Finding[]> = {};
  for (const p of MAIN_PAGES) {
    await open(page, p);
    await expect(page.locator('.taro_page .lf').count()).resolves.toBeGreaterThan(0);
    const found = await measure(page, true);
    if (found.length) problems[p] = found;
    expect({ p, sideways: await overflowsSideways(page) }).toEqual({ p, sideways: false });
  }
  expect(problems).toEqual({});
});

test('normal mode: every tap target on every main-package page is at least 44×44 px', async () => {
  const problems: Record<string, Finding[]> = {};
  for (const p of MAIN_PAGES) {
    await open(page, p);
    const found = (await measure(page, false)).filter((f) => f.what.startsWith('target'));
    if (found.length) problems[p] = found;
  }
  expect(problems).toEqual({});
});

test('the switch is at the top of 首页 and in 我的, and is remembered', async () => {
  await page.goto(rig.h.url + '/');
  await page.locator('.list .card').first().waitFor();
  const sw = page.locator('.elder-switch');
  expect((await sw.boundingBox())!.y).toBeLessThan(120);
  await sw.click();
  await page.locator('.catalogue.lf').waitFor();
  await page.locator('.tabbar__item', { hasText: '我的' }).click();
  await page.locator('.me.lf').waitFor();
  await expect(page.locator('.me .elder-switch').getAttribute('aria-checked')).resolves.toBe('true');
  await page.reload();
  await page.locator('.me.lf').waitFor();
  await page.locator('.me .elder-switch').click();
  await page.locator('.me:not(.lf)').waitFor();
});

test('phone numbers, dates and times never break inside', async () => {
  await page.addInitScript(() => localStorage.setItem('hzlp.largeFont', JSON.stringify({ data: true })));
  await open(page, 'pages/product/index');
  const runs = await page.locator('.nobreak').evaluateAll((els) => els.map((e) => ({ text: e.textContent, ws: getComputedStyle(e).whiteSpace, lines: Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)) })));
  expect(runs.length).toBeGreaterThan(3);
  for (const r of runs) expect({ ...r, lines: Math.min(r.lines, 1) }).toEqual({ text: r.text, ws: 'nowrap', lines: 1 });
  expect(runs.map((r) => r.text)).toEqual(expect.arrayContaining(['0571-86901234', '8:30-17:30']));
});
