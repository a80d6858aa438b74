/** As 小李 on a phone: find a product in publicity, read it, comment, and see the comment under a pseudonym. */
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN } from '../support/harness';
import { startPipeline } from '../support/pipeline';
import { overflowsSideways, startBrowserRig, type BrowserRig } from './browser';

let rig: BrowserRig;
let page: Page;
let declarationId: string;

beforeAll(async () => {
  rig = await startBrowserRig();
  await rig.h.ok('admin', 'setClock', { now: '2026-09-25T09:00:00+08:00' }, ADMIN_TOKEN);
  const pipe = await startPipeline(rig.h);
  declarationId = await pipe.proposed(1);
  await rig.h.ok('publicity', 'start', { declarationIds: [declarationId], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  await rig.h.ok('admin', 'setClock', { now: '2026-10-12T10:00:00+08:00' }, ADMIN_TOKEN);
});
afterAll(() => rig.close());
beforeEach(async () => {
  page = await rig.newPhonePage();
});
afterEach(async () => {
  await page.context().close();
  expect(await rig.h.invariants()).toEqual([]);
});

test('comment on a product in publicity', async () => {
  await page.goto(rig.h.url + '/');
  await page.locator('.catalogue__link', { hasText: '产品公示' }).click();
  // 12, 13, 14, 15 October are left.
  await page.getByText('公示中，还剩 4 个工作日（至 2026-10-15）').waitFor();
  await page.locator('.notice-card', { hasText: '劳动争议法律援助快速通道' }).click();
  await page.locator('.notice__title', { hasText: '提出意见' }).waitFor();

  await page.locator('.notice__anchor', { hasText: '服务内容的实用性' }).click();
  const input = page.locator('.notice__input textarea');
  await input.fill('周末');
  await expect(page.locator('.notice__count').innerText()).resolves.toBe('2/1000');
  await expect(page.locator('.at-button', { hasText: '提交意见' }).getAttribute('class')).resolves.toContain('disabled');
  await input.fill('希望周六也能受理，外卖骑手平时没空');
  await page.locator('.at-button', { hasText: '提交意见' }).click();
  await page.getByText('意见已公开，您的署名是 市民A1').waitFor();
  await page.locator('.comment__text', { hasText: '希望周六也能受理' }).first().waitFor();
  await expect(page.locator('.comment__head', { hasText: '关于“服务内容的实用性”' }).count()).resolves.toBe(1);
  await expect(page.getByText('市民A1 · 已公开').isVisible()).resolves.toBe(true);
  expect(await overflowsSideways(page)).toBe(false);

  const { comments } = await rig.h.ok('publicity', 'comments', { declarationId });
  expect(comments.map((c: { text: string }) => c.text)).toEqual(['希望周六也能受理，外卖骑手平时没空']);
});
