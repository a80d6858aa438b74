/**
 * Issue 22's small staff defects on the pages, at a phone's width: the expert sees the panel's result before being asked
 * to agree (and nothing before every sheet is in); the bureau's 评审组确认结果 only when it can succeed, else the reason
 * and the count; a new draft's cover from the registration; a material reply with a file; an upcoming notice's end day.
 */
import type { Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { RUBRIC, allowedRange } from '../../types/rubric';
import { PDF } from '../support/fileFixtures';
import { ADMIN_TOKEN } from '../support/harness';
import { deskScene, fullMarks as items, MEETS as meets, submitted, type Expert } from '../support/reviewSteps';
import { atButton, overflowsSideways, signIn, usePhoneRig } from './browser';

let page: Page;
let zhang: { token: string; orgId: string };
let experts: Expert[];
let declarationId: string;

const rig = usePhoneRig();
beforeAll(async () => {
  ({ applicant: zhang, experts } = await deskScene(rig.h, '杭州湖滨律师事务所', '2026-03-10'));
  declarationId = await submitted(rig.h, zhang.token, 0);
  await rig.h.ok('reviews', 'drawPanel', { declarationId, size: 5 }, ADMIN_TOKEN);
}, 60_000);
beforeEach(() => (page = rig.page));

test('the expert is shown the result before 同意评审结果, and nothing of it before every sheet is in', async () => {
  await h().ok('reviews', 'submitScoresheet', { declarationId, items: items(0), attributes: meets }, experts[0].token);
  await signIn(page, experts[0].token);
  await page.goto(`${h().url}/#/packages/expert/pages/score/index?id=${declarationId}`);
  const verdict = page.locator('#i-verdict');
  await verdict.getByText('评分尚未全部提交（1/5）', { exact: false }).waitFor();
  await expect(verdict.locator('.at-button', { hasText: '同意评审结果' }).count()).resolves.toBe(0);
  // The rules are stated (they mention 平均分), but no number of the panel's: no average, no sheet totals.
  await expect(verdict.innerText()).resolves.not.toMatch(/平均分\s*\d|各评分表总分/);

  for (const e of experts.slice(1)) await h().ok('reviews', 'submitScoresheet', { declarationId, items: items(0), attributes: meets }, e.token);
  await page.reload();
  const max = RUBRIC.reduce((s, r) => s + allowedRange(r, DEMO_PRODUCTS[0].purchaseMethod).max, 0);
  await verdict.getByText(`平均分 ${max.toFixed(2)}`, { exact: false }).waitFor();
  await verdict.getByText(`各评分表总分（不具名）：${Array(5).fill(max).join('、')}`).waitFor();
  await verdict.getByText('公共属性：符合 5，存疑 0，不符合 0', { exact: false }).waitFor();
  // The result comes first, then the question.
  const [shown, asked] = [await verdict.getByText(`平均分 ${max.toFixed(2)}`, { exact: false }).boundingBox(), await verdict.locator('.at-button', { hasText: '同意评审结果' }).boundingBox()];
  expect(shown!.y).toBeLessThan(asked!.y);
  await verdict.locator('.at-button', { hasText: '同意评审结果' }).click();
  await verdict.getByText('已记录您的意见（评审组 5 人中 1 人同意，0 人不同意）').waitFor();
  await verdict.getByText('您已表示同意', { exact: false }).waitFor();
  const panel = await h().app.store.get<any>('panels', declarationId);
  expect(panel.confirmations.map((c: any) => [c.expertId, c.agree])).toEqual([[experts[0].expertId, true]]);
  expect(await overflowsSideways(page)).toBe(false);
});

test('the bureau is offered 评审组确认结果 only once a majority agreed; before, the reason and the count', async () => {
  await h().ok('reviews', 'panelConfirm', { declarationId, agree: false, note: '分数整体偏高' }, experts[1].token);
  await signIn(page, ADMIN_TOKEN);
  await page.goto(`${h().url}/#/packages/admin/pages/declaration/index?id=${declarationId}`);
  await page.getByText('评审组过半数同意后才能确认（目前 1/5 位同意），请等待评审组成员确认（已同意 1 位，需 3 位）').waitFor();
  await expect(page.locator('.at-button', { hasText: '评审组确认结果' }).count()).resolves.toBe(0);

  for (const e of experts.slice(2, 4)) await h().ok('reviews', 'panelConfirm', { declarationId, agree: true }, e.token);
  await page.reload();
  await atButton(page, '评审组确认结果（3/5 位同意）').click();
  await page.locator('.sheet__input textarea').fill('评审组已讨论，维持结果');
  await page.locator('.sheet .at-button', { hasText: '确认结果' }).click();
  for (let i = 0; i < 50 && (await h().ok('declarations', 'get', { declarationId }, ADMIN_TOKEN)).status === 'in-review'; i++) await page.waitForTimeout(200);
  expect((await h().ok('declarations', 'get', { declarationId }, ADMIN_TOKEN)).status).toBe('proposed');
  expect(await overflowsSideways(page)).toBe(false);
});

test('a new draft’s cover starts from the registration, and stays editable', async () => {
  const registrant = await h().citizen();
  await h().ok('orgs', 'register', { name: '杭州滨江公证处', creditCode: '91330000142916567N', kind: 'notary', district: '滨江区', contactName: '周敏', contactPhone: '0571-85256615' }, registrant);
  await signIn(page, registrant);
  await page.goto(`${h().url}/#/packages/applicant/pages/form/index`);
  await page.locator('.steps__item', { hasText: '封面' }).click();
  const input = (key: string) => page.locator(`#f-${key.replace(/\./g, '-')} input`);
  await expect(input('cover.applicantName').inputValue()).resolves.toBe('杭州滨江公证处');
  await expect(input('cover.contactName').inputValue()).resolves.toBe('周敏');
  await expect(input('cover.contactPhone').inputValue()).resolves.toBe('0571-85256615');
  // Nothing is saved by opening the form.
  expect((await h().ok('declarations', 'listMine', {}, registrant)).items).toEqual([]);
  await input('cover.contactName').fill('周敏（申报联系人）');
  await page.getByText(/已自动保存/).waitFor();
  const [mine] = (await h().ok('declarations', 'listMine', {}, registrant)).items;
  const saved = await h().ok('declarations', 'get', { declarationId: mine.declarationId }, registrant);
  expect(saved.spec.cover).toMatchObject({ applicantName: '杭州滨江公证处', contactName: '周敏（申报联系人）', contactPhone: '0571-85256615' });
});

test('a material reply carries a file the applicant picks', async () => {
  const id = await submitted(h(), zhang.token, 5);
  await h().ok('declarations', 'requestMaterials', { declarationId: id, note: '请补充服务协议范本', dueOn: '2026-03-20' }, ADMIN_TOKEN);
  await signIn(page, zhang.token);
  await page.goto(`${h().url}/#/packages/applicant/pages/form/index?id=${id}`);
  const open = page.locator('.materials--open');
  await open.locator('.materials__note', { hasText: '请补充服务协议范本' }).waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), open.locator('.at-button', { hasText: '添加文件' }).click()]);
  await chooser.setFiles({ name: '服务协议范本.pdf', mimeType: 'application/pdf', buffer: PDF });
  await open.getByText('1. 服务协议范本.pdf').waitFor();
  await open.locator('textarea').fill('附服务协议范本一份');
  await open.locator('.at-button', { hasText: '提交补充材料' }).click();
  await page.locator('.materials--answered .materials__response', { hasText: '附件：服务协议范本.pdf' }).waitFor();
  const d = await h().ok('declarations', 'get', { declarationId: id }, zhang.token);
  expect(d.materialRequests[0].response).toMatchObject({ text: '附服务协议范本一份', attachments: [{ name: '服务协议范本.pdf' }] });
  expect(await overflowsSideways(page)).toBe(false);
});

test('a notice not yet started shows its end day', async () => {
  // The declaration the panel confirmed above: proposed; its publicity starts on Monday 16 March (16–20, 23, 24).
  await h().ok('publicity', 'start', { declarationIds: [declarationId], startsOn: '2026-03-16', workingDays: 7 }, ADMIN_TOKEN);
  await page.goto(`${h().url}/#/pages/notice/index?id=${declarationId}`);
  await page.getByText('2026-03-16 开始公示，至 2026-03-24 止').waitFor();
  await page.goto(`${h().url}/#/pages/publicity/index`);
  await page.getByText('2026-03-16 开始公示，至 2026-03-24 止').waitFor();
});

function h() {
  return rig.h;
}
