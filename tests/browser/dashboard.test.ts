/**
 * Issue 15's dashboard charts in a real browser, on a phone (390×844), at a desk (1280 wide) and in 长辈模式: every
 * chart with figures is drawn (a canvas of real size with more than one colour on it), the figures under each chart
 * equal admin.dashboard's for the seeded year, a chart without figures says so instead of drawing, and a year with
 * no data draws nothing and says so.
 */
import path from 'path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import type { DashboardResult } from '../../types/actions/admin';
import { LEVEL_LABELS, type Level } from '../../types/rating';
import { ADMIN_TOKEN } from '../support/harness';
import { startPipeline } from '../support/pipeline';
import { overflowsSideways, signIn, usePhoneRig } from './browser';

let page: Page | null = null;
// Each test opens its own page (a phone, or a desk-sized window): the rig closes it after the test.
const rig = usePhoneRig({
  page: false,
  cleanup: async () => {
    await page?.context().close();
    page = null;
  },
});
let d: DashboardResult;
const DASHBOARD = '/#/packages/admin/pages/dashboard/index';
const DRAWN = ['call', 'review', 'publicity', 'months', 'districts', 'categories', 'cases'];
const at = (now: string) => rig.h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);

beforeAll(async () => {
  const { h } = rig;
  await at('2026-09-25T09:00:00+08:00');
  const pipe = await startPipeline(h);
  // The year's call: one reviewed and proposed (法律援助), one submitted (人民调解), one draft (法律服务).
  const proposed = await pipe.proposed(1);
  const { declarationId: submitted } = await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[0], 0) }, pipe.applicant.token);
  await h.ok('declarations', 'submit', { declarationId: submitted }, pipe.applicant.token);
  await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[2], 2) }, pipe.applicant.token);
  // Publicity: a comment on the 9th, answered on the 12th (3 days).
  await h.ok('publicity', 'start', { declarationIds: [proposed], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  await at('2026-10-09T10:00:00+08:00');
  const { commentId } = await h.ok('publicity', 'comment', { declarationId: proposed, text: '希望增加周末服务时间' }, await h.citizen());
  await at('2026-10-12T10:00:00+08:00');
  await h.ok('publicity', 'dispose', { commentId, disposition: 'adopted', reply: '已增加周六上午服务' }, ADMIN_TOKEN);
  // Ratings in October and November, one bad (it opens a case).
  for (const [productId, level, servedOn] of [
    ['p0002demo', 5, '2026-10-12'],
    ['p0001demo', 1, '2026-10-12'],
  ] as const) {
    const { token } = await h.ok('ratings', 'issueToken', { productId, servedOn, channel: 'counter' }, ADMIN_TOKEN);
    await h.ok('ratings', 'rate', { token, level }, await h.citizen());
  }
  await at('2026-11-03T10:00:00+08:00');
  for (const [productId, level] of [
    ['p0003demo', 4],
    ['p0002demo', 3],
  ] as const) {
    const { token } = await h.ok('ratings', 'issueToken', { productId, servedOn: '2026-11-03', channel: 'counter' }, ADMIN_TOKEN);
    await h.ok('ratings', 'rate', { token, level }, await h.citizen());
  }
  d = await h.ok('admin', 'dashboard', { year: 2026 }, ADMIN_TOKEN);
}, 120_000);

/** Size and colours of a chart's canvas, read back from its pixels. */
async function canvasOf(p: Page, key: string) {
  const canvas = p.locator(`.dash__chart--${key} canvas`);
  await canvas.waitFor();
  return canvas.evaluate((el: HTMLCanvasElement) => {
    const box = el.getBoundingClientRect();
    const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
    const colours = new Set<string>();
    for (let i = 0; i < data.length; i += 4 * 7) if (data[i + 3] > 0) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return { width: box.width, height: box.height, top: box.top, left: box.left, colours: colours.size, label: el.getAttribute('aria-label') ?? '' };
  });
}

