/** As 张律师 on a phone: finish a declaration, see a field error under its field, fix it, check and submit. */
import type { Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { ADMIN_TOKEN } from '../support/harness';
import { atButton, overflowsSideways, signIn, startBrowserRig, type BrowserRig } from './browser';

let rig: BrowserRig;
let page: Page;
let zhang: { token: string; orgId: string };

beforeAll(async () => {
  rig = await startBrowserRig();
  await rig.h.ok('admin', 'setClock', { now: '2026-03-10T09:00:00+08:00' }, ADMIN_TOKEN);
  await rig.h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度公共法律服务产品申报公告', opensOn: '2026-03-01', closesOn: '2026-03-31' }, ADMIN_TOKEN);
  zhang = await rig.h.applicant('杭州之江律师事务所');
});
afterAll(() => rig.close());
beforeEach(async () => {
  page = await rig.newPhonePage();
  // Signed in as the applicant.
  await signIn(page, zhang.token);
});
afterEach(async () => {
  await page.context().close();
  expect(await rig.h.invariants()).toEqual([]);
});

const button = (text: string) => atButton(page, text);
const field = (key: string) => page.locator(`#f-${key.replace(/\./g, '-')}`);
const step = (title: string) => page.locator('.steps__item', { hasText: title });

test('finish, see an error under its field, fix it, check and submit', async () => {
  // Most of the form was filled in on the laptop; the management section and the contact phone are left for the phone.
  const spec = demoSpec(DEMO_PRODUCTS[2], 2) as any;
  const { management, ...rest } = spec;
  const { declarationId } = await rig.h.ok('declarations', 'saveDraft', { spec: { ...rest, cover: { ...rest.cover, contactPhone: undefined } } }, zhang.token);

  await page.goto(rig.h.url + '/#/packages/applicant/pages/declarations/index');
  await page.locator('.mine__item', { hasText: spec.name }).click();
  await page.locator('.decl__name', { hasText: spec.name }).waitFor();

  // A wrong phone: the autosave is refused, and the message sits under the field.
  await step('封面').click();
  await field('cover.contactPhone').locator('input').fill('0571-12');
  await field('cover.contactPhone').locator('.field__error').waitFor();
  await expect(field('cover.contactPhone').locator('.field__error').innerText()).resolves.toBe('联系人电话格式不正确，应为手机号或带区号的固定电话');
  expect(await overflowsSideways(page)).toBe(false);
  await field('cover.contactPhone').locator('input').fill('0571-85256615');
  await page.getByText(/已自动保存/).waitFor();
  await expect(field('cover.contactPhone').locator('.field__error').count()).resolves.toBe(0);

  await step('服务管理的规范性').click();
  for (const [key, value] of Object.entries(management as Record<string, string>)) await field(`management.${key}`).locator('textarea').fill(value);
  await page.getByText(/已自动保存/).waitFor();

  // Nothing is lost on reload.
  await page.reload();
  await page.locator('.decl__name', { hasText: spec.name }).waitFor();
  await step('服务管理的规范性').click();
  await expect(field('management.rules').locator('textarea').inputValue()).resolves.toBe(management.rules);

  await step('服务结果的满意度').click();
  await button('提交前检查').click();
  await expect(page.locator('.check__missing').count()).resolves.toBe(0);
  await button('确认提交').click();
  // A clear end: what happens next, and the way on.
  await page.getByText('申报已提交').waitFor();
  await expect(page.getByText(/接下来：市司法局进行形式审查/).isVisible()).resolves.toBe(true);
  await button('查看已提交的内容').click();
  await page.locator('.decl__status', { hasText: '已提交' }).waitFor();

  const d = await rig.h.ok('declarations', 'get', { declarationId }, zhang.token);
  expect(d.status).toBe('submitted');
  expect(d.spec.cover.contactPhone).toBe('0571-85256615');
  expect(d.spec.management).toEqual(management);
});

test('submitting an incomplete declaration marks every section and field that needs work', async () => {
  const spec = demoSpec(DEMO_PRODUCTS[3], 3) as any;
  delete spec.content.audience;
  delete spec.efficiency;
  const { declarationId } = await rig.h.ok('declarations', 'saveDraft', { spec }, zhang.token);
  await page.goto(rig.h.url + `/#/packages/applicant/pages/form/index?id=${declarationId}`);
  await page.locator('.decl__name', { hasText: spec.name }).waitFor();
  await step('服务结果的满意度').click();
  await button('提交前检查').click();
  await expect(page.locator('.check__missing').count()).resolves.toBe(2);
  await button('确认提交').click();
  // The form jumps to the first section with a problem and shows the message under the field.
  await field('content.audience').locator('.field__error').waitFor();
  await expect(field('content.audience').locator('.field__error').innerText()).resolves.toBe('请填写产品服务的对象');
  await expect(page.locator('.steps__item--error').count()).resolves.toBe(2);
  expect((await rig.h.ok('declarations', 'get', { declarationId }, zhang.token)).status).toBe('draft');
});

test('the bureau filters declarations, asks for more material, and the applicant sees the request', async () => {
  const spec = demoSpec(DEMO_PRODUCTS[6], 6);
  const { declarationId } = await rig.h.ok('declarations', 'saveDraft', { spec }, zhang.token);
  await rig.h.ok('declarations', 'submit', { declarationId }, zhang.token);

  const admin = await rig.newPhonePage();
  await signIn(admin, ADMIN_TOKEN);
  await admin.goto(rig.h.url + '/#/packages/admin/pages/declarations/index');
  await admin.locator('.admin__chip', { hasText: '已提交' }).click();
  await admin.locator('.admin__chip', { hasText: '人民调解' }).click();
  await admin.locator('.admin__name', { hasText: spec.name }).click();
  await admin.locator('.specview__value', { hasText: spec.content.audience }).first().waitFor();
  await admin.locator('.admin__textarea textarea').fill('请补充近一年的调解台账');
  await admin.locator('input[placeholder="补充期限，如 2026-03-20"]').fill('2026-03-01');
  await admin.locator('.at-button', { hasText: '要求补充材料' }).click();
  await admin.getByText('补充期限不能早于今天').waitFor();
  await admin.locator('input[placeholder="补充期限，如 2026-03-20"]').fill('2026-03-20');
  await admin.locator('.at-button', { hasText: '要求补充材料' }).click();
  await admin.getByText('已通知申报单位补充材料').waitFor();
  await admin.context().close();

  await page.goto(rig.h.url + '/#/packages/applicant/pages/declarations/index');
  await page.locator('.mine__item', { hasText: spec.name }).locator('.mine__alert', { hasText: '有 1 项材料需要补充' }).waitFor();
});

test('an attachment is uploaded from the phone, a wrong file is refused with the reason', async () => {
  const spec = demoSpec(DEMO_PRODUCTS[8], 8);
  const { declarationId } = await rig.h.ok('declarations', 'saveDraft', { spec }, zhang.token);
  await page.goto(rig.h.url + `/#/packages/applicant/pages/form/index?id=${declarationId}`);
  await page.locator('.decl__name', { hasText: spec.name }).waitFor();
  await step('服务结果的满意度').click();

  const choose = async (name: string, bytes: Buffer) => {
    const chooser = page.waitForEvent('filechooser');
    await button('上传附件').click();
    await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
  };
  await choose('病毒.pdf', Buffer.concat([Buffer.from([0x4d, 0x5a]), Buffer.alloc(100)]));
  await page.getByText('文件内容不是PDF，请确认文件没有损坏或改过扩展名').waitFor();

  await choose('说明书盖章页.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(500, 0x20), Buffer.from('\n%%EOF\n')]));
  await page.locator('.attachments__name', { hasText: '说明书盖章页.pdf' }).waitFor();
  await page.getByText(/已自动保存/).waitFor();
  const d = await rig.h.ok('declarations', 'get', { declarationId }, zhang.token);
  expect(d.spec.attachments.map((a: { name: string }) => a.name)).toEqual(['说明书盖章页.pdf']);
});
