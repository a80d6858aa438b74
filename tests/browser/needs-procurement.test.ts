/**
 * Issue 16 on a phone (390×844): a citizen posts and supports a need from an empty search; a provider answers a tailoring
 * request, and once accepted the product page shows the purchase.
 */
import type { Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { ADMIN_TOKEN } from '../support/harness';
import { atButton, overflowsSideways, signIn, usePhoneRig, dialogButton } from './browser';

const rig = usePhoneRig();
let page: Page;

beforeEach(() => (page = rig.page));

test('from an empty search, a citizen posts a need and supports another’s, once', async () => {
  const { h } = rig;
  const other = await h.ok('needs', 'submit', { text: '希望有帮助老年人看懂养老机构合同的免费服务', category: 'legal-service' }, await h.citizen());
  await page.goto(h.url + '/');
  const input = page.locator('.at-search-bar input');
  await input.fill('无人机航拍许可');
  await page.getByText('搜索', { exact: true }).click();
  await page.getByText('没有找到完全符合的服务').waitFor();
  await page.getByText('没有合适的服务？说说您的需求 ›').click();

  const box = page.locator('.desk__textarea textarea').first();
  await expect(box.inputValue()).resolves.toBe('无人机航拍许可');
  await box.fill('网约车司机晚上下班后想咨询劳动关系，希望有夜间电话咨询');
  await atButton(page, '提交需求').click();
  await page.getByText(/已发布（显示为“市民N\d+”），感谢您的建议/).waitFor();
  await page.locator('.needs__item', { hasText: '网约车司机晚上下班后想咨询劳动关系' }).waitFor();
  expect(await overflowsSideways(page)).toBe(false);

  const card = page.locator('.needs__item', { hasText: '养老机构合同' });
  await card.locator('.at-button', { hasText: '我也需要' }).click();
  await card.getByText('1 人也有这个需求').waitFor();
  await card.locator('.at-button', { hasText: '已支持' }).waitFor();
  // The page knows it was supported after a reload too; the server counts one.
  await page.reload();
  await page.locator('.needs__item', { hasText: '养老机构合同' }).locator('.at-button', { hasText: '已支持' }).waitFor();
  const board = await h.ok('needs', 'list', { sort: 'supported' });
  expect(board.items.find((n: any) => n.needId === other.needId).supports).toBe(1);
  expect(board.items.map((n: any) => n.text)).toContain('网约车司机晚上下班后想咨询劳动关系，希望有夜间电话咨询');
});

test('a provider answers a tailoring request beside its declared standard; accepted, the product page shows the purchase', async () => {
  const { h } = rig;
  const provider = await h.applicant('杭州之江律师事务所');
  await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[2], 2), { productId: 'pTailor', declarationId: null, orgId: provider.orgId, documentNumber: '杭司〔2025〕22号', publishedOn: '2025-03-01' }));
  const invite = await h.ok('admin', 'createInvite', { role: 'purchaser', orgName: '杭州市上城区湖滨街道办事处', unitKind: 'sub-district-office' }, ADMIN_TOKEN);
  const buyer = await h.citizen();
  await h.ok('auth', 'redeemInvite', { code: invite.inviteCode }, buyer);
  const asked = await h.ok('procurement', 'requestCustom', { productId: 'pTailor', need: '为辖区 40 家餐饮小店做用工合同体检', audience: '湖滨街道餐饮个体户', schedule: '五月至六月', budget: 5000 }, buyer);

  await signIn(page, provider.token);
  await page.goto(`${h.url}/#/packages/applicant/pages/procurement/index`);
  const card = page.locator('.custom__card', { hasText: '为辖区 40 家餐饮小店做用工合同体检' });
  await card.getByText('政府补贴后每家企业 300 元/次').waitFor();
  await card.getByText('预算：5000 元').waitFor();
  expect(await overflowsSideways(page)).toBe(false);
  await card.locator('.desk__textarea textarea').fill('按餐饮行业定制体检清单，两轮上门，每家出具体检报告');
  await card.locator('.desk__input input').fill('4800');
  await atButton(page, '发送方案').click();
  await page.locator('.custom__card', { hasText: '已答复，待采购单位接受' }).waitFor();
  const mine = await h.ok('procurement', 'customRequests', {}, buyer);
  expect(mine.asked.map((r: any) => [r.requestId, r.status, r.price, r.terms])).toEqual([[asked.requestId, 'answered', 4800, '按餐饮行业定制体检清单，两轮上门，每家出具体检报告']]);

  // Accepted, it is a purchase: the product page shows one unit and, for 政府补贴, the public money.
  await h.ok('procurement', 'acceptCustom', { requestId: asked.requestId, offerVersion: 1 }, buyer);
  const year = (await h.ok('procurement', 'productSummary', { productId: 'pTailor' })).year;
  await page.goto(`${h.url}/#/pages/product/index?id=pTailor`);
  await page.locator('.pprocurement', { hasText: `${year} 年已有 1 家单位采购这项服务，使用财政资金 4,800.00 元。` }).waitFor();
  expect(await overflowsSideways(page)).toBe(false);
});

