/** As 小李 on a phone: find a product in publicity, read it, comment, and see the comment under a pseudonym. */
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN } from '../support/harness';
import { startPipeline, type Pipeline } from '../support/pipeline';
import { overflowsSideways, signIn, usePhoneRig } from './browser';
import { SPEC_SECTIONS } from '../../types/specFields';
import { DEMO_PRODUCTS } from '../../server/demoProducts';

const rig = usePhoneRig();
let page: Page;
let declarationId: string;
let pipe: Pipeline;

beforeAll(async () => {
  await rig.h.ok('admin', 'setClock', { now: '2026-09-25T09:00:00+08:00' }, ADMIN_TOKEN);
  pipe = await startPipeline(rig.h);
  declarationId = await pipe.proposed(1);
  await rig.h.ok('publicity', 'start', { declarationIds: [declarationId], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  await rig.h.ok('admin', 'setClock', { now: '2026-10-12T10:00:00+08:00' }, ADMIN_TOKEN);
});
beforeEach(() => (page = rig.page));

test('the notice shows the proposal section by section; a comment on one section is anchored to it (issue 24)', async () => {
  await page.goto(rig.h.url + '/');
  await page.locator('.tabbar__item', { hasText: '公示' }).click();
  // 12, 13, 14, 15 October are left.
  await page.getByText('公示中，还剩 4 个工作日（至 2026-10-15）').waitFor();
  await page.locator('.notice-card', { hasText: '劳动争议法律援助快速通道' }).click();
  // Every public section, its plain name beside the form's, with what the applicant wrote in it.
  const sections = SPEC_SECTIONS.filter((s) => s.fields.some((f) => f.public));
  expect(sections.map((s) => s.key)).toEqual(['basic', 'publicInfo', 'provider', 'content', 'management']);
  await page.locator('.proposal__title').first().waitFor();
  await expect(page.locator('.proposal__title').allInnerTexts()).resolves.toEqual(sections.map((s) => `${s.plain}（${s.title}）`));
  const demo = DEMO_PRODUCTS[1];
  for (const text of [demo.audience, demo.channels, demo.address, '免费', '法律援助', '预约或到场 → 登记受理']) await page.locator('.proposal__value', { hasText: text }).first().waitFor();
  await expect(page.locator('.proposal__comment').count()).resolves.toBe(sections.length);
  // The cost in words heads the notice.
  await page.locator('.notice .notice-card .cost__headline', { hasText: '免费' }).first().waitFor();

  await page.locator('#s-content .proposal__comment').click();
  await page.locator('#s-content .compose__about', { hasText: '对“为谁解决什么问题（服务内容的实用性）”提意见' }).waitFor();
  const input = page.locator('#s-content .notice__input textarea');
  await input.fill('周末');
  await expect(page.locator('.notice__count').innerText()).resolves.toBe('2/1000');
  await expect(page.locator('#s-content .at-button', { hasText: '提交意见' }).getAttribute('class')).resolves.toContain('disabled');
  await input.fill('希望周六也能受理，外卖骑手平时没空');
  // The box scrolls into view as it opens (pageScrollTo after 80 ms); on a loaded machine that scroll can come while the
  // tap lands and take it away. Tapped again only while the store holds no such comment, so nothing is sent twice.
  const stored = () => rig.h.app.store.count('comments', { text: '希望周六也能受理，外卖骑手平时没空' });
  const submit = page.locator('#s-content .at-button:not(.at-button--disabled)', { hasText: '提交意见' });
  for (let tries = 0; tries < 3 && (await stored()) === 0; tries++) {
    // A request still on its way keeps the button disabled (or has closed the box): wait for its answer instead.
    if (await submit.count()) await submit.click({ timeout: 5_000 }).catch(() => undefined);
    await page.locator('#s-content .notice__msg--ok').waitFor({ timeout: 10_000 }).catch(() => undefined);
  }
  expect(await stored()).toBe(1);
  await page.locator('#s-content .notice__msg--ok', { hasText: '意见已公开，您的署名是 市民A1。市司法局答复后，会在“我的 → 我的消息”里告诉您' }).waitFor();
  await page.locator('.comment__text', { hasText: '希望周六也能受理' }).first().waitFor();
  await expect(page.locator('.comment__head', { hasText: '关于“为谁解决什么问题（服务内容的实用性）”' }).count()).resolves.toBe(2);
  await expect(page.getByText(/市民A1 · 已公开/).first().isVisible()).resolves.toBe(true);
  expect(await overflowsSideways(page)).toBe(false);

  const { comments } = await rig.h.ok('publicity', 'comments', { declarationId });
  expect(comments.map((c: { text: string; anchor: string }) => [c.text, c.anchor])).toEqual([['希望周六也能受理，外卖骑手平时没空', 'content']]);
});

test('a citizen hears back: the bureau answers, the message is in 我的消息, and it opens the notice at the comment (issue 24)', async () => {
  // A notice of its own (the next test counts the first one's comments).
  const notice = await pipe.proposed(2);
  await rig.h.ok('publicity', 'start', { declarationIds: [notice], startsOn: '2026-10-12', workingDays: 7 }, ADMIN_TOKEN);
  const citizen = await rig.h.citizen();
  await signIn(page, citizen);
  await page.goto(rig.h.url + `/#/pages/notice/index?id=${notice}`);
  await page.locator('.at-button', { hasText: '对这个产品提意见' }).click();
  await page.locator('#compose-whole textarea').fill('请写明法律援助律师多久能联系上我');
  await page.locator('#compose-whole .at-button', { hasText: '提交意见' }).click();
  await page.locator('.comment__wait', { hasText: '等待市司法局答复，答复后会通知您' }).waitFor();
  const mine = (await rig.h.ok('publicity', 'comments', { declarationId: notice }, citizen)).mine[0];
  await rig.h.ok('publicity', 'dispose', { commentId: mine.commentId, disposition: 'adopted', reply: '已要求在受理后 1 个工作日内联系' }, ADMIN_TOKEN);

  await page.goto(rig.h.url + '/#/pages/me/index');
  await page.locator('.at-button', { hasText: '我的消息' }).click();
  const message = page.locator('.msgs__item', { hasText: '您的意见有了答复' });
  await message.locator('.msgs__body', { hasText: `您对“${DEMO_PRODUCTS[2].name}”的意见：采纳。已要求在受理后 1 个工作日内联系` }).waitFor();
  await message.click();
  await page.waitForURL(/pages\/notice\/index\?id=.*&comment=/);
  const focused = page.locator(`#c-${mine.commentId}.comment--focus`);
  await focused.locator('.comment__answer', { hasText: '市司法局答复：采纳' }).waitFor();
  await focused.locator('.comment__answer', { hasText: '已要求在受理后 1 个工作日内联系' }).waitFor();
  // Read: the inbox says so when the person comes back.
  expect((await rig.h.ok('notify', 'inbox', {}, citizen)).unread).toBe(0);
});

test('the bureau answers every comment, closes the publicity after it ends, and publishes by document number', async () => {
  const citizen = await rig.h.citizen();
  await rig.h.ok('publicity', 'comment', { declarationId, text: '建议写明节假日是否受理' }, citizen);
  await rig.h.ok('admin', 'setClock', { now: '2026-10-16T09:00:00+08:00' }, ADMIN_TOKEN);
  const admin = await rig.newPhonePage();
  await signIn(admin, ADMIN_TOKEN);
  await admin.goto(rig.h.url + `/#/packages/admin/pages/declaration/index?id=${declarationId}`);
  await admin.getByText('公示意见（共 2 条，未答复 2 条）').waitFor();
  await admin.locator('.at-button', { hasText: '公示期满，予以认定' }).click();
  await admin.getByText('还有 2 条意见没有答复。每条意见都要答复后才能结束公示').waitFor();
  // Deliberate: 不予认定 asks for a reason of one's own in a sheet, and cancelling changes nothing.
  await admin.locator('.at-button', { hasText: '不予认定' }).click();
  const confirmReject = admin.locator('.sheet .at-button', { hasText: '确认不予认定' });
  await expect(confirmReject.getAttribute('class')).resolves.toContain('disabled');
  await admin.locator('.sheet .at-button', { hasText: '取消' }).click();
  await expect(admin.locator('.sheet').count()).resolves.toBe(0);
  for (let i = 0; i < 2; i++) {
    const field = admin.locator('.admin__field').filter({ has: admin.locator('.at-button', { hasText: /^\s*答复\s*$/ }) }).first();
    // No disposition is chosen for the bureau: answering waits for one.
    await expect(field.locator('.admin__chip--on').count()).resolves.toBe(0);
    await expect(field.locator('.at-button', { hasText: /^\s*答复\s*$/ }).getAttribute('class')).resolves.toContain('disabled');
    await field.locator('.admin__chip', { hasText: '采纳' }).first().click();
    await field.locator('textarea[placeholder^="答复"]').fill('已请提供单位在服务指南中写明。\n节假日受理安排另行公告。');
    await field.locator('.at-button', { hasText: /^\s*答复\s*$/ }).click();
    await admin.getByText('已答复').waitFor();
    await admin.waitForFunction((n) => document.querySelectorAll('.admin__field .at-button').length >= 0 && [...document.querySelectorAll('.at-button')].filter((b) => b.textContent?.trim() === '修改答复').length === n, i + 1);
  }
  await admin.locator('.at-button', { hasText: '公示期满，予以认定' }).click();
  await admin.getByText('发文公布').waitFor();
  await admin.locator('input[placeholder^="文号"]').fill('杭司〔2026〕125号');
  await admin.locator('.at-button', { hasText: '公布并进入目录库' }).click();
  await admin.getByText('已进入目录库').waitFor();
  await admin.context().close();

  await page.goto(rig.h.url + `/#/pages/notice/index?id=${declarationId}`);
  await page.locator('.comment__disposition', { hasText: '采纳' }).first().waitFor();
  const found = await rig.h.ok('catalogue', 'search', { q: '劳动争议法律援助快速通道' });
  expect(found.items.some((i: { documentNumber?: string; productId: string }) => i.productId === `p${declarationId}`)).toBe(true);
});

test('issue 10: the bureau loads every comment page by page and answers a mass comment as one group', async () => {
  await rig.h.ok('admin', 'setClock', { now: '2026-09-25T09:00:00+08:00' }, ADMIN_TOKEN);
  const d = await pipe.proposed(3);
  await rig.h.ok('publicity', 'start', { declarationIds: [d], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  await rig.h.ok('admin', 'setClock', { now: '2026-10-12T10:00:00+08:00' }, ADMIN_TOKEN);
  const campaign = '强烈要求降低这项服务的收费标准，并在每个社区服务点公开收费明细，方便群众监督';
  for (let i = 0; i < 65; i++) {
    const t = await rig.h.citizen();
    await rig.h.ok('publicity', 'comment', { declarationId: d, text: campaign }, t);
    await rig.h.ok('publicity', 'comment', { declarationId: d, text: `第${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉戌亥'[i % 12]}组居民另有意见${'一二三四五六七'[i % 7]}号` }, t);
  }
  const admin = await rig.newPhonePage();
  await signIn(admin, ADMIN_TOKEN);
  await admin.goto(rig.h.url + `/#/packages/admin/pages/declaration/index?id=${d}`);
  await admin.getByText('公示意见（共 130 条，未答复 130 条）').waitFor();
  await admin.locator('.at-button', { hasText: '加载更多（已显示 100 / 130 条）' }).waitFor();
  await expect(admin.locator('.admin__meta', { hasText: campaign }).count()).resolves.toBe(50);
  await admin.locator('.at-button', { hasText: '加载更多' }).click();
  await admin.waitForFunction(() => !document.body.innerText.includes('加载更多'));
  await expect(admin.locator('.admin__meta', { hasText: campaign }).count()).resolves.toBe(65);
  await expect(admin.getByText('内容相同或相近的意见共 65 条，可以一并答复').count()).resolves.toBe(65);

  const first = admin.locator('.admin__field').filter({ has: admin.locator('.at-button', { hasText: '以此答复这组全部 65 条' }) });
  // Nothing is pre-selected: the bureau picks the disposition itself, then writes the (multi-line) reply.
  await first.locator('.admin__chip', { hasText: /^采纳$/ }).click();
  await first.locator('textarea[placeholder^="答复"]').fill('已要求公开收费明细');
  await first.locator('.at-button', { hasText: '以此答复这组全部 65 条' }).click();
  await admin.getByText('公示意见（共 130 条，未答复 65 条）').waitFor();
  expect(await overflowsSideways(admin)).toBe(false);
  await admin.context().close();
  const mod = await rig.h.ok('publicity', 'moderation', { declarationId: d, limit: 200 }, ADMIN_TOKEN);
  expect(mod.comments.filter((c: { reply: string | null }) => c.reply === '已要求公开收费明细')).toHaveLength(65);
});
