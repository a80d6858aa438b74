/** As 小李 at the counter: open the rating link on a phone, rate, and see the summary change. */
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN } from '../support/harness';
import { overflowsSideways, signIn, usePhoneRig, dialogButton } from './browser';

const rig = usePhoneRig();
let page: Page;
beforeEach(() => (page = rig.page));

test('open a rating link, rate, see the summary change; a second use is refused', async () => {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const issued = await rig.h.ok('ratings', 'issueToken', { productId: 'p0002demo', servedOn: today, channel: 'counter' }, ADMIN_TOKEN);
  const before = await rig.h.ok('ratings', 'summary', { productId: 'p0002demo' });
  await page.goto(`${rig.h.url}/#${issued.url}`);
  await page.getByText('您对这次服务满意吗？').waitFor();
  await expect(page.locator('.rate__title').innerText()).resolves.toBe('劳动争议法律援助快速通道');
  await page.locator('.faces__item', { hasText: '满意' }).filter({ hasNotText: '非常' }).filter({ hasNotText: '不' }).filter({ hasNotText: '基本' }).click();
  await page.locator('.stars', { hasText: '服务态度' }).locator('.stars__star').nth(4).click();
  await page.locator('.rate__text textarea').fill('律师讲得很清楚');
  expect(await overflowsSideways(page)).toBe(false);
  await page.locator('.at-button', { hasText: '提交评价' }).click();
  await page.getByText('谢谢您的评价！').waitFor();
  await page.getByText(`${before.count + 1} 条评价 · 满意率（满意及以上） 100% · 平均 4 分`).waitFor();
  await expect(page.locator('.rchart__row', { hasText: '满意' }).filter({ hasNotText: '非常' }).filter({ hasNotText: '不' }).filter({ hasNotText: '基本' }).locator('.rchart__count').innerText()).resolves.toBe('1');

  await page.goto(`${rig.h.url}/#/pages/product/index?id=p0002demo`);
  await page.locator('.rchart__head', { hasText: '1 条评价' }).waitFor();

  // Scanning the same code again, later: a fresh load of the link.
  const again = await rig.newPhonePage();
  await again.goto(`${rig.h.url}/#${issued.url}`);
  await again.getByText('这个评价码已经用过了，每次服务只能评价一次').waitFor();
  await again.context().close();
});

test('the provider issues a code with its QR, answers a bad rating, and the rater confirms the fix', async () => {
  const { buildProductDoc } = await import('../../cloudfunctions/catalogue/productDoc');
  const provider = await rig.h.applicant('钱塘区法律援助中心');
  const template = (await rig.h.app.store.get<any>('products', 'p0002demo'))!;
  await rig.h.app.store.insert('products', buildProductDoc(template.spec, { productId: 'pown0001', declarationId: null, orgId: provider.orgId, documentNumber: '杭司〔2026〕9号', publishedOn: '2026-01-10' }));

  const staff = await rig.newPhonePage();
  await signIn(staff, provider.token);
  await staff.goto(rig.h.url + '/#/packages/applicant/pages/ratings/index');
  await staff.locator('.at-button', { hasText: '生成评价码' }).click();
  await staff.getByText(/请服务对象扫码评价，一码一次/).waitFor();
  const link = await staff.locator('.admin__meta[selectable], .admin__meta').filter({ hasText: '/pages/rate/index?t=' }).innerText();

  // The person served rates badly.
  const rater = await rig.h.citizen();
  const token = /t=([\w-]+)/.exec(link)![1];
  await rig.h.ok('ratings', 'rate', { token, level: 1, text: '电话一直占线', callback: { phone: '13905711234', consent: true } }, rater);

  await staff.reload();
  await staff.getByText(/不满意评价整改（1 件待答复）/).waitFor();
  // The number the rater left, for this case only.
  await staff.getByText('对方希望回电：13905711234（仅用于本次回访，处理完即删除）').waitFor();
  await staff.locator('input[placeholder="回访情况"]').fill('已回访，说明了热线高峰时段');
  await staff.locator('input[placeholder="整改措施"]').fill('增开一条热线并公布回拨时间');
  await staff.locator('.at-button', { hasText: '提交回访与整改' }).click();
  await staff.getByText(/已答复（按时）/).waitFor();
  await staff.context().close();

  await signIn(page, rater);
  await page.goto(rig.h.url + '/#/packages/account/pages/cases/index');
  await page.getByText('整改措施：增开一条热线并公布回拨时间').waitFor();
  await page.locator('.at-button', { hasText: /^\s*满意\s*$/ }).click();
  await page.getByText(/已办结：您满意/).waitFor();
});