test('issue 21: the bureau settles a disputed purchase on its procurement page (decision, reason, confirmation); the unit sees the ruling on its desk', async () => {
  const { h } = rig;
  const provider = await h.applicant('杭州钱塘律师事务所');
  await h.app.store.insert('products', buildProductDoc(demoSpec(DEMO_PRODUCTS[3], 3), { productId: 'pDispute', declarationId: null, orgId: provider.orgId, documentNumber: '杭司〔2025〕23号', publishedOn: '2025-03-01' }));
  const invite = await h.ok('admin', 'createInvite', { role: 'purchaser', orgName: '杭州市钱塘区白杨街道办事处', unitKind: 'sub-district-office' }, ADMIN_TOKEN);
  const buyer = await h.citizen();
  await h.ok('auth', 'redeemInvite', { code: invite.inviteCode }, buyer);
  const jpg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])]);
  const up = await h.upload(jpg, buyer);
  const file = await h.ok('declarations', 'registerFile', { fileId: up.body.data.fileId, name: '采购合同.jpg' }, buyer);
  const today = (await h.ok('procurement', 'productSummary', { productId: 'pDispute' })).year;
  const from = `${today}-01-02`;
  const rec = await h.ok('procurement', 'record', { productId: 'pDispute', from, to: from, quantity: 4, amount: 8000, contractNumber: 'BY-001', evidence: [{ fileId: file.fileId, name: file.name }] }, buyer);
  await h.ok('procurement', 'confirm', { procurementId: rec.procurementId, agree: false, note: '本所没有与该街道签订过这份合同' }, provider.token);

  await signIn(page, ADMIN_TOKEN);
  await page.goto(`${h.url}/#/packages/admin/pages/procurement/index`);
  await page.getByText('采购争议', { exact: true }).click();
  const card = page.locator('.procurement__dispute', { hasText: '杭州市钱塘区白杨街道办事处' });
  await card.getByText('服务单位的异议：本所没有与该街道签订过这份合同').waitFor();
  expect(await overflowsSideways(page)).toBe(false);
  // No decision chosen: told so on the card, nothing sent.
  await card.locator('.at-button', { hasText: '作出裁定' }).click();
  await card.getByText('请选择裁定结果').waitFor();
  await card.getByText('采购成立（按登记计入）').click();
  await card.locator('textarea').fill('合同与付款凭证齐全，服务单位未能提供反证');
  await card.locator('.at-button', { hasText: '作出裁定' }).click();
  await page.getByText(/裁定后不能更改。理由：合同与付款凭证齐全/).waitFor();
  await dialogButton(page, '确定').click();
  await page.getByText('没有待裁定的采购争议').waitFor();
  const [ruled] = (await h.ok('procurement', 'list', { productId: 'pDispute' }, ADMIN_TOKEN)).items;
  expect([ruled.status, ruled.settlement.decision, ruled.settlement.reason]).toEqual(['confirmed', 'stands', '合同与付款凭证齐全，服务单位未能提供反证']);

  // The unit's desk names the ruling and its reason.
  const unitPage = await page.context().newPage();
  await unitPage.setViewportSize({ width: 390, height: 844 });
  await signIn(unitPage, buyer);
  await unitPage.goto(`${h.url}/#/packages/purchaser/pages/desk/index`);
  await unitPage.getByText(/市司法局裁定（.*）：采购成立（按登记计入）。理由：合同与付款凭证齐全，服务单位未能提供反证/).waitFor();
  expect(await overflowsSideways(unitPage)).toBe(false);
  await unitPage.close();
});
