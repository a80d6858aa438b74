/** 小李 at a red light types the words he uses; 王阿姨 reads a product page in plain words. */
import type { Page } from 'playwright-core';
import { atButton, usePhoneRig } from './browser';

const rig = usePhoneRig();
let page: Page;
beforeEach(() => (page = rig.page));

const input = () => page.locator('.at-search-bar input');
const topNames = async (n: number) => (await page.locator('.list .card__name').allInnerTexts()).slice(0, n);

test('a search for 欠薪 reaches the labour product; a suggestion is one tap', async () => {
  await page.goto(rig.h.url + '/');
  await page.locator('.list .card').first().waitFor();
  await input().fill('欠薪');
  await page.getByText('搜索', { exact: true }).click();
  await page.locator('.list .card__name', { hasText: '劳动争议法律援助快速通道' }).waitFor();
  expect(await topNames(3)).toContain('劳动争议法律援助快速通道');

  await input().fill('离');
  await page.locator('.suggest__item', { hasText: '搜“离婚”' }).click();
  await page.locator('.list .card__name', { hasText: '婚姻家庭纠纷调解室' }).waitFor();
  expect(await topNames(3)).toContain('婚姻家庭纠纷调解室');
  await expect(page.locator('.suggest').count()).resolves.toBe(0);

  await input().fill('laoniangjiu');
  await page.getByText('搜索', { exact: true }).click();
  await page.waitForFunction(() => document.querySelector('.list .card__name')?.textContent === '“老娘舅”人民调解上门服务');
});

test('nothing found: related services, the 12348 hotline, and a way back', async () => {
  await page.goto(rig.h.url + '/');
  await page.locator('.list .card').first().waitFor();
  await input().fill('茶叶 咖啡');
  await page.getByText('搜索', { exact: true }).click();
  await page.getByText('没有找到完全符合的服务').waitFor();
  await expect(atButton(page, '拨打 12348 法律服务热线').isVisible()).resolves.toBe(true);
  await page.getByText('您可能需要').waitFor();
  expect(await page.locator('.nothing .card').count()).toBeGreaterThan(0);
  await atButton(page, '清除筛选').click();
  await page.waitForFunction(() => document.querySelectorAll('.list .card').length === 20);
});

test('issue 24: a sentence finds its service; words that name a kind of service never end with nothing', async () => {
  await page.goto(rig.h.url + '/');
  await page.locator('.list .card').first().waitFor();
  await input().fill('儿子不养我怎么办');
  await page.getByText('搜索', { exact: true }).click();
  await page.waitForFunction(() => document.querySelector('.list .card__name')?.textContent === '老年人遗嘱咨询与见证');
  // 调解 among the 法治宣传 services: none; the mediation services are offered instead, with the hotline.
  await input().fill('调解');
  await page.getByText('搜索', { exact: true }).click();
  await page.locator('.list .card__name', { hasText: '人民调解' }).first().waitFor();
  await page.locator('.chip', { hasText: '法治宣传' }).click();
  await page.getByText('您要找的可能是人民调解服务').waitFor();
  await expect(atButton(page, '拨打 12348 法律服务热线').isVisible()).resolves.toBe(true);
  const offered = await page.locator('.nothing .card__name').allInnerTexts();
  expect(offered.length).toBeGreaterThan(0);
  expect(offered.every((n) => /调解|调处/.test(n))).toBe(true);
});

test('the product page speaks a citizen’s words: who, how, what to bring, how much, when', async () => {
  await page.goto(`${rig.h.url}/#/pages/product/index?id=p0002demo`);
  await page.locator('.contact__phone').waitFor();
  const titles = await page.locator('.block__title').allInnerTexts();
  expect(titles).toEqual(expect.arrayContaining(['谁可以用', '怎么申请', '要带什么', '多少钱', '什么时候']));
  const materials = page.locator('.block', { hasText: '要带什么' });
  await expect(materials.locator('.field__label').innerText()).resolves.toBe('需要准备的材料');
  await expect(materials.locator('.field__value').innerText()).resolves.toContain('工资条');
  const text = await page.evaluate(() => document.body.innerText);
  for (const jargon of ['产品服务的对象', '提供主体的范围数量', '产品获得的渠道', '产品服务的周期频次']) expect({ jargon, shown: text.includes(jargon) }).toEqual({ jargon, shown: false });
});
