/** Issue 11 on a phone: an assessor records a finding with a photo (the draft survives a reload); a citizen sees the grade on the product page. */
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN } from '../support/harness';
import { atButton, overflowsSideways, signIn, usePhoneRig } from './browser';

const rig = usePhoneRig();
let page: Page;
const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const JPG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 9), Buffer.from([0xff, 0xd9])]); // a whole JPEG: start and end markers (issue 10)

beforeEach(() => (page = rig.page));

test('an assessor walks the checklist, adds a photo, keeps the draft over a reload, and submits', async () => {
  const { h } = rig;
  await h.ok('assessments', 'open', { year, title: `${year} 年度产品测评`, startsOn: `${year}-01-01`, endsOn: `${year}-12-31` }, ADMIN_TOKEN);
  const invite = await h.ok('admin', 'createInvite', { role: 'assessor', orgName: '浙江公评社会评价中心' }, ADMIN_TOKEN);
  const token = await h.citizen();
  await h.ok('auth', 'redeemInvite', { code: invite.inviteCode }, token);
  await h.ok('assessments', 'assign', { year, assessorOrgId: invite.orgId, productIds: ['p0001demo'] }, ADMIN_TOKEN);
  await signIn(page, token);

  await page.goto(`${h.url}/#/packages/assessor/pages/products/index`);
  await page.locator('.assessor__card', { hasText: '尚无记录' }).click();
  await page.getByText('检查清单（逐项核对，符合的勾选）').waitFor();
  await page.locator('.assessor__chip', { hasText: '明查暗访' }).click();
  await page.locator('.assessor__item', { hasText: '按公布的时间、地点提供服务' }).click();
  await page.locator('.assessor__item', { hasText: '服务语言、仪态符合服务要求' }).click();
  await page.getByText('得分：70 分').waitFor();
  await page.locator('.assessor__textarea textarea').first().fill('工作日上午到窗口暗访，值班律师在岗，解答清楚。');
  const chooser = page.waitForEvent('filechooser');
  await atButton(page, '添加照片').click();
  await (await chooser).setFiles({ name: '窗口现场.jpg', mimeType: 'image/jpeg', buffer: JPG });
  await page.locator('.assessor__fileName', { hasText: '窗口现场.jpg' }).waitFor();
  expect(await overflowsSideways(page)).toBe(false);

  // A weak signal: the page is reloaded before submitting; what was typed is still there.
  await page.reload();
  await page.getByText('得分：70 分').waitFor();
  await expect(page.locator('.assessor__textarea textarea').first().inputValue()).resolves.toBe('工作日上午到窗口暗访，值班律师在岗，解答清楚。');
  await page.locator('.assessor__fileName', { hasText: '窗口现场.jpg' }).waitFor();

  await atButton(page, '提交测评记录').click();
  await page.getByText('明查暗访记录已提交（70 分）').waitFor();
  await page.locator('.assessor__finding', { hasText: '明查暗访' }).waitFor();
  const { findings } = await h.ok('assessments', 'findings', { year, productId: 'p0001demo' }, ADMIN_TOKEN);
  expect(findings.map((f: any) => [f.method, f.score, f.checked, f.evidence.map((e: any) => e.name)])).toEqual([['mystery', 70, ['open', 'conduct'], ['窗口现场.jpg']]]);
});

test('a citizen sees the product’s grade and its history on the product page, and the year’s results', async () => {
  const { h } = rig;
  const last = year - 1;
  await h.ok('assessments', 'open', { year: last, title: `${last} 年度产品测评`, startsOn: `${last}-01-01`, endsOn: `${last}-12-31` }, ADMIN_TOKEN);
  await h.ok('assessments', 'recordFinding', { year: last, productId: 'p0001demo', method: 'ledger', on: `${last}-06-01`, score: 95, notes: '台帐完整，记录及时' }, ADMIN_TOKEN);
  await h.ok('assessments', 'compute', { year: last }, ADMIN_TOKEN);
  await h.ok('assessments', 'confirm', { year: last, reason: '无申诉，结果确认' }, ADMIN_TOKEN);
  await h.ok('assessments', 'publish', { year: last, documentNumber: `杭司〔${last}〕200号`, reason: '经局务会审定后公布' }, ADMIN_TOKEN);

  await page.goto(`${h.url}/#/pages/product/index?id=p0001demo`);
  // (95·40 + 100·10 + 0·10) / 60 = 80 → 良好
  await expect(page.locator('.pgrade__badge').innerText()).resolves.toBe('良好');
  await page.getByText(`${last} 年度测评 80 分`).waitFor();
  await page.getByText(`依据 杭司〔${last}〕200号 公布。`).waitFor();
  expect(await overflowsSideways(page)).toBe(false);
  await atButton(page, `查看 ${last} 年度全部测评结果`).click();
  await page.locator('.results__item', { hasText: '良好' }).first().waitFor();
  await page.getByText(new RegExp(`${last} 年度共 \\d+ 项服务`)).waitFor();
  expect(await overflowsSideways(page)).toBe(false);
});
