/** Issue 12 at 390×844: a provider's public page, a product page that says it left the catalogue, and the public list. */
import type { Page } from 'playwright-core';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import type { ProductDoc } from '../../types/product';
import { insertGrades } from '../support/gradeFixture';
import { ADMIN_TOKEN } from '../support/harness';
import { atButton, overflowsSideways, signIn, usePhoneRig, dialogButton } from './browser';

const rig = usePhoneRig();
let page: Page;
let orgId: string;
let providerToken: string;
const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const kept = 'psvkept0001';
const gone = 'psvgone0001';

beforeAll(async () => {
  const h = rig.h;
  const provider = await h.applicant('上城区清波律师事务所');
  orgId = provider.orgId;
  providerToken = provider.token;
  const template = (await h.app.store.get<ProductDoc>('products', 'p0003demo'))!;
  await h.app.store.insert('products', buildProductDoc({ ...template.spec, name: '社区法律顾问驻点服务' }, { productId: kept, declarationId: null, orgId, documentNumber: `杭司〔${year}〕9号`, publishedOn: `${year}-01-10` }));
  await h.app.store.insert('products', buildProductDoc({ ...template.spec, name: '企业合同审查快车道' }, { productId: gone, declarationId: null, orgId, documentNumber: `杭司〔${year}〕9号`, publishedOn: `${year}-01-10` }));
  // The published grade, written in the `assessmentResults` contract's shape rather than through a whole campaign.
  await insertGrades(h.app.store, year, [{ productId: gone, orgId, grade: 'fail', score: 55, satisfaction: { rate: 0.7, n: 20 } }]);
  await h.ok('supervision', 'recordEvent', { orgId, practitionerName: '王五', kind: 'penalty', occurredOn: `${year}-01-15`, title: '律师违规收取当事人费用', documentNumber: '杭司罚决字〔2026〕5号', evidence: '行政处罚决定书' }, ADMIN_TOKEN);
  await h.ok('supervision', 'recordEvent', { orgId, practitionerName: '赵六', kind: 'warning', occurredOn: `${year}-01-20`, title: '未按规定公示收费标准', evidence: '检查记录' }, ADMIN_TOKEN);
  await h.ok('supervision', 'respond', { eventId: (await h.ok('supervision', 'myEvents', {}, provider.token)).events.find((e: any) => e.kind === 'penalty').eventId, statement: '已全额退还并停止该律师派案' }, provider.token);
  await h.ok('supervision', 'exit', { productIds: [gone], documentNumber: `杭司〔${year}〕88号`, on: `${year}-02-01`, reason: `${year} 年度测评不合格` }, ADMIN_TOKEN);
});
beforeEach(() => (page = rig.page));

test('the provider page: public events with the statement, a penalty names the practitioner, a warning does not; products with grades', async () => {
  await page.goto(`${rig.h.url}/#/pages/provider/index?id=${orgId}`);
  await page.locator('.sv__name', { hasText: '上城区清波律师事务所' }).waitFor();
  const events = page.locator('.provider__event');
  await expect(events.count()).resolves.toBe(2);
  await expect(events.nth(0).innerText()).resolves.toContain('未按规定公示收费标准');
  await expect(events.nth(1).innerText()).resolves.toContain('涉及人员：王五');
  await expect(events.nth(1).innerText()).resolves.toContain('单位说明：已全额退还并停止该律师派案');
  expect(await page.locator('.provider').innerText()).not.toContain('赵六');
  const goneRow = page.locator('.provider__product', { hasText: '企业合同审查快车道' });
  await expect(goneRow.innerText()).resolves.toContain('已退出目录');
  await expect(goneRow.innerText()).resolves.toContain(`${year} 年度测评：不合格（55 分）`);
  await expect(page.locator('.provider__product', { hasText: '社区法律顾问驻点服务' }).innerText()).resolves.toContain('在目录中');
  expect(await overflowsSideways(page)).toBe(false);
});

