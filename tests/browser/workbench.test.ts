/** Issue 15 on a phone: an applicant reads 我的 → 消息; the bureau exports a workbook from its desk and reads its outbox. */
import type { Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { addExperts } from '../support/experts';
import { ADMIN_TOKEN } from '../support/harness';
import { atButton, overflowsSideways, signIn, usePhoneRig } from './browser';

const rig = usePhoneRig();
let page: Page;
let zhang: { token: string; orgId: string };
let declarationId: string;
beforeAll(async () => {
  const { h } = rig;
  zhang = await h.applicant('杭州萧然律师事务所');
  const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  await h.ok('declarations', 'openCall', { year, title: `${year} 年度申报公告`, opensOn: `${year}-01-01`, closesOn: `${year}-12-31` }, ADMIN_TOKEN);
  ({ declarationId } = await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[0], 0) }, zhang.token));
  await h.ok('declarations', 'submit', { declarationId }, zhang.token);
  await h.ok('declarations', 'requestMaterials', { declarationId, note: '请补充近三年服务台账', dueOn: `${year}-12-31` }, ADMIN_TOKEN);
});
beforeEach(() => (page = rig.page));

test('the applicant finds the material request under 我的 → 我的消息, and opening it marks it read', async () => {
  await signIn(page, zhang.token);
  await page.goto(`${rig.h.url}/#/pages/me/index`);
  await atButton(page, '我的消息').click();
  await page.getByText('1 条未读').waitFor();
  await page.getByText('● 请补充申报材料').waitFor();
  await page.getByText(/请补充近三年服务台账/).waitFor();
  expect(await overflowsSideways(page)).toBe(false);
  await page.getByText('● 请补充申报材料').click();
  await page.waitForURL(/packages\/applicant\/pages\/form/);
  expect((await rig.h.ok('notify', 'inbox', {}, zhang.token)).unread).toBe(0);
});

test('我的 offers each role what it needs: an applicant its registration, an expert neither registration nor the staff sign-in', async () => {
  const meText = async () => {
    // A fresh load each time (a change of hash alone would not run the sign-in's init script again). Not through
    // about:blank: the init scripts run there too, where localStorage is refused.
    await page.goto(`${rig.h.url}/#/pages/me/index`);
    await page.reload();
    await page.locator('.me__card', { hasText: '当前身份' }).waitFor();
    await page.locator('.me__card', { hasText: '我的意见' }).waitFor();
    return page.locator('.taro_page .me').innerText();
  };
  await signIn(page, zhang.token);
  const applicant = await meText();
  expect(applicant).toContain('本单位登记信息');
  expect(applicant).not.toContain('工作人员登录');
  const [expert] = await addExperts(rig.h, ['浙江工商大学法学院']);
  await signIn(page, expert.token);
  const expertText = await meText();
  expect(expertText).toContain('评审专家');
  expect(expertText).not.toContain('单位申报');
  expect(expertText).not.toContain('登记申报单位');
  expect(expertText).not.toContain('工作人员登录');
  // A visitor still finds the staff sign-in (the sign-ins above are init scripts: this one, added last, runs last).
  await page.addInitScript(() => localStorage.removeItem('hzlp.token'));
  const visitor = await meText();
  expect(visitor).toContain('工作人员登录');
});

test('the bureau exports the declarations as a workbook the browser saves, reads the figures at a glance, and sees the message in its outbox', async () => {
  await signIn(page, ADMIN_TOKEN);
  await page.goto(`${rig.h.url}/#/pages/me/index`);
  await atButton(page, '数据导出').click();
  await page.getByText('导出什么').waitFor();
  await page.getByText('全部年度').click();
  expect(await overflowsSideways(page)).toBe(false);
  const [download] = await Promise.all([page.waitForEvent('download'), atButton(page, '导出').click()]);
  expect(download.suggestedFilename()).toMatch(/^申报-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = await download.path();
  const XLSX = await import('xlsx');
  const wb = XLSX.readFile(file!);
  const rows = XLSX.utils.sheet_to_json(wb.Sheets['申报'], { header: 1 }) as unknown[][];
  expect(rows[0][0]).toBe('申报编号');
  expect(rows.map((r) => r[0])).toContain(declarationId);
  await page.getByText(/共 \d+ 行；下载链接 10 分钟内有效/).waitFor();

  // The figures at a glance: this year's declarations by status, as the store holds them.
  await page.goto(`${rig.h.url}/#/pages/me/index`);
  await atButton(page, '数据概览').click();
  const submitted = (await rig.h.app.store.count('declarations', { status: 'submitted' })) as number;
  await page.locator('.admin__card', { hasText: `申报（共 ${submitted} 件）` }).waitFor();
  await page.locator('.dash__bar', { hasText: '已提交' }).locator('.dash__bar-value', { hasText: String(submitted) }).waitFor();
  expect(await overflowsSideways(page)).toBe(false);

  await page.goto(`${rig.h.url}/#/packages/admin/pages/outbox/index`);
  await page.locator('.admin__card', { hasText: '请补充申报材料' }).waitFor();
  await page.locator('.admin__card', { hasText: '发给杭州萧然律师事务所 · 待发送' }).first().waitFor();
  expect(await overflowsSideways(page)).toBe(false);
});
