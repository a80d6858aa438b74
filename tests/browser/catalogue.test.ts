/** As a citizen on a phone: find a free mediation service, open it, see the provider's phone. */
import { costInWords } from '../../types/cost';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import type { Page } from 'playwright-core';
import { atButton, overflowsSideways, usePhoneRig } from './browser';

const rig = usePhoneRig();
let page: Page;
beforeEach(() => (page = rig.page));

const cards = () => page.locator('.list .card');
const button = (text: string) => atButton(page, text);
const cardNames = () => page.locator('.list .card__name').allInnerTexts();

test('the catalogue lists products, loads more, and shows the end', async () => {
  await page.goto(rig.h.url + '/');
  await cards().first().waitFor();
  expect(await cards().count()).toBe(20);
  // Scrolling to the bottom loads the next page (as a thumb would); the 加载更多 button is the fallback.
  await page.locator('.list__foot').scrollIntoViewIfNeeded();
  await page.getByText(/已经到底了，共 \d+ 项服务/).waitFor();
  const total = await rig.h.app.store.count('products', { status: 'listed' });
  expect(await cards().count()).toBe(total);
  expect(new Set(await cardNames()).size).toBe(total);
});

test('search, filter to free mediation, open a product, see the provider’s phone', async () => {
  await page.goto(rig.h.url + '/');
  await cards().first().waitFor();

  await page.locator('.chip', { hasText: '人民调解' }).click();
  await page.locator('.chip', { hasText: '只看免费' }).click();
  await page.waitForFunction(() => {
    const badges = [...document.querySelectorAll('.list .card .badge--category')].map((b) => b.textContent);
    return badges.length > 0 && badges.every((t) => t === '人民调解');
  });
  const n = await cards().count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    await expect(cards().nth(i).locator('.cost--free .cost__headline').innerText()).resolves.toBe('免费');
    await expect(cards().nth(i).locator('.badge--category').innerText()).resolves.toBe('人民调解');
  }

  const name = await cards().first().locator('.card__name').innerText();
  await cards().first().click();
  await page.locator('.product__name', { hasText: name }).waitFor();
  const phone = page.locator('.contact__phone');
  await expect(phone.innerText()).resolves.toMatch(/^(0\d{2,3}-)?\d{7,8}$|^12348$/);
  await expect(button('拨打电话').isVisible()).resolves.toBe(true);
  await expect(page.getByText('认定文号').isVisible()).resolves.toBe(true);
  expect(await overflowsSideways(page)).toBe(false);
});

test('issue 24: every card says what it costs in plain words first, the regulation’s term second and smaller', async () => {
  await page.goto(rig.h.url + '/');
  await cards().first().waitFor();
  // Every page of the list: 加载更多 until the last. Scrolling to the button may load the next page by itself (the
  // list loads on reaching the bottom) and take the button away, so a click that finds no button is not a failure;
  // the count below is what must hold.
  for (let round = 0; round < 20 && (await cards().count()) < DEMO_PRODUCTS.length; round++) {
    const before = await cards().count();
    await page
      .locator('.at-button', { hasText: '加载更多' })
      .click({ timeout: 5000 })
      .catch(() => undefined);
    await page.waitForFunction((n) => document.querySelectorAll('.list .card').length > n, before, { timeout: 15000 });
  }
  const shown = await cards().evaluateAll((els) =>
    els.map((card) => {
      const h = card.querySelector('.cost__headline')!;
      const t = card.querySelector('.cost__term')!;
      return {
        name: card.querySelector('.card__name')!.textContent,
        headline: h.textContent,
        detail: card.querySelector('.cost__detail')?.textContent ?? null,
        term: t.textContent,
        first: !!(h.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING),
        larger: parseFloat(getComputedStyle(h).fontSize) > parseFloat(getComputedStyle(t).fontSize),
      };
    }),
  );
  const byName = new Map(DEMO_PRODUCTS.map((p) => [p.name, p]));
  expect(shown.length).toBe(DEMO_PRODUCTS.length);
  for (const c of shown) {
    const p = byName.get(c.name!)!;
    const words = costInWords(p.purchaseMethod, p.price);
    expect(c).toEqual({ name: p.name, headline: words.headline, detail: words.detail, term: `购买方式：${words.term}`, first: true, larger: true });
  }
  // Not one of the regulation's terms is a headline, and each headline word is used.
  expect(new Set(shown.map((c) => c.headline))).toEqual(new Set(['免费', '部分费用由政府补贴', '收费', '费用见说明']));
  expect(shown.find((c) => c.name === '“法治进万家”普法讲座')).toMatchObject({ headline: '免费', term: '购买方式：政府购买' });
  expect(shown.find((c) => c.name === '小微企业法律体检')).toMatchObject({ headline: '部分费用由政府补贴', detail: '您付：政府补贴后每家企业 300 元/次' });
});

test('a keyword search finds labour services; nonsense shows the empty state, which can be cleared', async () => {
  await page.goto(rig.h.url + '/');
  await cards().first().waitFor();
  const input = page.locator('.at-search-bar input');
  await input.fill('劳动');
  await page.getByText('搜索', { exact: true }).click();
  await page.locator('.list .card__name', { hasText: '劳动争议法律援助快速通道' }).waitFor();

  await input.fill('完全不存在的服务');
  await page.getByText('搜索', { exact: true }).click();
  await page.getByText('没有找到完全符合的服务').waitFor();
  await button('清除筛选').click();
  await page.waitForFunction(() => document.querySelectorAll('.list .card').length === 20);
});

