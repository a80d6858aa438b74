/** As 陈教授 on a phone: open an assignment, score against the rubric with the range held, see the total, submit. */
import type { Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { RUBRIC, allowedRange } from '../../types/rubric';
import { ADMIN_TOKEN } from '../support/harness';
import { overflowsSideways, signIn, startBrowserRig, type BrowserRig } from './browser';

let rig: BrowserRig;
let page: Page;
let declarationId: string;
let chen: { expertId: string; token: string };
let wang: { expertId: string; token: string };
let zhangOrg: string;

beforeAll(async () => {
  rig = await startBrowserRig();
  const h = rig.h;
  await h.ok('admin', 'setClock', { now: '2026-03-10T09:00:00+08:00' }, ADMIN_TOKEN);
  await h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度申报公告', opensOn: '2026-03-01', closesOn: '2026-03-31' }, ADMIN_TOKEN);
  const zhang = await h.applicant('杭州湖滨律师事务所');
  ({ declarationId } = await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[0], 0) }, zhang.token));
  await h.ok('declarations', 'submit', { declarationId }, zhang.token);
  const tokens: Record<string, string> = {};
  for (const [i, org] of ['浙江大学光华法学院', '浙江工商大学法学院', '杭州师范大学法学院', '浙江财经大学法学院', '杭州市律师协会', '杭州市财政局'].entries()) {
    const { expertId, inviteCode } = await h.ok('reviews', 'addExpert', { name: `专家${i + 1}`, organisation: org, kind: 'academic', phone: '13900000000' }, ADMIN_TOKEN);
    const token = await h.citizen();
    await h.ok('auth', 'redeemInvite', { code: inviteCode }, token);
    tokens[expertId] = token;
  }
  const panel = await h.ok('reviews', 'drawPanel', { declarationId, size: 5, seed: 'browser' }, ADMIN_TOKEN);
  chen = { expertId: panel.members[0].expertId, token: tokens[panel.members[0].expertId] };
  wang = { expertId: panel.members[1].expertId, token: tokens[panel.members[1].expertId] };
  zhangOrg = zhang.orgId;
  // Most items were scored on the metro yesterday; two are left.
  const items = Object.fromEntries(RUBRIC.filter((i) => !['provider.training', 'completeness'].includes(i.key)).map((i) => [i.key, allowedRange(i, 'free').max]));
  await h.ok('reviews', 'saveScoresheet', { declarationId, items }, chen.token);
});
afterAll(() => rig.close());
beforeEach(async () => {
  page = await rig.newPhonePage();
  await signIn(page, chen.token);
});
afterEach(async () => {
  await page.context().close();
  expect(await rig.h.invariants()).toEqual([]);
});

const item = (key: string) => page.locator(`#i-${key.replace(/\./g, '-')}`);

test('score the remaining items within their range, see the total, submit and find it locked', async () => {
  await page.goto(rig.h.url + '/#/packages/expert/pages/assignments/index');
  await page.getByText('已完成 0/1').waitFor();
  await page.locator('.expert__card', { hasText: DEMO_PRODUCTS[0].name }).click();
  await item('purchaseMethod').locator('.item__spec', { hasText: '申报的购买方式：免费服务' }).waitFor();
  // The specification text sits beside the item that scores it.
  await expect(item('content.audience').locator('.item__spec').innerText()).resolves.toBe(DEMO_PRODUCTS[0].audience);
  await expect(page.locator('.score__count').innerText()).resolves.toBe('已打 17/19 项');

  const training = item('provider.training');
  await training.locator('.stepper__value').click(); // the first tap gives the maximum
  await expect(training.locator('.stepper__value').innerText()).resolves.toBe('2');
  await training.locator('.stepper__button').nth(1).click(); // + at the maximum stays there
  await expect(training.locator('.stepper__value').innerText()).resolves.toBe('2');
  await training.locator('.stepper__button').nth(0).click();
  await expect(training.locator('.stepper__value').innerText()).resolves.toBe('1.5');
  await item('completeness').locator('.stepper__value').click();

  for (const label of ['公共属性', '法律属性', '服务属性']) await page.locator('.attr', { hasText: label }).locator('.attr__choice', { hasText: '符合' }).first().click();
  await expect(page.locator('.score__number').innerText()).resolves.toBe('99.5');
  expect(await overflowsSideways(page)).toBe(false);

  await page.locator('.at-button', { hasText: '提交评分' }).click();
  await page.getByText('总分 99.5 分。提交后不能修改，确认提交吗？').waitFor();
  await page.getByText('提交', { exact: true }).last().click();
  await page.getByText('评分已提交').waitFor();
  await expect(page.locator('.at-button', { hasText: '提交评分' }).count()).resolves.toBe(0);

  const a = await rig.h.ok('reviews', 'assignment', { declarationId }, chen.token);
  expect(a.sheet).toMatchObject({ status: 'submitted', total: 99.5 });
  expect(a.sheet.items['provider.training']).toBe(1.5);
});

