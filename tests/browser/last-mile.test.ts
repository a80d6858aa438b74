/**
 * Issue 24's last mile, in the browser at 390×844: a bad rating's answer reaches the person in 我的消息 and opens their
 * case; the provider's case shows what the person wrote, and a phone number only when they asked to be called back;
 * 离我最近 orders the cards by the distance from a stubbed location (types/geo.ts over the demo products' places) and
 * says it on each card, and falls back to a district's centre when the location is refused.
 */
import type { Page } from 'playwright-core';
import { DISTRICT_CENTRES, distanceKm, distanceText, pointOf, type Point } from '../../types/geo';
import { ADMIN_TOKEN } from '../support/harness';
import { dialogButton, overflowsSideways, signIn, usePhoneRig } from './browser';

const rig = usePhoneRig();
let page: Page;
beforeEach(() => (page = rig.page));

/** A listed product of a provider of its own (the demo products belong to the demo organisations). */
async function ownProduct(orgName: string, productId: string) {
  const { buildProductDoc } = await import('../../cloudfunctions/catalogue/productDoc');
  const provider = await rig.h.applicant(orgName);
  const template = (await rig.h.app.store.get<any>('products', 'p0002demo'))!;
  await rig.h.app.store.insert('products', buildProductDoc(template.spec, { productId, declarationId: null, orgId: provider.orgId, documentNumber: '杭司〔2026〕19号', publishedOn: '2026-01-10' }));
  return { ...provider, name: template.spec.name as string };
}

async function badRating(productId: string, rater: string, input: Record<string, unknown>) {
  const { token } = await rig.h.ok('ratings', 'issueToken', { productId, servedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), channel: 'counter' }, ADMIN_TOKEN);
  await rig.h.ok('ratings', 'rate', { token, level: 1, ...input }, rater);
}

/** A new citizen's bad rating (`text`) of a provider's own product, answered by the provider with `fix` through the API. */
async function answeredCase(orgName: string, productId: string, text: string, fix: string) {
  const provider = await ownProduct(orgName, productId);
  const rater = await rig.h.citizen();
  await badRating(productId, rater, { text });
  const [c] = (await rig.h.ok('ratings', 'cases', {}, provider.token)).cases;
  await rig.h.ok('ratings', 'respondCase', { caseId: c.caseId, fix }, provider.token);
  return { provider, rater, caseId: c.caseId as string };
}

test('a bad rating answered: the rater finds the answer in 我的 → 我的消息, and the message opens their case', async () => {
  // The provider answers through the real API (no number was left: no call-back to record).
  const { provider, rater, caseId } = await answeredCase('滨江区法律援助中心', 'pmsg0001', '窗口排队两个小时没人管', '高峰时段加开一个窗口，叫号屏显示等候时间');

  await signIn(page, rater);
  await page.goto(rig.h.url + '/#/pages/me/index');
  await page.locator('.at-button', { hasText: '我的消息' }).click();
  const message = page.locator('.msgs__item', { hasText: '高峰时段加开一个窗口' });
  await message.locator('.msgs__body', { hasText: `您对“${provider.name}”的评价，服务单位整改措施：高峰时段加开一个窗口，叫号屏显示等候时间。满意吗？` }).waitFor();
  expect(await overflowsSideways(page)).toBe(false);
  await message.click();
  await page.waitForURL(new RegExp(`packages/account/pages/cases/index\\?.*open=${caseId}`));
  const card = page.locator(`#case-${caseId}.cases__card--focus`);
  await card.getByText('窗口排队两个小时没人管', { exact: false }).waitFor();
  await card.getByText('高峰时段加开一个窗口，叫号屏显示等候时间', { exact: false }).waitFor();
  // Opened: the inbox counts it read.
  expect((await rig.h.ok('notify', 'inbox', {}, rater)).unread).toBe(0);
});

