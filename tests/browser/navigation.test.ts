/** Issue 14: a person finds their way alone — tabs, 返回首页 on every page a link opens, real ends, a real not-found page. */
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN } from '../support/harness';
import { atButton, usePhoneRig, dialogButton } from './browser';

const rig = usePhoneRig();
let page: Page;
beforeEach(() => (page = rig.page));

const tab = (text: string) => page.locator('.tabbar__item', { hasText: text });
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

test('a shared product link → 返回首页 → 公示 tab → 我的 tab', async () => {
  await page.goto(`${rig.h.url}/#/pages/product/index?id=p0001demo`);
  await page.locator('.contact__phone').waitFor();
  // Opened from a link: no tab bar here, but a way home.
  expect(await page.locator('.tabbar').count()).toBe(0);
  await page.getByText('‹ 返回首页').click();
  await page.locator('.list .card').first().waitFor();
  await expect(tab('首页').getAttribute('aria-current')).resolves.toBe('page');
  // The bar sits at the bottom of the screen, visible without scrolling.
  const box = (await page.locator('.tabbar').boundingBox())!;
  expect(box.y + box.height).toBeGreaterThan(840);
  expect(box.y).toBeGreaterThan(700);

  await tab('公示').click();
  await page.locator('.notices').waitFor();
  await expect(tab('公示').getAttribute('aria-current')).resolves.toBe('page');
  await tab('我的').click();
  await page.getByText('当前身份').waitFor();
  await expect(page.getByText('我的评价').isVisible()).resolves.toBe(true);
  await expect(page.getByText('我的意见').isVisible()).resolves.toBe(true);
  await tab('首页').click();
  await page.locator('.list .card').first().waitFor();
});

test('no citizen screen speaks of tokens or npm; the staff sign-in is one discreet entry', async () => {
  for (const url of ['/', '/#/pages/publicity/index', '/#/pages/product/index?id=p0001demo', '/#/pages/me/index']) {
    await page.goto(rig.h.url + url);
    await page.waitForSelector('.taro_page .state, .list .card, .notices, .me__card, .contact__phone');
    await page.waitForTimeout(200);
    const text = await page.evaluate(() => document.body.innerText);
    expect({ url, jargon: text.match(/npm|token|口令|管理员/gi) }).toEqual({ url, jargon: null });
  }
  await page.getByText('工作人员登录').waitFor();
});

test('an unknown address shows a real not-found page with ways on', async () => {
  await page.goto(`${rig.h.url}/#/pages/no-such-page/index`);
  await page.getByText('没有找到这个页面').waitFor();
  await atButton(page, '返回首页').click();
  await page.locator('.list .card').first().waitFor();
});

test('an old 我的 address opens the 我的 tab', async () => {
  await page.goto(`${rig.h.url}/#/packages/account/pages/me/index`);
  await page.getByText('当前身份').waitFor();
  await expect(tab('我的').getAttribute('aria-current')).resolves.toBe('page');
});

test('rating ends say what happens next: thanks (with a case), a used code, a bad code', async () => {
  const issued = await rig.h.ok('ratings', 'issueToken', { productId: 'p0002demo', servedOn: today(), channel: 'counter' }, ADMIN_TOKEN);
  await page.goto(`${rig.h.url}/#${issued.url}`);
  await page.getByText('您对这次服务满意吗？').waitFor();
  await expect(page.getByText('‹ 返回首页').isVisible()).resolves.toBe(true);
  await page.locator('.faces__item', { hasText: '非常不满意' }).click();
  await atButton(page, '提交评价').click();
  await page.getByText('谢谢您的评价！').waitFor();
  await page.getByText(/单位须在 5 个工作日内写明整改情况（您没有留电话，不会有人打给您）/).waitFor();
  await expect(atButton(page, '返回首页').isVisible()).resolves.toBe(true);
  // The way on from the thanks page reaches 我的, where the rating and its case are listed.
  await atButton(page, '到“我的”查看我的评价').click();
  await page.locator('.me__row', { hasText: '劳动争议法律援助快速通道' }).waitFor();
  await expect(page.locator('.me__row', { hasText: '非常不满意' }).count()).resolves.toBe(1);
  await page.getByText('不满意评价的处理进度（1 件处理中）').waitFor();

  await page.goto(`${rig.h.url}/#${issued.url}`);
  await page.getByText('这个评价码不能再用了').waitFor();
  await page.getByText(/下次办理时向工作人员索取新的评价码/).waitFor();
  await atButton(page, '查看这项服务').click();
  await page.locator('.product__name', { hasText: '劳动争议法律援助快速通道' }).waitFor();

  await page.goto(`${rig.h.url}/#/pages/rate/index?t=nosuchtoken000`);
  await page.getByText('评价码无效').waitFor();
  await expect(atButton(page, '返回首页').isVisible()).resolves.toBe(true);
});

test('signing out an anonymous identity warns what would be lost; cancelling keeps it', async () => {
  const issued = await rig.h.ok('ratings', 'issueToken', { productId: 'p0002demo', servedOn: today(), channel: 'counter' }, ADMIN_TOKEN);
  await page.goto(`${rig.h.url}/#${issued.url}`);
  await page.locator('.faces__item', { hasText: '非常满意' }).click();
  await atButton(page, '提交评价').click();
  await page.getByText('谢谢您的评价！').waitFor();
  await page.goto(`${rig.h.url}/#/pages/me/index`);
  await page.locator('.me__row').first().waitFor();
  await atButton(page, '退出登录').click();
  await page.getByText(/退出后这台设备不再记得您：您的1 条评价将无法再查看/).waitFor();
  await dialogButton(page, '不退出').click();
  await expect(page.locator('.me__row').count()).resolves.toBe(1);
  await atButton(page, '退出登录').click();
  await dialogButton(page, '退出').click();
  await page.getByText('游客（浏览目录无需登录）').waitFor();
  await expect(page.locator('.me__row').count()).resolves.toBe(0);
});