test('the bureau draws a panel with a recorded seed and follows its progress', async () => {
  const zhang = await rig.h.applicant('杭州湖滨律师事务所');
  const { declarationId: d2 } = await rig.h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[3], 3) }, zhang.token);
  await rig.h.ok('declarations', 'submit', { declarationId: d2 }, zhang.token);
  const admin = await rig.newPhonePage();
  await signIn(admin, ADMIN_TOKEN);
  await admin.goto(rig.h.url + `/#/packages/admin/pages/declaration/index?id=${d2}`);
  await admin.getByText('抽取评审组').waitFor();
  await admin.locator('.admin__chip', { hasText: '6 人' }).click();
  await admin.locator('input[placeholder^="随机种子"]').fill('2026-第一批');
  await admin.locator('.at-button', { hasText: '随机抽取' }).click();
  await admin.getByText(/随机种子 2026-第一批，从 \d+ 位可参评专家中抽取/).waitFor();
  await expect(admin.getByText(/· 未开始$/).count()).resolves.toBe(6);
  await expect(admin.getByText('评分全部提交后才能看到分数。').isVisible()).resolves.toBe(true);
  await admin.context().close();
  expect((await rig.h.ok('reviews', 'panel', { declarationId: d2 }, ADMIN_TOKEN)).seed).toBe('2026-第一批');
});

test('issue 10: a member with a tie to the applicant recuses on the scoring page; a reserve takes the seat and the tie is recorded', async () => {
  const other = await rig.newPhonePage();
  await signIn(other, wang.token);
  await other.goto(rig.h.url + `/#/packages/expert/pages/score/index?id=${declarationId}`);
  await other.locator('.item__label', { hasText: '申请回避' }).waitFor();
  await other.locator('.at-button', { hasText: '申请回避' }).click();
  await other.getByText('请写明与申报单位的利害关系').waitFor();
  await other.locator('textarea[placeholder^="写明利害关系"]').fill('近三年担任该所法律顾问');
  await other.locator('.at-button', { hasText: '申请回避' }).click();
  await other.getByText('回避后由候补专家接替，您不再评审这份申报，今后也不会被抽到这家单位的申报。确认吗？').waitFor();
  await other.getByText('确认回避', { exact: true }).last().click();
  await other.waitForURL(/assignments/);
  await other.locator('.expert__progress, .state--empty').first().waitFor();
  await expect(other.locator('.expert__card', { hasText: DEMO_PRODUCTS[0].name }).count()).resolves.toBe(0);
  expect(await overflowsSideways(other)).toBe(false);
  await other.context().close();
  const panel = await rig.h.ok('reviews', 'panel', { declarationId }, ADMIN_TOKEN);
  expect(panel.members.map((m: { expertId: string }) => m.expertId)).not.toContain(wang.expertId);
  expect(panel.recusals).toEqual([expect.objectContaining({ expertId: wang.expertId, reason: '近三年担任该所法律顾问' })]);
  const experts = (await rig.h.ok('reviews', 'listExperts', {}, ADMIN_TOKEN)).experts;
  expect(experts.find((e: { expertId: string }) => e.expertId === wang.expertId).declaredConflicts).toEqual([expect.objectContaining({ orgId: zhangOrg, reason: '近三年担任该所法律顾问' })]);
});
