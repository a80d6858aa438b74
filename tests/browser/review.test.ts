/** As 陈教授 on a phone: open an assignment, score against the rubric with the range held, see the total, submit. */
import type { Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { RUBRIC, allowedRange } from '../../types/rubric';
import { REVIEW_RULES } from '../../types/review';
import { ADMIN_TOKEN } from '../support/harness';
import { overflowsSideways, signIn, usePhoneRig, dialogButton } from './browser';

let page: Page;
let declarationId: string;
let chen: { expertId: string; token: string };
let wu: { expertId: string; token: string };
let zhangOrg: string;

const rig = usePhoneRig({ signIn: () => chen.token }); // signed in as 陈教授
beforeAll(async () => {
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
  wu = { expertId: panel.members[1].expertId, token: tokens[panel.members[1].expertId] };
  zhangOrg = zhang.orgId;
  // Most items were scored on the metro yesterday; two are left.
  const items = Object.fromEntries(RUBRIC.filter((i) => !['provider.training', 'completeness'].includes(i.key)).map((i) => [i.key, allowedRange(i, 'free').max]));
  await h.ok('reviews', 'saveScoresheet', { declarationId, items }, chen.token);
});
beforeEach(() => (page = rig.page));

const item = (key: string) => page.locator(`#i-${key.replace(/\./g, '-')}`);

test('score the remaining items within their range, see the total, submit and find it locked', async () => {
  await page.goto(rig.h.url + '/#/packages/expert/pages/assignments/index');
  await page.getByText('已完成 0/1').waitFor();
  await page.locator('.expert__card', { hasText: DEMO_PRODUCTS[0].name }).click();
  await item('purchaseMethod').locator('.item__spec', { hasText: '申报的购买方式：免费服务' }).waitFor();
  // The specification text sits beside the item that scores it.
  await expect(item('content.audience').locator('.item__spec').innerText()).resolves.toBe(DEMO_PRODUCTS[0].audience);
  await expect(page.locator('.score__count').innerText()).resolves.toBe('已打 17/19 项');
  // The page states the values attachment 2 allows (nothing between bands) and the attribute rule (issue 21 item 9).
  await expect(item('provider.serviceRequirements').locator('.item__band').innerText()).resolves.toBe('本项可打 0–3、4–5 分（整数或 0.5 分）');
  await expect(item('provider.training').locator('.item__band').innerText()).resolves.toBe('本项可打 0、1、2 分');
  await expect(page.locator('#rule-attributes').innerText()).resolves.toBe(REVIEW_RULES.attributes);

  // Nothing is chosen for the expert, and no tap jumps to the maximum: a band first (its words), then a value in it.
  const completeness = item('completeness');
  await expect(completeness.locator('.bands__chosen').innerText()).resolves.toBe('尚未打分');
  await expect(completeness.locator('.bands__band--on').count()).resolves.toBe(0);
  // The tap scrolls to the next item not scored. On a loaded machine a tap during the page's own settling can be lost
  // (as in declaration.test.ts): tapped again, at most twice, if the page has not moved within 10 s.
  for (let tries = 0; ; tries++) {
    await page.locator('.at-button', { hasText: '下一项未打分' }).click();
    const reached = await page
      .waitForFunction(
        () => {
          const r = document.querySelector('#i-provider-training')!.getBoundingClientRect();
          return r.top >= -1 && r.top < window.innerHeight / 2;
        },
        undefined,
        { timeout: 10_000 },
      )
      .then(() => true, () => false);
    if (reached) break;
    if (tries === 2) throw new Error('下一项未打分 did not bring the next unscored item into view after three taps');
  }
  await completeness.locator('.bands__band', { hasText: '材料基本完整' }).click();
  await expect(completeness.locator('.bands__chosen').innerText()).resolves.toBe('尚未打分');
  await expect(page.locator('.score__count').innerText()).resolves.toBe('已打 17/19 项');
  await expect(completeness.locator('.bands__value').allInnerTexts()).resolves.toEqual(['3', '3.5', '4']);
  await completeness.locator('.bands__value', { hasText: '3.5' }).click();
  await expect(completeness.locator('.bands__chosen').innerText()).resolves.toBe('本项得分：3.5 分');
  const training = item('provider.training');
  await training.locator('.bands__band', { hasText: '有培训要求，培训安排一般' }).click();
  await expect(training.locator('.bands__chosen').innerText()).resolves.toBe('本项得分：1 分');
  await expect(page.locator('.at-button', { hasText: '下一项未打分' }).count()).resolves.toBe(0);
  // The save state stays in the bar at the bottom of the screen.
  await page.locator('.score__saved', { hasText: /草稿已保存/ }).waitFor();

  for (const label of ['公共属性', '法律属性', '服务属性']) await page.locator('.attr', { hasText: label }).locator('.attr__choice', { hasText: '符合' }).first().click();
  await expect(page.locator('.score__number').innerText()).resolves.toBe('97.5');
  expect(await overflowsSideways(page)).toBe(false);

  await page.locator('.at-button', { hasText: '提交评分' }).click();
  await page.getByText('总分 97.5 分。提交后不能修改，确认提交吗？').waitFor();
  await dialogButton(page, '提交').click();
  // A clear end: what happens next, and the way on.
  await page.locator('.score__done-title', { hasText: '评分已提交' }).waitFor();
  await page.getByText(/接下来：评审组其他专家提交后/).waitFor();
  await page.locator('.at-button', { hasText: '查看已提交的评分' }).click();
  await page.locator('.expert__meta', { hasText: '评分已提交' }).waitFor();
  await expect(page.locator('.at-button', { hasText: '提交评分' }).count()).resolves.toBe(0);
  // Beside the verdict buttons, the confirmation rule: more than half of the panel, half is not enough.
  await expect(page.locator('#rule-confirmation').innerText()).resolves.toBe(REVIEW_RULES.confirmation);

  const a = await rig.h.ok('reviews', 'assignment', { declarationId }, chen.token);
  expect(a.sheet).toMatchObject({ status: 'submitted', total: 97.5 });
  expect(a.sheet.items).toMatchObject({ 'provider.training': 1, completeness: 3.5 });
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
  // A recusal is deliberate: a sheet, a reason of the bureau's own; a refusal keeps the sheet open with the reason said.
  await admin.getByText('回避并由候补替换').first().click();
  const confirm = admin.locator('.sheet .at-button', { hasText: '确认回避' });
  await expect(confirm.getAttribute('class')).resolves.toContain('disabled');
  await admin.locator('.sheet__input textarea').fill('该专家近三年在申报单位兼职');
  await confirm.click();
  await admin.locator('.sheet__error', { hasText: '没有候补专家了，请重新抽取' }).waitFor();
  await admin.locator('.sheet .at-button', { hasText: '取消' }).click();
  await admin.context().close();
  expect((await rig.h.ok('reviews', 'panel', { declarationId: d2 }, ADMIN_TOKEN)).seed).toBe('2026-第一批');
});

test('an expert with a conflict steps aside from the score page, with a reason of their own', async () => {
  const mine = await rig.newPhonePage();
  await signIn(mine, wu.token);
  await mine.goto(`${rig.h.url}/#/packages/expert/pages/score/index?id=${declarationId}`);
  await mine.getByText('与申报单位有利害关系？申请回避').click();
  const confirm = mine.locator('.at-button', { hasText: '确认回避' });
  await expect(confirm.getAttribute('class')).resolves.toContain('disabled');
  await mine.locator('.sheet__input textarea').fill('本人曾在该律师事务所兼职');
  await confirm.click();
  await mine.locator('.score__done-title', { hasText: '已回避' }).waitFor();
  await mine.context().close();
  const panel = await rig.h.ok('reviews', 'panel', { declarationId }, ADMIN_TOKEN);
  expect(panel.members.map((m: { expertId: string }) => m.expertId)).not.toContain(wu.expertId);
  expect(JSON.stringify(panel)).toContain('本人曾在该律师事务所兼职');
  // The tie is recorded too, so later draws leave this expert out for the applicant (issue 10).
  expect(panel.recusals).toEqual([expect.objectContaining({ expertId: wu.expertId, reason: '本人曾在该律师事务所兼职' })]);
  const experts = (await rig.h.ok('reviews', 'listExperts', {}, ADMIN_TOKEN)).experts;
  expect(experts.find((e: { expertId: string }) => e.expertId === wu.expertId).declaredConflicts).toEqual([expect.objectContaining({ orgId: zhangOrg, reason: '本人曾在该律师事务所兼职' })]);
});
