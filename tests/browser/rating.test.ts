/** As 小李 at the counter: open the rating link on a phone, rate, and see the summary change. */
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN } from '../support/harness';
import { overflowsSideways, startBrowserRig, type BrowserRig } from './browser';

let rig: BrowserRig;
let page: Page;
beforeAll(async () => {
  rig = await startBrowserRig();
});
afterAll(() => rig.close());
beforeEach(async () => {
  page = await rig.newPhonePage();
});
afterEach(async () => {
  await page.context().close();
  expect(await rig.h.invariants()).toEqual([]);
});

test('open a rating link, rate, see the summary change; a second use is refused', async () => {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const issued = await rig.h.ok('ratings', 'issueToken', { productId: 'p0002demo', servedOn: today, channel: 'counter' }, ADMIN_TOKEN);
  const before = await rig.h.ok('ratings', 'summary', { productId: 'p0002demo' });
  await page.goto(`${rig.h.url}/#${issued.url}`);
  await page.getByText('您对这次服务满意吗？').waitFor();
  await expect(page.locator('.rate__title').innerText()).resolves.toBe('劳动争议法律援助快速通道');
  await page.locator('.faces__item', { hasText: '满意' }).filter({ hasNotText: '非常' }).filter({ hasNotText: '不' }).filter({ hasNotText: '基本' }).click();
  await page.locator('.stars', { hasText: '服务态度' }).locator('.stars__star').nth(4).click();
  await page.locator('.rate__text textarea').fill('律师讲得很清楚');
  expect(await overflowsSideways(page)).toBe(false);
  await page.locator('.at-button', { hasText: '提交评价' }).click();
  await page.getByText('谢谢您的评价！').waitFor();
  await page.getByText(`${before.count + 1} 条评价 · 满意率 100% · 平均 4 分`).waitFor();
  await expect(page.locator('.rchart__row', { hasText: '满意' }).filter({ hasNotText: '非常' }).filter({ hasNotText: '不' }).filter({ hasNotText: '基本' }).locator('.rchart__count').innerText()).resolves.toBe('1');

  await page.goto(`${rig.h.url}/#/pages/product/index?id=p0002demo`);
  await page.locator('.rchart__head', { hasText: '1 条评价' }).waitFor();

  // Scanning the same code again, later: a fresh load of the link.
  const again = await rig.newPhonePage();
  await again.goto(`${rig.h.url}/#${issued.url}`);
  await again.getByText('这个评价码已经用过了，每次服务只能评价一次').waitFor();
  await again.context().close();
});