test('when the server fails, the page says so and retry recovers', async () => {
  let fail = true;
  await page.route('**/api/catalogue', (route) =>
    fail ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: '系统暂时出了点问题，请稍后再试' } }) }) : route.continue(),
  );
  await page.goto(rig.h.url + '/');
  await page.getByText('加载失败').waitFor();
  await expect(page.getByText('系统暂时出了点问题，请稍后再试').isVisible()).resolves.toBe(true);
  fail = false;
  await button('重试').click();
  await cards().first().waitFor();
});

test('an unknown product shows a clear not-found state', async () => {
  await page.goto(rig.h.url + '/#/pages/product/index?id=no-such-product');
  await page.getByText('没有找到这个服务').waitFor();
  await expect(button('返回首页').isVisible()).resolves.toBe(true);
});

test('with the font enlarged by half, nothing runs off the side of the phone', async () => {
  for (const url of ['/', '/#/pages/product/index?id=p0001demo']) {
    await page.goto(rig.h.url + url);
    await page.locator(url === '/' ? '.list .card' : '.contact__phone').first().waitFor();
    // Taro's H5 sizes text in rem from the root font size: raising it is what a larger system font does.
    await page.evaluate(() => {
      const html = document.documentElement;
      html.style.fontSize = `${parseFloat(getComputedStyle(html).fontSize) * 1.5}px`;
    });
    await page.waitForTimeout(100);
    expect({ url, overflow: await overflowsSideways(page) }).toEqual({ url, overflow: false });
  }
});

test('the bureau signs in with the admin token behind 工作人员登录 on 我的', async () => {
  const signInEnabled = () => page.waitForFunction(() => {
    const b = [...document.querySelectorAll('.me__staff .at-button')].find((x) => x.textContent?.trim() === '登录');
    return !!b && !b.className.includes('disabled') && !b.hasAttribute('disabled');
  });
  await page.goto(rig.h.url + '/#/pages/me/index');
  await page.getByText('游客（浏览目录无需登录）').waitFor();
  await page.getByText('工作人员登录').click();
  await page.locator('.me__input input').nth(1).fill('wrong-token-123');
  // The button enables once the typed token has rendered: clicking before that does nothing (a race under load).
  await signInEnabled();
  await button('登录').click();
  await page.getByText('口令不正确，请向系统管理员核对').waitFor();
  const { ADMIN_TOKEN } = await import('../support/harness');
  await page.locator('.me__input input').nth(1).fill(ADMIN_TOKEN);
  await signInEnabled();
  await button('登录').click();
  await page.getByText('已以市司法局管理员身份登录').waitFor();
  await expect(page.locator('.me__roles').innerText()).resolves.toBe('市司法局');
});

/**
 * Computed sizes come from rem and device-pixel rounding (17.68 px × 1.25 = 22.1 px, laid out as 22 px): sizes are
 * compared within half a CSS pixel, the bound itself unchanged.
 */
const SUBPIXEL = 0.5;

test('王阿姨 turns on 长辈模式: the text grows, on every page, and stays on', async () => {
  await page.goto(rig.h.url + '/');
  await cards().first().waitFor();
  const size = () => cards().first().locator('.card__name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const normal = await size();
  await page.locator('.elder-switch').click();
  await page.waitForFunction((n) => parseFloat(getComputedStyle(document.querySelector('.list .card__name')!).fontSize) > n, normal);
  expect(await size()).toBeGreaterThanOrEqual(normal * 1.25 - SUBPIXEL);
  expect(await overflowsSideways(page)).toBe(false);

  await cards().first().click();
  await page.locator('.product.lf').waitFor();
  await page.goto(rig.h.url + '/');
  await cards().first().waitFor();
  expect(await size()).toBeGreaterThanOrEqual(normal * 1.25 - SUBPIXEL);
  await expect(page.locator('.elder-switch').getAttribute('aria-checked')).resolves.toBe('true');
});

test('recommendations per group lead to all of that group’s services', async () => {
  await page.goto(rig.h.url + '/');
  await page.getByText('市司法局为您推荐').waitFor();
  await page.locator('.featured .chip', { hasText: '老年人' }).click();
  await expect(page.locator('.featured .card').count()).resolves.toBeGreaterThan(0);
  await page.getByText('查看全部适合老年人的服务 ›').click();
  await page.waitForFunction(() => document.querySelector('.featured') === null);
  await page.locator('.list .card__name', { hasText: '老年人遗嘱咨询与见证' }).waitFor();
  expect(await cardNames()).toContain('“老娘舅”人民调解上门服务');
});

test('a product can be turned into a printable poster', async () => {
  await page.goto(rig.h.url + '/#/pages/product/index?id=p0001demo');
  await page.locator('.contact__phone').waitFor();
  await page.getByText('生成海报').click();
  const img = page.locator('.poster__image img, img.poster__image').first();
  await img.waitFor();
  await page.waitForFunction(() => {
    const el = document.querySelector('.poster__image img, img.poster__image') as HTMLImageElement | null;
    return !!el && el.complete && el.naturalWidth > 0;
  });
  const src = await img.getAttribute('src');
  expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
  const svg = Buffer.from(src!.split(',')[1], 'base64').toString('utf8');
  expect(svg).toContain('“老娘舅”人民调解上门服务');
  await expect(page.getByText('打印海报').isVisible()).resolves.toBe(true);
});
