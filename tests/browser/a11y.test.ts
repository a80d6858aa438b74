/**
 * Issue 14, "Accessibility checked": axe-core on every main-package page (from src/app.config.ts, so a page added
 * later is checked too) and the rating's thanks screen, in the normal mode and in 长辈模式, at 390×844.
 * No serious or critical violation; every page's findings are printed as a table (rule, impact, count).
 */
import fs from 'fs';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { ADMIN_TOKEN } from '../support/harness';
import { publicityScene } from '../support/pipeline';
import { atButton, MAIN_PAGES, usePhoneRig } from './browser';

const rig = usePhoneRig();
let page: Page;
let declarationId: string;
let orgId: string;

/** What src/utils/a11y.h5.ts gives a place in the tab order. */
const MARKED_BY_APP = '[role=button], [role=link], [role=switch], [role=tab], [role=radio], [role=checkbox], [role=option], .at-button';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  ({ declarationId, orgId } = await publicityScene(rig.h));
});
beforeEach(() => (page = rig.page));

async function rateToken(): Promise<string> {
  return (await rig.h.ok('ratings', 'issueToken', { productId: 'p0002demo', servedOn: '2026-10-12', channel: 'counter' }, ADMIN_TOKEN)).token;
}

async function query(p: string): Promise<string> {
  if (p === 'pages/product/index') return '?id=p0002demo';
  if (p === 'pages/notice/index') return `?id=${declarationId}`;
  if (p === 'pages/provider/index') return `?id=${orgId}`;
  if (p === 'pages/rate/index') return `?t=${await rateToken()}`;
  return '';
}

async function open(p: Page, pagePath: string) {
  await p.goto(`${rig.h.url}/#/${pagePath}${await query(pagePath)}`);
  await settled(p);
}

/** A page's content or one of its states is shown, and nothing is loading. */
async function settled(p: Page) {
  await p.waitForFunction(() => {
    const page = [...document.querySelectorAll('.taro_page')].find((x) => getComputedStyle(x).display !== 'none');
    return !!page && (page.textContent ?? '').trim().length > 0 && !page.querySelector('.state--loading');
  });
  await p.waitForTimeout(300);
  // The app gives its tappable elements their keyboard place on the next animation frame after they appear
  // (src/utils/a11y.h5.ts); on a loaded machine that frame can come after the wait above, and axe would then judge a
  // page whose marking has not run yet.
  await p.waitForFunction(
    (selector) => ![...document.querySelectorAll(selector)].some((el) => (el as HTMLElement).offsetParent !== null && !el.hasAttribute('tabindex')),
    MARKED_BY_APP,
  );
}

interface Row {
  id: string;
  impact: string;
  count: number;
  where: string[];
}

/**
 * Runs axe-core in the page. The server's CSP allows no inline script, so the source is evaluated through the
 * DevTools protocol (Runtime.evaluate, which CSP does not govern) rather than added as a <script> element.
 */
async function axe(p: Page): Promise<Row[]> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.evaluate(AXE_SOURCE);
  const results = (await p.evaluate(() =>
    (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe.run(
      {
        include: [document],
        // Taro's H5 router keeps the pages it has shown as hidden siblings; axe skips hidden content itself, so
        // nothing is excluded here.
        exclude: [],
      },
      { resultTypes: ['violations'] },
    ),
  )) as AxeResults;
  return results.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'none', count: v.nodes.length, where: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`) }));
}

function table(rows: { page: string; mode: string; found: Row[] }[]): string {
  const lines = ['page                           mode    rule                          impact    count'];
  for (const r of rows) {
    if (!r.found.length) lines.push(`${r.page.padEnd(31)}${r.mode.padEnd(8)}(none)`);
    for (const f of r.found) lines.push(`${r.page.padEnd(31)}${r.mode.padEnd(8)}${f.id.padEnd(30)}${f.impact.padEnd(10)}${f.count}`);
  }
  return lines.join('\n');
}

const SERIOUS = new Set(['serious', 'critical']);

test('the main package is what the test visits', () => {
  expect(MAIN_PAGES).toEqual(expect.arrayContaining(['pages/catalogue/index', 'pages/product/index', 'pages/publicity/index', 'pages/notice/index', 'pages/rate/index', 'pages/provider/index', 'pages/adjustment/index', 'pages/call/index', 'pages/needs/index', 'pages/me/index', 'pages/notfound/index']));
});

for (const mode of ['normal', 'elder'] as const) {
  test(`axe-core: no serious or critical violation on any main-package page (${mode === 'elder' ? '长辈模式' : 'normal mode'})`, async () => {
    if (mode === 'elder') await page.addInitScript(() => localStorage.setItem('hzlp.largeFont', JSON.stringify({ data: true })));
    const rows: { page: string; mode: string; found: Row[] }[] = [];
    for (const p of MAIN_PAGES) {
      await open(page, p);
      if (mode === 'elder') await expect(page.locator('.taro_page .lf').count()).resolves.toBeGreaterThan(0);
      rows.push({ page: p.replace(/^pages\/|\/index$/g, ''), mode, found: await axe(page) });
    }
    // The rating's end: the thanks screen.
    await open(page, 'pages/rate/index');
    await page.locator('.faces__item', { hasText: '满意' }).first().click();
    await atButton(page, '提交评价').click();
    await page.getByText('谢谢您的评价！').waitFor();
    rows.push({ page: 'rate (thanks)', mode, found: await axe(page) });
    // A rating code that does not exist.
    await page.goto(`${rig.h.url}/#/pages/rate/index?t=not-a-code`);
    await settled(page);
    rows.push({ page: 'rate (bad code)', mode, found: await axe(page) });
    // The catalogue's nothing-found state.
    await open(page, 'pages/catalogue/index');
    await page.locator('.list .card').first().waitFor();
    // Words no product holds (issue 24: one shared word is enough to find a product).
    await page.locator('.at-search-bar input').fill('茶叶 咖啡');
    await page.getByText('搜索', { exact: true }).click();
    await page.getByText('没有找到完全符合的服务').waitFor();
    rows.push({ page: 'catalogue (nothing found)', mode, found: await axe(page) });

    console.log(`axe-core ${mode === 'elder' ? '长辈模式' : 'normal mode'} at 390×844\n${table(rows)}`);
    const serious = rows.flatMap((r) => r.found.filter((f) => SERIOUS.has(f.impact)).map((f) => ({ page: r.page, ...f })));
    expect(serious).toEqual([]);
    expect(rows.length).toBe(MAIN_PAGES.length + 3);
  });
}

