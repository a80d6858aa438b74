/**
 * What the new-user walk found stopping people: a request that never answers, a 我的 sub-page opened by link on a new
 * device, a new draft that seemed lost on reload, and a pre-submit check that opened out of sight.
 */
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN } from '../support/harness';
import { REQUEST_TIMEOUT_MS } from '../../src/api/timeout';
import { atButton, signIn, usePhoneRig } from './browser';

let page: Page;
let zhang: { token: string; orgId: string };

const rig = usePhoneRig({
  beforeClose: async () => {
    await rig.h.ok('admin', 'setClock', { now: null }, ADMIN_TOKEN);
  },
});
beforeAll(async () => {
  await rig.h.ok('admin', 'setClock', { now: '2026-03-10T09:00:00+08:00' }, ADMIN_TOKEN);
  await rig.h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度公共法律服务产品申报公告', opensOn: '2026-03-01', closesOn: '2026-03-31' }, ADMIN_TOKEN);
  zhang = await rig.h.applicant('杭州之江律师事务所');
});
beforeEach(() => (page = rig.page));

test('a product link whose answer never comes: after the deadline the page says so and leads home, not "正在加载…" for ever', async () => {
  expect(REQUEST_TIMEOUT_MS).toBe(20_000);
  await page.clock.install();
  // The product's answer stalls (a dead phone network); everything else answers.
  await page.route('**/api/catalogue', (route) => (/"action":"get"/.test(route.request().postData() ?? '') ? undefined : route.fallback()));
  await page.goto(rig.h.url + '/#/pages/product/index?id=p001');
  await page.locator('.state--loading').waitFor();
  await page.clock.fastForward(REQUEST_TIMEOUT_MS - 1000);
  await expect(page.locator('.state--error').count()).resolves.toBe(0);
  await page.clock.fastForward(2000);
  const failure = page.locator('.state--error');
  await failure.waitFor();
  await expect(failure.locator('.state__hint').innerText()).resolves.toMatch(/等了 20 秒还没有回复/);
  await atButton(page, '返回首页').click();
  await page.unroute('**/api/catalogue');
  await page.locator('.list .card').first().waitFor();
  expect(page.url()).toMatch(/#\/pages\/catalogue\/index/);
});

test('a tab keeps its own bar: the home page failing offers 重试, no extra 返回首页', async () => {
  await page.route('**/api/catalogue', (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'down' }));
  await page.goto(rig.h.url + '/');
  await page.locator('.state--error').first().waitFor();
  await expect(atButton(page, '重试').count()).resolves.toBeGreaterThan(0);
  await expect(atButton(page, '返回首页').count()).resolves.toBe(0);
});

// One test per page, each on a fresh device (a page of its own): a hash change from 我的 while its own requests were in
// flight made the second page wait under load.
test.each([
  ['packages/account/pages/cases/index', '没有需要处理的评价'],
  ['packages/account/pages/messages/index', '还没有消息'],
])('我的 → %s opened by link on a new device: a session, not "请先登录", and a way back to 我的', async (route, title) => {
  await page.goto(`${rig.h.url}/#/${route}`);
  await page.locator('.state--empty .state__title', { hasText: title }).waitFor();
  await expect(page.getByText('请先登录').count()).resolves.toBe(0);
  expect(await page.evaluate(() => localStorage.getItem('hzlp.token'))).toMatch(/"data":"[^"]+"/);
  await atButton(page, '返回我的').click();
  await page.waitForURL(/#\/pages\/me\/index/);
});

test('a new draft takes its id into the address at its first save: a reload opens it, not an empty form; the check opens in sight', async () => {
  await signIn(page, zhang.token);
  await page.goto(rig.h.url + '/#/packages/applicant/pages/form/index');
  await page.locator('.steps__item', { hasText: '产品基本情况' }).click();
  await page.locator('#f-name input').fill('重新加载也不丢的草稿');
  await page.getByText(/已自动保存/).waitFor();
  const mine = (await rig.h.ok<{ items: { declarationId: string; name: string }[] }>('declarations', 'listMine', {}, zhang.token)).items.filter((d) => d.name === '重新加载也不丢的草稿');
  expect(mine).toHaveLength(1);
  expect(page.url()).toContain(`id=${mine[0].declarationId}`);
  await page.reload();
  await page.locator('.decl__name', { hasText: '重新加载也不丢的草稿' }).waitFor();
  await page.locator('.steps__item', { hasText: '产品基本情况' }).click();
  await expect(page.locator('#f-name input').inputValue()).resolves.toBe('重新加载也不丢的草稿');
  // Typing after the reload saves the same draft: still one.
  await page.locator('#f-name input').fill('重新加载也不丢的草稿（改）');
  await page.getByText(/已自动保存/).waitFor();
  const after = (await rig.h.ok<{ items: { declarationId: string; name: string }[] }>('declarations', 'listMine', {}, zhang.token)).items.filter((d) => d.name.startsWith('重新加载也不丢的草稿'));
  expect(after.map((d) => [d.declarationId, d.name])).toEqual([[mine[0].declarationId, '重新加载也不丢的草稿（改）']]);

  // The check is offered on the last section, at the bottom of a long form.
  await page.locator('.steps__item', { hasText: '服务结果的满意度' }).click();
  await atButton(page, '提交前检查').click();
  const check = page.locator('#precheck');
  await check.waitFor();
  await page.waitForFunction(() => {
    const r = document.querySelector('#precheck')!.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
});
