/** Issue 11 on a phone: an assessor records a finding with a photo (the draft survives a reload); a citizen sees the grade on the product page. */
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN } from '../support/harness';
import { atButton, overflowsSideways, signIn, usePhoneRig, dialogButton } from './browser';

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
  /** A year's assessment with one finding for p0001demo, to its publication. */
  const assessYear = async (y: number, findings: { method: string; score: number }[]) => {
    // From March: the demo's first product was listed that January.
    await h.ok('assessments', 'open', { year: y, title: `${y} 年度产品测评`, startsOn: `${y}-03-01`, endsOn: `${y}-12-31` }, ADMIN_TOKEN);
    for (const f of findings) await h.ok('assessments', 'recordFinding', { year: y, productId: 'p0001demo', method: f.method, on: `${y}-06-01`, score: f.score, notes: '台帐完整，记录及时' }, ADMIN_TOKEN);
    await h.ok('assessments', 'compute', { year: y }, ADMIN_TOKEN);
    // The other demo products have no evidence at all (issue 21): 证据不足, each decided by the bureau before confirming.
    const { results } = await h.ok('assessments', 'drafts', { year: y }, ADMIN_TOKEN);
    for (const r of results.filter((x: any) => x.insufficient)) await h.ok('assessments', 'decideInsufficient', { year: y, productId: r.productId, decision: 'no-grade', reason: '本年度没有测评记录，不定等次' }, ADMIN_TOKEN);
    await h.ok('assessments', 'confirm', { year: y, reason: '无申诉，结果确认' }, ADMIN_TOKEN);
    await h.ok('assessments', 'publish', { year: y, documentNumber: `杭司〔${y}〕200号`, reason: '经局务会审定后公布' }, ADMIN_TOKEN);
  };
  await assessYear(last - 1, [{ method: 'ledger', score: 90 }, { method: 'mystery', score: 85 }]);
  await assessYear(last, [{ method: 'ledger', score: 95 }]);

  await page.goto(`${h.url}/#/pages/product/index?id=p0001demo`);
  // One ledger check of 95 and nothing else in the city: 95 reaches 优秀, one check earns 合格 — and it says what it rests on.
  await expect(page.locator('.pgrade__badge').innerText()).resolves.toBe('合格');
  await page.getByText(`${last} 年度测评 95 分`).waitFor();
  await expect(page.locator('.pgrade__evidence:not(.pgrade__rowevidence)').innerText()).resolves.toBe('基于 1 次检查；本年度没有群众评价，没有自评报告');
  // Every year in the history says what its grade rests on, the year before too.
  await expect(page.locator('.pgrade__row .pgrade__year').allInnerTexts()).resolves.toEqual([`${last} 年`, `${last - 1} 年`]);
  await expect(page.locator('.pgrade__rowevidence').allInnerTexts()).resolves.toEqual(['基于 1 次检查；本年度没有群众评价，没有自评报告', '基于 2 次检查；本年度没有群众评价，没有自评报告']);
  await page.getByText(`依据 杭司〔${last}〕200号 公布。`).waitFor();
  expect(await overflowsSideways(page)).toBe(false);
  await atButton(page, `查看 ${last} 年度全部测评结果`).click();
  const graded = page.locator('.results__item', { hasText: '合格' }).first();
  await graded.waitFor();
  await expect(graded.innerText()).resolves.toContain('基于 1 次检查');
  // A product without a grade says so, and why, not 不合格.
  const none = page.locator('.results__item', { hasText: '证据不足' }).first();
  await expect(none.innerText()).resolves.toContain('本年度没有群众评价，没有检查记录，没有自评报告');
  expect(await page.locator('.results__grade--fail').count()).toBe(0);
  await page.getByText(new RegExp(`${last} 年度共 \\d+ 项服务`)).waitFor();
  expect(await overflowsSideways(page)).toBe(false);
});

test('the bureau sees 证据不足 with what is missing, records a decision with a reason, and confirm waits for it', async () => {
  const { h } = rig;
  await page.setViewportSize({ width: 1280, height: 800 });
  // This year's campaign (the assessor's test may have opened it already).
  await h.call('assessments', 'open', { year, title: `${year} 年度产品测评`, startsOn: `${year}-01-01`, endsOn: `${year}-12-31` }, ADMIN_TOKEN);
  for (const m of ['ledger', 'mystery']) await h.ok('assessments', 'recordFinding', { year, productId: 'p0001demo', method: m, on: `${year}-01-01`, score: 90, notes: '检查情况记录' }, ADMIN_TOKEN);
  await h.ok('assessments', 'compute', { year }, ADMIN_TOKEN);
  const { results } = await h.ok('assessments', 'drafts', { year }, ADMIN_TOKEN);
  const insufficient = results.filter((x: any) => x.insufficient);
  // All but one decided through the API; the last one on the page.
  for (const r of insufficient.slice(1)) await h.ok('assessments', 'decideInsufficient', { year, productId: r.productId, decision: 'no-grade', reason: '本年度没有测评记录，不定等次' }, ADMIN_TOKEN);
  const last = insufficient[0];
  await signIn(page, ADMIN_TOKEN);
  await page.goto(`${h.url}/#/packages/admin/pages/assessment/index`);
  await page.getByText(`证据不足（${insufficient.length} 个，1 个待决定）`).waitFor();
  await page.locator('.at-button', { hasText: '还有 1 个证据不足的产品待决定' }).waitFor();
  const card = page.locator('.aa__insufficient', { hasText: last.productName }).filter({ hasText: '尚未决定' });
  await expect(card.innerText()).resolves.toContain('缺：合格需要至少 1 种测评方式的记录（现有 0 种）');
  await card.locator('.admin__chip', { hasText: '本年度不定等次' }).click();
  await card.locator('textarea').fill('全年没有开展服务，不定等次');
  await card.locator('.at-button', { hasText: '记录决定' }).click();
  await dialogButton(page, '确定').click();
  await page.getByText(`已记录“${last.productName}”的决定：本年度不定等次`).waitFor();
  await page.getByText(`证据不足（${insufficient.length} 个，0 个待决定）`).waitFor();
  await page.locator('.at-button', { hasText: '确认测评结果' }).waitFor();
  expect(await overflowsSideways(page)).toBe(false);
  const after = (await h.ok('assessments', 'drafts', { year }, ADMIN_TOKEN)).results.find((x: any) => x.productId === last.productId);
  expect(after.decision).toMatchObject({ decision: 'no-grade', reason: '全年没有开展服务，不定等次' });
});