/** The figures printed under a chart, as [label, number, note]. */
async function figuresOf(p: Page, key: string): Promise<[string, number, string][]> {
  return p.locator(`.dash__chart--${key} .dash__bars--chart .dash__bar`).evaluateAll((rows) =>
    rows.map((r) => {
      const label = r.querySelector('.dash__bar-label')!.textContent!.trim();
      const text = r.querySelector('.dash__bar-value')!.textContent!;
      const cut = text.indexOf(' · ');
      return [label, Number(cut < 0 ? text : text.slice(0, cut)), cut < 0 ? '' : text.slice(cut + 3).trim()] as [string, number, string];
    }),
  );
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

async function open(p: Page) {
  // The page opens on the browser's year: the seeded one.
  await p.clock.setFixedTime(new Date('2026-11-03T10:00:00+08:00'));
  await signIn(p, ADMIN_TOKEN);
  await p.goto(`${rig.h.url}${DASHBOARD}`);
  await p.locator('.dash__chart--call canvas').waitFor();
}

test('the seeded year has something in every drawn chart (so the checks below can fail)', () => {
  expect(d.year).toBe(2026);
  expect(d.declarations.call.total).toBe(3);
  expect(d.review.results).toBe(1);
  expect(d.publicity.answerBands.map((b) => b.count)).toEqual([0, 1, 0, 0]);
  expect(d.ratings.byMonth.slice(9, 11)).toEqual([2, 2]);
  expect(d.ratings.casesOpened).toBe(1);
  expect(d.assessments.byGrade.every((g) => g.count === 0)).toBe(true);
});

test('on a phone every chart with figures is drawn, and the figures under it are admin.dashboard’s', async () => {
  page = await rig.newPhonePage();
  await open(page);
  for (const key of DRAWN) {
    const c = await canvasOf(page, key);
    expect({ key, wide: c.width > 300 && c.width <= 390, tall: c.height >= 200, colours: c.colours > 2 }).toEqual({ key, wide: true, tall: true, colours: true });
    expect(c.label.length).toBeGreaterThan(10);
  }
  // Issue 26: where the bureau's data stands — no backup yet in this fresh data folder, and the way to take one.
  expect(d.backup).toEqual({ kind: 'local', last: null, schedule: null });
  await page.locator('.dash__backup--warn', { hasText: '还没有备份' }).filter({ hasText: 'npm run backup' }).waitFor();
  // No grade has been published this year: no chart, and it says why; its figures (all zero) are still there.
  await page.locator('.dash__chart--grades .dash__empty', { hasText: '测评结果还没有公布' }).waitFor();
  expect(await page.locator('.dash__chart--grades canvas').count()).toBe(0);

  expect(await figuresOf(page, 'call')).toEqual(
    d.declarations.call.byCategory.map((c) => [c.label, sum(c.counts), ['已通过', '办理中', '未通过', '草稿或撤回'].flatMap((g, i) => (c.counts[i] ? [`${g} ${c.counts[i]}`] : [])).join('，')]),
  );
  expect((await figuresOf(page, 'call')).filter(([, n]) => n > 0).map(([l, n]) => [l, n])).toEqual([
    ['法律服务', 1],
    ['法律援助', 1],
    ['人民调解', 1],
  ]);
  expect(await figuresOf(page, 'review')).toEqual(d.review.bands.map((b) => [b.band, b.count, '']));
  await page.locator('.dash__chart--review', { hasText: `通过率 ${pct(d.review.passRate)}` }).waitFor();
  expect(await figuresOf(page, 'publicity')).toEqual(d.publicity.answerBands.map((b) => [b.band, b.count, '']));
  expect(await figuresOf(page, 'months')).toEqual(d.ratings.byMonth.map((n, i) => [`${i + 1} 月`, n, '']));
  expect(await figuresOf(page, 'districts')).toEqual(d.ratings.byDistrict.map((g) => [g.label, g.ratings, `满意率 ${pct(g.satisfactionRate)}`]));
  expect(await figuresOf(page, 'categories')).toEqual(d.ratings.byCategory.map((g) => [g.label, g.ratings, `满意率 ${pct(g.satisfactionRate)}`]));
  const open_ = d.ratings.casesOpened - d.ratings.casesOnTime - d.ratings.casesLate;
  expect(await figuresOf(page, 'cases')).toEqual([
    ['按期办结', d.ratings.casesOnTime, ''],
    ['逾期办结', d.ratings.casesLate, ''],
    ['尚在办理', open_, ''],
  ]);
  expect(await figuresOf(page, 'grades')).toEqual(d.assessments.byGrade.map((g) => [g.label, 0, '']));
  // The screen reader's sentence carries the same numbers.
  expect((await canvasOf(page, 'months')).label).toContain(`10 月 ${d.ratings.byMonth[9]} 条`);
  // The plain figures stay: declarations by status, ratings by level.
  await page.locator('.admin__card', { hasText: `申报（共 ${d.declarations.total} 件）` }).waitFor();
  const levels = await page.locator('.dash__chart--months .dash__bars:not(.dash__bars--chart) .dash__bar').allTextContents();
  expect(levels.map((t) => t.replace(/\s+/g, ''))).toEqual([5, 4, 3, 2, 1].map((l) => `${LEVEL_LABELS[l as Level]}${d.ratings.levels[l - 1]}`));
  expect(await overflowsSideways(page)).toBe(false);
});

test('at a desk the charts stand two by two and are drawn the width of their card', async () => {
  const context = await rig.browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN', reducedMotion: 'reduce' });
  page = await context.newPage();
  await open(page);
  const call = await canvasOf(page, 'call');
  const review = await canvasOf(page, 'review');
  expect(call.width).toBeGreaterThan(450);
  expect(review.left).toBeGreaterThan(call.left + call.width - 1);
  for (const key of DRAWN) expect({ key, colours: (await canvasOf(page, key)).colours > 2 }).toEqual({ key, colours: true });
  expect(await figuresOf(page, 'months')).toEqual(d.ratings.byMonth.map((n, i) => [`${i + 1} 月`, n, '']));
  expect(await overflowsSideways(page)).toBe(false);
});

test('in 长辈模式 the charts are taller and the figures under them at least 18 px', async () => {
  page = await rig.newPhonePage();
  await page.addInitScript(() => localStorage.setItem('hzlp.largeFont', JSON.stringify({ data: true })));
  await open(page);
  const c = await canvasOf(page, 'months');
  expect(c.height).toBeGreaterThanOrEqual(340);
  expect(c.colours).toBeGreaterThan(2);
  const sizes = await page.locator('.dash__bars--chart .dash__bar-label, .dash__bars--chart .dash__bar-value, .dash__chart .admin__meta').evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
  expect(sizes.length).toBeGreaterThan(20);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
  expect(await overflowsSideways(page)).toBe(false);
});

test('a year with no data draws no chart and says so, with a way back to this year', async () => {
  page = await rig.newPhonePage();
  await open(page);
  await page.getByText('2025 年', { exact: true }).click();
  await page.getByText('2025 年还没有数据').waitFor();
  expect(await page.locator('canvas').count()).toBe(0);
  expect((await rig.h.ok('admin', 'dashboard', { year: 2025 }, ADMIN_TOKEN)).ratings.count).toBe(0);
  await page.locator('.at-button', { hasText: '看 2026 年' }).click();
  await page.locator('.dash__chart--call canvas').waitFor();
});

test('the WeChat path draws too: ECharts through the WxCanvas adapter, over a canvas that offers only width, height and a 2d context', async () => {
  // The weapp build cannot run here (no WeChat on Linux): bundle the same modules the weapp page uses and draw each
  // chart as ChartCanvas.weapp.tsx does, onto a bare node like the one WeChat's SelectorQuery returns.
  const charts = path.resolve(__dirname, '../../src/packages/admin/components/charts');
  const bundle = await build({
    stdin: {
      contents: `import { echarts } from './echarts'; import { WxCanvas } from './wxCanvas'; import { dashboardCharts } from './specs';
        (window as any).drawLikeWeChat = (d: any, width: number, height: number) => dashboardCharts(d, false).filter((c) => !c.empty).map((c) => {
          const el = document.createElement('canvas');
          el.className = 'wx';
          document.body.appendChild(el);
          const node = { get width() { return el.width; }, set width(w) { el.width = w; }, get height() { return el.height; }, set height(h) { el.height = h; }, getContext: (t: '2d') => el.getContext(t) };
          const canvas = new WxCanvas(node);
          echarts.setPlatformAPI({ createCanvas: () => canvas as never });
          const chart = echarts.init(canvas as never, undefined, { width, height, devicePixelRatio: 2 });
          chart.setOption(c.option);
          const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
          const colours = new Set<string>();
          for (let i = 0; i < data.length; i += 4 * 7) if (data[i + 3] > 0) colours.add(data[i] + ',' + data[i + 1] + ',' + data[i + 2]);
          return { key: c.key, width: el.width, height: el.height, colours: colours.size };
        });`,
      resolveDir: charts,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    alias: { '@shared': path.resolve(__dirname, '../../types') },
    logLevel: 'silent',
  });
  page = await rig.newPhonePage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  const drawn = await page.evaluate(([dash]) => (window as any).drawLikeWeChat(dash, 358, 240), [d] as const);
  expect(drawn.map((c: { key: string }) => c.key)).toEqual(DRAWN);
  for (const c of drawn) expect({ key: c.key, size: [c.width, c.height], colours: c.colours > 2 }).toEqual({ key: c.key, size: [716, 480], colours: true });
});