/**
 * The last new-user walk's findings, measured at 390×844.
 */
const ELDER = () => page.addInitScript(() => localStorage.setItem('hzlp.largeFont', JSON.stringify({ data: true })));
const TAPPABLE = 'button, input, textarea, a[href], .at-button, [role=button], [role=link], [role=switch], [role=radio], [role=tab], [role=checkbox]';

/** What sticks out past the phone's right edge: the document's scroll width and every visible tappable's right edge. */
async function sideways(p: Page) {
  return p.evaluate((TAPPABLE) => {
    const doc = document.scrollingElement ?? document.documentElement;
    const page = [...document.querySelectorAll('.taro_page')].find((x) => getComputedStyle(x).display !== 'none') ?? document.body;
    const width = doc.clientWidth;
    const out: string[] = [];
    if (doc.scrollWidth > doc.clientWidth) out.push(`document ${doc.scrollWidth} > ${doc.clientWidth}`);
    if (page.scrollWidth > page.clientWidth) out.push(`page ${page.scrollWidth} > ${page.clientWidth}`);
    for (const el of page.querySelectorAll<HTMLElement>(TAPPABLE)) {
      const r = el.getBoundingClientRect();
      // Transparent still counts: taro-ui's search bar hid its button at opacity 0 past the right edge.
      if (r.width === 0 || r.height === 0 || !el.checkVisibility({ visibilityProperty: true })) continue;
      // A row of chips in a sideways scroller is meant to run on past the edge (a swipe shows the rest); the
      // scroller itself must fit, which the check below asserts.
      const scroller = el.closest('taro-scroll-view-core');
      if (scroller && scroller !== el) continue;
      if (r.right > width + 0.5) out.push(`${(el.textContent ?? '').trim().slice(0, 12) || el.className} right ${Math.round(r.right)}`);
    }
    for (const s of page.querySelectorAll('taro-scroll-view-core')) {
      const r = s.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 0.5) out.push(`scroller right ${Math.round(r.right)}`);
    }
    return { width, out };
  }, TAPPABLE);
}

test('长辈模式 at 390 px: nothing on any main page runs past the right edge, the search bar included', async () => {
  await ELDER();
  const problems: Record<string, string[]> = {};
  for (const p of MAIN_PAGES) {
    await open(page, p);
    const { width, out } = await sideways(page);
    expect(width).toBe(390);
    if (out.length) problems[p] = out;
  }
  // The search bar with a word typed (the clear button shows) and after searching.
  await open(page, 'pages/catalogue/index');
  await page.locator('.searchbox input').fill('劳动报酬');
  const action = (await page.locator('.at-search-bar__action').boundingBox())!;
  expect(action.x + action.width).toBeLessThanOrEqual(390);
  expect(action.height).toBeGreaterThanOrEqual(60);
  await page.locator('.at-search-bar__action').click();
  await page.locator('.list .card').first().waitFor();
  const typed = await sideways(page);
  if (typed.out.length) problems['catalogue (searched)'] = typed.out;
  expect(problems).toEqual({});
});

/** Every no-break run on the page sits on one line box (one client rect), whatever the text around it does. */
async function runs(p: Page): Promise<{ text: string; rects: number }[]> {
  return p.locator('.taro_page .nobreak').evaluateAll((els) =>
    els.filter((e) => e.getBoundingClientRect().width > 0).map((e) => ({ text: (e.textContent ?? '').trim(), rects: e.getClientRects().length })),
  );
}

