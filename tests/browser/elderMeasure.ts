/**
 * The 长辈模式 measurements (工信部《移动互联网应用（APP）适老化通用设计规范》) of the page shown: every visible text
 * ≥ 18 px, main titles and main actions ≥ 30 px, line height ≥ 1.3, contrast ≥ 4.5:1, tap targets ≥ 60×60 px (44×44 px in
 * the normal mode). Shared by elder.test.ts (every main-package page) and the tests of subpackage pages.
 */
import type { Page } from 'playwright-core';

/** What a finger can tap: native controls, taro-ui buttons, and every element the pages mark with a role. */
export const TAPPABLE = 'button, input, textarea, a[href], .at-button, .at-search-bar__action, [role=button], [role=link], [role=switch], [role=radio], [role=tab], [role=checkbox]';
/** Main titles and main actions (≥ 30 px in 长辈模式). */
export const MAIN = '.product__name, .list__title, .notice-card__name, .rate__title, .rate__end, .me__title, .notfound__title, .elder-switch__label, .at-button--primary';

export interface Finding {
  what: string;
  text: string;
  value: string;
}

/** Opens an address and waits until its page is settled: content or one of its states shown, nothing loading. */
export async function openSettled(p: Page, url: string): Promise<void> {
  // A new hash is a same-document navigation: the page shown before stays up for a moment. Every page instance has
  // its own id (Taro's `?stamp=`), so "settled" below is about a page that was not there before.
  const before = await p.evaluate(() => [...document.querySelectorAll('.taro_page')].map((x) => x.id)).catch(() => [] as string[]);
  await p.goto(url);
  await p.waitForFunction((before) => {
    const page = [...document.querySelectorAll('.taro_page')].find((x) => (x as HTMLElement).offsetParent !== null || getComputedStyle(x).display !== 'none');
    return !!page && !before.includes(page.id) && (page.textContent ?? '').trim().length > 0 && !page.querySelector('.state--loading');
  }, before);
  await p.waitForTimeout(300);
}

/**
 * `wayOn: false` for a page whose only way on may be the platform's own back button (a subpackage page that shows a
 * record and asks nothing of the person now): its words are still required.
 */
export async function measure(p: Page, elder: boolean, { wayOn = true }: { wayOn?: boolean } = {}): Promise<Finding[]> {
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
          if (box.width < min - 0.5 || box.height < min - 0.5) out.push({ what: `target < ${min}×${min}`, text: `${label(el)} <${el.className.toString().slice(0, 40)}>`, value: `${Math.round(box.width)}×${Math.round(box.height)}` });
        }
      }
      return { findings: out, texts, targets };
    },
    { elder, TAPPABLE, MAIN },
  );
  // A page measured is a page with something on it: words, and at least one way on.
  expect({ texts: texts >= 2, targets: targets >= 1 || !wayOn }).toEqual({ texts: true, targets: true });
  return findings;
}

