/**
 * Issue 15: WeChat opens a page from a mini-program code with only `scene` (the product id or the rating token,
 * URL-encoded). The product and rating pages read it; a scene that names nothing shows the page's clear not-found state
 * with a way on, never a blank page.
 */
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN } from '../support/harness';
import { usePhoneRig } from './browser';

const rig = usePhoneRig();
let page: Page;
beforeEach(() => (page = rig.page));

test('a product code’s scene opens the product; an unknown or malformed scene shows “没有找到这个服务” with a way home', async () => {
  const name = (await rig.h.ok('catalogue', 'get', { productId: 'p0002demo' })).name as string;
  await page.goto(`${rig.h.url}/#/pages/product/index?scene=p0002demo`);
  await expect(page.locator('.product__name').innerText()).resolves.toBe(name);

  for (const scene of ['p9999nothing', encodeURIComponent('../admin?x=1'), '%E0%A4%A']) {
    await page.goto(`${rig.h.url}/#/pages/product/index?scene=${scene}`);
    await page.reload();
    await page.getByText('没有找到这个服务').waitFor();
    await page.getByText('返回首页').waitFor();
    expect(await page.locator('.product__name').count()).toBe(0);
  }
});

test('a rating code’s scene opens the rating; an unknown one says the code is not valid', async () => {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const issued = await rig.h.ok('ratings', 'issueToken', { productId: 'p0002demo', servedOn: today, channel: 'counter' }, ADMIN_TOKEN);
  await page.goto(`${rig.h.url}/#/pages/rate/index?scene=${encodeURIComponent(issued.token)}`);
  await page.getByText('您对这次服务满意吗？').waitFor();

  await page.goto(`${rig.h.url}/#/pages/rate/index?scene=AAAAAAAAAAAAAAAAAAAA`);
  await page.reload();
  await page.getByText('评价码无效').waitFor();
  await page.getByText('这个二维码或链接不完整，或不是本平台的评价码。').waitFor();
});