test('a bad rating may leave a number, only with consent; the thanks page says who will call', async () => {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const issued = await rig.h.ok('ratings', 'issueToken', { productId: 'p0002demo', servedOn: today, channel: 'counter' }, ADMIN_TOKEN);
  await page.goto(`${rig.h.url}/#${issued.url}`);
  await page.locator('.faces__item', { hasText: '满意' }).filter({ hasNotText: '非常' }).filter({ hasNotText: '不' }).filter({ hasNotText: '基本' }).click();
  // A good rating is never asked for a number.
  await expect(page.locator('.callback').count()).resolves.toBe(0);
  await page.locator('.faces__item', { hasText: '非常不满意' }).click();
  await page.getByText('不留电话也没关系', { exact: false }).waitFor();
  await page.locator('.callback__toggle', { hasText: '希望服务单位打电话给我' }).click();
  await page.locator('.callback__phone input').fill('13905711234');
  await page.locator('.at-button', { hasText: '提交评价' }).click();
  await page.getByText('请勾选同意后再留电话，或取消“希望服务单位打电话给我”').waitFor();
  await page.locator('.callback__toggle', { hasText: '我同意把这个电话号码只告诉提供这项服务的单位' }).click();
  await page.locator('.at-button', { hasText: '提交评价' }).click();
  await page.getByText(/服务单位会在 5 个工作日内按您留的电话联系您/).waitFor();
  const contacts = await rig.h.app.store.find<any>('ratingContacts', { limit: 100 });
  expect(contacts.map((c) => c.phone)).toContain('13905711234');
});

test('issue 10: the bureau sees a rating held out of the summary, with the reason, and accepts it after checking', async () => {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const issued = await rig.h.ok('ratings', 'issueToken', { productId: 'p0003demo', servedOn: today, channel: 'counter' }, ADMIN_TOKEN);
  const before = await rig.h.ok('ratings', 'summary', { productId: 'p0003demo' });
  await rig.h.ok('ratings', 'rate', { token: issued.token, level: 5 }, ADMIN_TOKEN); // rated by the account that issued it
  expect((await rig.h.ok('ratings', 'summary', { productId: 'p0003demo' })).count).toBe(before.count);

  await signIn(page, ADMIN_TOKEN);
  await page.goto(rig.h.url + '/#/packages/admin/pages/flagged/index');
  await page.getByText('待审核的可疑评价（1 条）').waitFor();
  await page.getByText('评价人就是发放这个评价码的账号', { exact: false }).waitFor();
  await page.locator('.at-button', { hasText: '采信' }).first().click();
  await page.getByText('请先写明复核理由（如回访核实的情况）').waitFor();
  await page.locator('input[placeholder^="复核理由"]').fill('电话回访核实，确有此次服务');
  await page.locator('.at-button', { hasText: /^\s*采信\s*$/ }).click();
  await page.getByText('采信后这条评价计入公开的满意度。确认吗？').waitFor();
  await dialogButton(page, '确认').click();
  await page.getByText('没有待审核的可疑评价').waitFor();
  expect(await overflowsSideways(page)).toBe(false);
  expect((await rig.h.ok('ratings', 'summary', { productId: 'p0003demo' })).count).toBe(before.count + 1);
});