test("the provider's case shows what the person wrote, and a phone number only for the one who asked to be called", async () => {
  const provider = await ownProduct('上城区法律援助中心', 'pword001');
  await badRating('pword001', await rig.h.citizen(), { text: '律师迟到了四十分钟，也没有道歉', callback: { phone: '13905710001', consent: true } });
  await badRating('pword001', await rig.h.citizen(), { text: '材料被要求交了三遍' });
  await signIn(page, provider.token);
  await page.goto(rig.h.url + '/#/packages/applicant/pages/ratings/index');
  await page.getByText(/不满意评价整改（2 件待答复）/).waitFor();
  const cards = page.locator('.admin__field', { hasText: '评价人写道' });
  const called = cards.filter({ hasText: '律师迟到了四十分钟' });
  const quiet = cards.filter({ hasText: '材料被要求交了三遍' });
  await expect(called.locator('.admin__meta', { hasText: '评价人写道' }).innerText()).resolves.toBe('评价人写道：“律师迟到了四十分钟，也没有道歉”');
  await expect(quiet.locator('.admin__meta', { hasText: '评价人写道' }).innerText()).resolves.toBe('评价人写道：“材料被要求交了三遍”');
  await called.getByText('对方希望回电：13905710001（仅用于本次回访，处理完即删除）').waitFor();
  // The one who left no number: no number, no call to record, and nothing that names them.
  await quiet.getByText('对方没有留电话，不需要回访；请写明整改措施。').waitFor();
  const quietText = await quiet.innerText();
  expect(quietText).not.toMatch(/1\d{10}|对方希望回电/);
  expect(await quiet.locator('input[placeholder="回访情况"]').count()).toBe(0);
  // The number appears once on the whole page: beside its own case.
  const all = await page.evaluate(() => ([...document.querySelectorAll('.taro_page')].find((x) => (x as HTMLElement).offsetParent !== null) as HTMLElement).innerText);
  expect(all.match(/13905710001/g)).toHaveLength(1);
  expect(await overflowsSideways(page)).toBe(false);
});

test('仍不满意 reaches the bureau: its to-do opens the case with what the person said, and the bureau decides the 复核 there', async () => {
  const { rater, caseId } = await answeredCase('西湖区法律援助中心', 'prev0001', '电话一直打不通', '已增加一条热线');
  await rig.h.ok('ratings', 'confirmCase', { caseId, satisfied: false, reason: '新热线也没人接' }, rater);

  await signIn(page, ADMIN_TOKEN);
  await page.goto(rig.h.url + '/#/packages/admin/pages/todo/index');
  const item = page.locator('.todo__item', { hasText: '评价人仍不满意' }).filter({ hasText: '新热线也没人接' }).first();
  await item.waitFor();
  await item.click();
  await page.waitForURL(new RegExp(`packages/applicant/pages/ratings/index\\?.*open=${caseId}`));
  const card = page.locator('.admin__field', { hasText: '电话一直打不通' }).filter({ hasText: '表示仍不满意' }).first();
  await card.getByText('表示仍不满意：“新热线也没人接”', { exact: false }).waitFor();
  // Nothing is decided without a choice and a reason.
  await card.locator('.at-button', { hasText: '提交复核结果' }).click();
  await card.getByText('请选择维持答复或责令重新整改').waitFor();
  await card.getByText('责令服务单位重新整改').click();
  await card.locator('textarea').fill('热线接通率仍不达标，请重新整改');
  await card.locator('.at-button', { hasText: '提交复核结果' }).click();
  await dialogButton(page, '确认复核结果').click();
  for (let i = 0; i < 50 && (await rig.h.app.store.get<any>('ratingCases', caseId)).status === 'review'; i++) await page.waitForTimeout(200);
  const stored = await rig.h.app.store.get<any>('ratingCases', caseId);
  expect([stored.status, stored.review.decision.outcome, stored.review.decision.reason]).toEqual(['open', 'redo', '热线接通率仍不达标，请重新整改']);
  expect(await overflowsSideways(page)).toBe(false);
});

/** The listed products' service points, as types/geo.ts places them: declared coordinates, else the district's centre. */
async function places() {
  const docs = await rig.h.app.store.find<any>('products', { where: { status: 'listed' }, limit: 1000 });
  expect(docs.length).toBeGreaterThan(20);
  return docs.map((d) => {
    const point = pointOf(d.spec?.publicInfo);
    return { name: d.name as string, district: d.district as string, point: point ?? DISTRICT_CENTRES[d.district as keyof typeof DISTRICT_CENTRES], approximate: !point };
  });
}