test('numbers with units, dates, phones and district names never break across lines (长辈模式, 390 px)', async () => {
  await ELDER();
  const seen: { text: string; rects: number }[] = [];
  for (const p of ['pages/call/index', 'pages/publicity/index', 'pages/catalogue/index', 'pages/notice/index', 'pages/product/index']) {
    await open(page, p);
    if (p === 'pages/catalogue/index') await page.locator('.list .card').first().waitFor();
    const found = await runs(page);
    for (const r of found) expect({ p, ...r }).toEqual({ p, text: r.text, rects: 1 });
    seen.push(...found);
  }
  const texts = seen.map((r) => r.text);
  // The three the walk saw broken: the call page's points, the publicity period, a district.
  expect(texts).toEqual(expect.arrayContaining(['7 个工作日', '拱墅区', '0571-85256615']));
  expect(texts.filter((t) => /^\d+(–\d+)? 分$/.test(t)).length).toBeGreaterThan(10);
});

test('公示 with nothing open says what 公示 is and leads on to the catalogue', async () => {
  await page.route('**/api/publicity', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}');
    if (body.action === 'list') await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, data: { items: [] } }) });
    else await route.continue();
  });
  await ELDER();
  await open(page, 'pages/publicity/index');
  await page.getByText('目前没有公示中的产品').waitFor();
  await page.getByText(/公示是一项服务列入目录前的最后一步/).waitFor();
  // The period stays whole in the explanation, too.
  expect(await runs(page)).toEqual(expect.arrayContaining([{ text: '7 个工作日', rects: 1 }]));
  expect((await axe(page)).filter((f) => SERIOUS.has(f.impact))).toEqual([]);
  await atButton(page, '去看产品目录').click();
  await page.locator('.list .card').first().waitFor();
});

test('the needs board has one way home, at the top, like the other pages a link opens', async () => {
  await open(page, 'pages/needs/index');
  const backs = page.locator('.taro_page:visible').getByText(/返回首页|返回服务目录|返回目录/);
  expect(await backs.count()).toBe(1);
  const box = (await backs.first().boundingBox())!;
  expect(box.y).toBeLessThan(120);
  await expect(page.locator('.taro_page:visible .homelink__button').count()).resolves.toBe(1);
  await page.locator('.homelink__button').click();
  await page.locator('.list .card').first().waitFor();
});

test('normal mode: every text on every main page is at least 14 px', async () => {
  const problems: Record<string, string[]> = {};
  let measured = 0;
  for (const p of MAIN_PAGES) {
    await open(page, p);
    const small = await page.evaluate(() => {
      const page = [...document.querySelectorAll('.taro_page')].find((x) => getComputedStyle(x).display !== 'none') ?? document.body;
      const out: string[] = [];
      let n = 0;
      for (const el of page.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || !(el as HTMLElement).checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        const own = [...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && (c.textContent ?? '').trim() !== '');
        if (!own && !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) continue;
        n++;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < 13.95) out.push(`${(el.textContent ?? '').trim().slice(0, 12)} ${size}px`);
      }
      return { out, n };
    });
    measured += small.n;
    if (small.out.length) problems[p] = small.out;
  }
  expect(measured).toBeGreaterThan(200);
  expect(problems).toEqual({});
});

test('a keyboard reaches every tappable, and Enter or Space acts on it (utils/a11y.h5.ts)', async () => {
  const unreachable: Record<string, string[]> = {};
  for (const p of MAIN_PAGES) {
    await open(page, p);
    const out = await page.evaluate((TAPPABLE) => {
      const page = [...document.querySelectorAll('.taro_page')].find((x) => getComputedStyle(x).display !== 'none')!;
      return [...page.querySelectorAll<HTMLElement>(TAPPABLE)]
        .filter((el) => el.getBoundingClientRect().width > 0 && !el.matches('.at-button--disabled') && !el.closest('.at-button, taro-input-core, taro-textarea-core') && el.tabIndex < 0)
        .map((el) => `${(el.textContent ?? '').trim().slice(0, 12)} ${el.tagName.toLowerCase()}.${el.className}`);
    }, TAPPABLE);
    if (out.length) unreachable[p] = out;
  }
  expect(unreachable).toEqual({});

  await open(page, 'pages/catalogue/index');
  await page.locator('.elder-switch').focus();
  await page.keyboard.press('Enter');
  await page.locator('.catalogue.lf').waitFor();
  await expect(page.locator('.elder-switch').getAttribute('aria-checked')).resolves.toBe('true');
  await page.keyboard.press(' ');
  await page.locator('.catalogue:not(.lf)').waitFor();
  await page.locator('.tabbar__item', { hasText: '公示' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('.notices').waitFor();
  // The page shown is the main landmark.
  await page.locator('.taro_page:visible[role=main]').waitFor();
  // taro-ui's buttons say they are buttons, and whether they can be pressed.
  await open(page, 'pages/notice/index');
  // The comment box opens from its button (issue 24: under a section or for the whole product); its submit waits for text.
  await page.locator('.taro_page:visible .at-button', { hasText: '对这个产品提意见' }).focus();
  await page.keyboard.press('Enter');
  // The app marks a button on the animation frame after it appears: wait for the marks rather than read them at once.
  await page.locator('.taro_page:visible .compose .at-button--disabled[role=button][aria-disabled=true]').first().waitFor();
});
