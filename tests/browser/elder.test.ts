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

/** What a finger can tap: native controls, taro-ui buttons, and every element the pages mark with a role. */
const TAPPABLE = 'button, input, textarea, a[href], .at-button, .at-search-bar__action, [role=button], [role=link], [role=switch], [role=radio], [role=tab], [role=checkbox]';
/** Main titles and main actions (≥ 30 px in 长辈模式). */
const MAIN = '.product__name, .list__title, .notice-card__name, .rate__title, .rate__end, .me__title, .notfound__title, .elder-switch__label, .at-button--primary';

interface Finding {
  what: string;
  text: string;
  value: string;
}

async function measure(p: Page, elder: boolean): Promise<Finding[]> {
  const { findings, texts, targets } = await p.evaluate(
    ({ elder, TAPPABLE, MAIN }) => {
      const out: { what: string; text: string; value: string }[] = [];
      let texts = 0;
      let targets = 0;
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (el as HTMLElement).checkVisibility({ opacityProperty: true, visibilityProperty: true });
      };
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (el: Element | null): number[] => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const label = (el: Element) => (el.textContent ?? '').trim().slice(0, 24) || el.className.toString().slice(0, 40);
      const page = [...document.querySelectorAll('.taro_page')].find((x) => visible(x)) ?? document.body;
      for (const el of page.querySelectorAll('*')) {
        if (!visible(el)) continue;
        const s = getComputedStyle(el);
        const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        const isInput = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
        if (ownText || isInput) {
          texts++;
          const size = parseFloat(s.fontSize);
          if (elder && size < 17.95) out.push({ what: 'text < 18px', text: label(el), value: s.fontSize });
          if (elder && ownText) {
            const lh = s.lineHeight === 'normal' ? 1.2 * size : parseFloat(s.lineHeight);
            if (lh < 1.3 * size - 0.5) out.push({ what: 'line height < 1.3', text: label(el), value: `${s.lineHeight} / ${s.fontSize}` });
            const [a, b] = [lum(rgb(s.color).slice(0, 3)), lum(background(el))];
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) out.push({ what: 'contrast < 4.5', text: label(el), value: ratio.toFixed(2) });
          }
        }
        if (elder && el.matches(MAIN) && (ownText || el.matches('.at-button'))) {
          const size = parseFloat(getComputedStyle(el.matches('.at-button') ? (el.querySelector('.at-button__text') ?? el) : el).fontSize);
          if (size < 29.95) out.push({ what: 'main title/action < 30px', text: label(el), value: `${size}px` });
        }
        if (el.matches(TAPPABLE) && !el.parentElement?.closest('.at-button')) {
          targets++;
          const r = el.getBoundingClientRect();
          const min = elder ? 60 : 44;
          // An input inside a taller labelled box counts by the box a finger can hit.
          const box = el.matches('input, textarea') ? (el.closest('taro-input-core, taro-textarea-core, .at-search-bar__input-cnt') ?? el).getBoundingClientRect() : r;
          if (box.width < min - 0.5 || box.height < min - 0.5) out.push({ what: `target < ${min}×${min}`, text: label(el), value: `${Math.round(box.width)}×${Math.round(box.height)}` });
        }
      }
      return { findings: out, texts, targets };
    },
    { elder, TAPPABLE, MAIN },
  );
  // A page measured is a page with something on it: words, and at least one way on.
  expect({ texts: texts >= 2, targets: targets >= 1 }).toEqual({ texts: true, targets: true });
  return findings;
}

async function open(p: Page, pagePath: string) {
  await p.goto(`${rig.h.url}/#/${pagePath}${query(pagePath)}`);
  // Settled: a page's content or one of its states is shown, and nothing is loading.
  await p.waitForFunction(() => {
    const page = [...document.querySelectorAll('.taro_page')].find((x) => (x as HTMLElement).offsetParent !== null || getComputedStyle(x).display !== 'none');
    return !!page && (page.textContent ?? '').trim().length > 0 && !page.querySelector('.state--loading');
  });
  await p.waitForTimeout(300);
}

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