test('an exited product keeps its page, which says it left the catalogue, by which document, and links to the provider', async () => {
  await page.goto(`${rig.h.url}/#/pages/product/index?id=${gone}`);
  const box = page.locator('.pnotice__box--exited');
  await box.waitFor();
  await expect(box.innerText()).resolves.toContain('已退出目录');
  await expect(box.innerText()).resolves.toContain(`杭司〔${year}〕88号`);
  await expect(box.innerText()).resolves.toContain(`${year}年2月1日`);
  await expect(page.locator('.pnotice').innerText()).resolves.toContain('行政处罚：律师违规收取当事人费用');
  expect(await overflowsSideways(page)).toBe(false);
  await page.locator('.pnotice__link').click();
  await page.locator('.sv__name', { hasText: '上城区清波律师事务所' }).waitFor();
});

test('the public list: the failing product, the low-satisfaction institution, the exit with its document; then the catalogue history', async () => {
  await page.goto(`${rig.h.url}/#/pages/adjustment/index?year=${year}`);
  await page.locator('.adjustment__failed .sv__item', { hasText: '企业合同审查快车道' }).waitFor();
  await expect(page.locator('.adjustment__failed').innerText()).resolves.toContain(`55 分 · 杭司〔${year}〕77号`);
  // The evidence beside the 不合格 (issue 21).
  await expect(page.locator('.adjustment__failed').innerText()).resolves.toMatch(/基于 \d+ 条评价、2 次检查/);
  await expect(page.locator('.adjustment__low').innerText()).resolves.toContain('上城区清波律师事务所');
  await expect(page.locator('.adjustment__low').innerText()).resolves.toContain('满意率（满意及以上） 70%（20 条评价）');
  await expect(page.locator('.adjustment__left').innerText()).resolves.toContain(`杭司〔${year}〕88号`);
  expect(await overflowsSideways(page)).toBe(false);
  await page.getByText('目录变更记录', { exact: true }).first().click();
  const history = page.locator('.adjustment__history');
  await history.waitFor();
  await expect(history.innerText()).resolves.toContain('第 1 版');
  await expect(history.innerText()).resolves.toContain('退出企业合同审查快车道');
});

test('the provider answers a rectification and adds its statement to an event, from its own page', async () => {
  const r = await rig.h.ok('supervision', 'rectify', { productId: kept, reason: '机构满意率低于 80%', dueWorkingDays: 5 }, ADMIN_TOKEN);
  await signIn(page, providerToken);
  await page.goto(`${rig.h.url}/#/packages/supervision/pages/mine/index`);
  await page.getByText('社区法律顾问驻点服务').waitFor();
  await page.locator('textarea[placeholder="整改措施"]').fill('增设回访专员，每周抽查服务记录');
  await page.locator('textarea[placeholder^="佐证材料"]').fill('回访记录 20 份');
  await atButton(page, '提交整改情况').click();
  // The confirmation (the page's own dialog, components/Dialog.tsx) names what will be sent.
  await page.getByText('提交“社区法律顾问驻点服务”的整改措施和佐证材料？提交后不能修改。').waitFor();
  await dialogButton(page, '提交').click();
  await page.getByText(/已于 .* 答复：增设回访专员/).waitFor();
  const saved = (await rig.h.ok('supervision', 'rectifications', {}, ADMIN_TOKEN)).rectifications.find((x: any) => x.rectificationId === r.rectificationId);
  expect(saved).toMatchObject({ status: 'answered', answer: { measures: '增设回访专员，每周抽查服务记录', onTime: true } });

  await page.locator('textarea[placeholder="情况说明（将公开）"]').fill('已在服务窗口和网站公示收费标准');
  await atButton(page, '提交情况说明').first().click();
  await dialogButton(page, '提交').click();
  await page.getByText('本单位说明：已在服务窗口和网站公示收费标准').waitFor();
  await page.goto(`${rig.h.url}/#/pages/provider/index?id=${orgId}`);
  await page.getByText('单位说明：已在服务窗口和网站公示收费标准').waitFor();
  expect(await overflowsSideways(page)).toBe(false);
});