/** The first page of cards after 离我最近: each card's name and the distance it shows. */
async function cardsByDistance(p: Page) {
  await p.locator('.list .card .card__distance').first().waitFor();
  return p.locator('.list .card').evaluateAll((els) => els.map((e) => ({ name: e.querySelector('.card__name')!.textContent!.trim(), distance: e.querySelector('.card__distance')?.textContent?.trim() ?? '' })));
}

/** A distance as the search answers it: kilometres to the metre. */
const km = (a: Point, b: Point) => Math.round(distanceKm(a, b) * 1000) / 1000;

/** What the cards must say, nearest first, from `from` (named as the cards name it). */
async function expected(from: Point, label: string, count: number) {
  const all = (await places()).map((x) => ({ ...x, km: km(from, x.point) }));
  all.sort((a, b) => a.km - b.km);
  return all.slice(0, count).map((x) => ({ km: x.km, distance: `距${label}${distanceText(x.km)}${x.approximate ? '（按所在区县估算）' : ''}` }));
}

test('离我最近 with the location allowed: the cards run nearest first, each with its distance', async () => {
  // 武林广场 (WGS-84): nearer to 拱墅区 and 上城区's service points than to 钱塘区's.
  const here = { latitude: 30.2741, longitude: 120.1551 };
  await page.context().grantPermissions(['geolocation'], { origin: rig.h.url });
  await page.context().setGeolocation(here);
  await page.goto(rig.h.url + '/');
  await page.locator('.list .card').first().waitFor();
  await page.locator('.featured').waitFor();
  await page.locator('.toolbar__near').click();
  await page.locator('.nearby--on', { hasText: '按离您的距离，由近到远' }).waitFor();
  // Asked for the nearest, the person sees the nearest first: the recommendations make way for the list.
  await page.locator('.featured').waitFor({ state: 'detached' });
  const cards = await cardsByDistance(page);
  expect(cards.length).toBe(20);
  const want = await expected(here, '您', cards.length);
  // The distances in order (names of products at one place may come in either order), and each card's own distance.
  expect(cards.map((c) => c.distance)).toEqual(want.map((w) => w.distance));
  const byName = new Map((await places()).map((x) => [x.name, x]));
  for (const c of cards) {
    const x = byName.get(c.name)!;
    expect({ name: c.name, distance: c.distance }).toEqual({ name: c.name, distance: `距您${distanceText(km(here, x.point))}${x.approximate ? '（按所在区县估算）' : ''}` });
  }
  // The nearest and the farthest shown are not the same distance: the order is real.
  expect(want[0].km).toBeLessThan(want[want.length - 1].km - 1);
  expect(await overflowsSideways(page)).toBe(false);
});

test('离我最近 with the location refused: the page says so and orders by the chosen district’s centre', async () => {
  await page.goto(rig.h.url + '/');
  await page.locator('.list .card').first().waitFor();
  await page.locator('.toolbar__near').click();
  await page.getByText('没有获得您的位置（您没有同意）。', { exact: false }).waitFor();
  await page.locator('.nearby__place', { hasText: '钱塘区' }).click();
  await page.locator('.nearby--on', { hasText: '按离钱塘区中心的距离，由近到远' }).waitFor();
  const cards = await cardsByDistance(page);
  const want = await expected(DISTRICT_CENTRES.钱塘区, '钱塘区中心', cards.length);
  expect(cards.map((c) => c.distance)).toEqual(want.map((w) => w.distance));
  const byName = new Map((await places()).map((x) => [x.name, x]));
  for (const c of cards) expect(c.distance).toBe(`距钱塘区中心${distanceText(km(DISTRICT_CENTRES.钱塘区, byName.get(c.name)!.point))}${byName.get(c.name)!.approximate ? '（按所在区县估算）' : ''}`);
  // From 钱塘区's centre the first cards are 钱塘区's own services.
  expect(byName.get(cards[0].name)!.district).toBe('钱塘区');
});
