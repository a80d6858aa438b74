/**
 * What a new-user walk at 390×844 found, measured: the registration form names its problems by the page's own labels,
 * under each field, and scrolls to the first; 我的申报 and the poster follow 长辈模式 (and the poster has a way home);
 * the rating faces' labels never break inside a word; the home search box's placeholder fits its field in both modes;
 * /favicon.ico is a real icon.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { DISTRICTS } from '../../types/domain';
import { ORG_KINDS } from '../../types/org';
import { ADMIN_TOKEN } from '../support/harness';
import { atButton, overflowsSideways, signIn, usePhoneRig } from './browser';
import { measure } from './elderMeasure';

const rig = usePhoneRig();
let page: Page;
let applicant: { token: string; orgId: string };

beforeAll(async () => {
  await rig.h.ok('admin', 'setClock', { now: '2026-03-10T09:00:00+08:00' }, ADMIN_TOKEN);
  await rig.h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度公共法律服务产品申报公告', opensOn: '2026-03-01', closesOn: '2026-03-31' }, ADMIN_TOKEN);
  applicant = await rig.h.applicant('杭州钱江律师事务所');
  await rig.h.ok('declarations', 'saveDraft', { spec: { name: '企业合规法律体检' } }, applicant.token);
});
beforeEach(() => (page = rig.page));

const elder = (p: Page) => p.addInitScript(() => localStorage.setItem('hzlp.largeFont', JSON.stringify({ data: true })));
/** Where an element is against the 844 px window: wholly in view or not. */
const inView = (p: Page, selector: string) =>
  p.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, selector);
/** The visible page's text (what a person reads; field values and placeholders are not in it). */
const pageText = (p: Page) => p.evaluate(() => ([...document.querySelectorAll('.taro_page')].find((x) => (x as HTMLElement).offsetParent !== null) as HTMLElement).innerText);

test('registration: a problem is named by its Chinese label under its field, and the page scrolls to the first', async () => {
  // In 长辈模式 the form is taller than the screen.
  await elder(page);
  await page.goto(rig.h.url + '/#/packages/account/pages/register/index');
  await page.getByText('登记申报单位').waitFor();
  const field = (key: string) => page.locator(`#f-${key}`);
  await field('creditCode').locator('input').fill('91330000142916567N');
  await page.locator('.reg__chip', { hasText: '律师事务所' }).click();
  await page.locator('.reg__chip', { hasText: '西湖区' }).click();
  await field('contactName').locator('input').fill('林晓');
  await field('contactPhone').locator('input').fill('1390571');

  // The phone's own check: 单位名称 is missing. Tapped at the bottom, the page goes up to it.
  await atButton(page, '提交登记').scrollIntoViewIfNeeded();
  expect(await inView(page, '#f-name')).toBe(false);
  await atButton(page, '提交登记').click();
  await expect(field('name').locator('.reg__error').innerText()).resolves.toBe('请填写单位名称');
  await page.waitForFunction(() => {
    const r = document.querySelector('#f-name')!.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });

  // The server's check: the phone number. Its message sits under 联系电话 (in view), with no banner and no field key.
  await field('name').locator('input').fill('杭州西溪律师事务所');
  await atButton(page, '提交登记').click();
  await expect(field('contactPhone').locator('.reg__error').innerText()).resolves.toBe('联系电话格式不正确，应为手机号或带区号的固定电话');
  await page.waitForTimeout(400);
  expect(await inView(page, '#f-contactPhone')).toBe(true);
  await expect(page.locator('.me__notice').count()).resolves.toBe(0);
  // The whole form meets 长辈模式, its choice chips with their words in the middle (not at the top).
  expect(await measure(page, true)).toEqual([]);
  const offCentre = await page.locator('.reg__chip').evaluateAll((els) =>
    els.map((e) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      const [t, b] = [range.getBoundingClientRect(), e.getBoundingClientRect()];
      return Math.round(Math.abs(t.top + t.height / 2 - (b.top + b.height / 2)));
    }),
  );
  expect(offCentre.length).toBe(ORG_KINDS.length + DISTRICTS.length);
  expect(Math.max(...offCentre)).toBeLessThanOrEqual(2);
  const text = await pageText(page);
  expect(text).toContain('联系电话格式不正确');
  expect(text.match(/[A-Za-z]{3,}/g)).toBeNull();
  expect(await overflowsSideways(page)).toBe(false);
  expect(await rig.h.app.store.count('orgs', { creditCode: '91330000142916567N' })).toBe(0);

  // The API's own sentence names no internal key either (what any page shows as its summary).
  const { body } = await rig.h.call('orgs', 'register', { name: '杭州西溪律师事务所', creditCode: '91330000142916567N', kind: 'law-firm', district: '西湖区', contactName: '林晓', contactPhone: '1390571' }, await rig.h.citizen());
  expect(body.ok).toBe(false);
  expect((body as { error: { message: string } }).error.message).toBe('联系电话格式不正确，应为手机号或带区号的固定电话');
});

test('长辈模式: 我的申报 meets the sizes (text ≥ 18 px, targets ≥ 60 px), nothing wider than 390 px', async () => {
  await elder(page);
  await signIn(page, applicant.token);
  await page.goto(rig.h.url + '/#/packages/applicant/pages/declarations/index');
  await page.locator('.mine.lf .mine__item', { hasText: '企业合规法律体检' }).waitFor();
  await page.waitForTimeout(300);
  expect(await measure(page, true)).toEqual([]);
  const sizes = await page.locator('.mine__meta, .mine__status, .mine__call-dates, .mine__name').evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
  expect((await atButton(page, '新建申报').boundingBox())!.height).toBeGreaterThanOrEqual(60);
  expect(await overflowsSideways(page)).toBe(false);
});

test('the poster follows 长辈模式 and has a way home', async () => {
  await elder(page);
  await page.goto(rig.h.url + '/#/packages/promotion/pages/poster/index?id=p0001demo');
  await page.waitForFunction(() => {
    const el = document.querySelector('.poster__image img, img.poster__image') as HTMLImageElement | null;
    return !!el && el.complete && el.naturalWidth > 0;
  });
  await page.locator('.poster.lf').waitFor();
  expect(await measure(page, true)).toEqual([]);
  expect((await atButton(page, '打印海报').boundingBox())!.height).toBeGreaterThanOrEqual(60);
  expect(await overflowsSideways(page)).toBe(false);
  const home = page.locator('.poster .homelink__button');
  expect((await home.boundingBox())!.height).toBeGreaterThanOrEqual(60);
  await home.click();
  await page.locator('.catalogue .list .card').first().waitFor();
});

/** Each face label's lines, counted by the fragments of its text (a label that wraps has two). */
const labelLines = (p: Page) =>
  p.locator('.faces__label').evaluateAll((els) =>
    els.map((e) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      const box = e.getBoundingClientRect();
      return { text: (e.textContent ?? '').trim(), lines: tops.size, inside: box.left >= 0 && box.right <= 390 };
    }),
  );

test('the rating faces keep each label whole, in 长辈模式 and in the normal mode', async () => {
  const { token } = await rig.h.ok('ratings', 'issueToken', { productId: 'p0002demo', servedOn: '2026-03-09', channel: 'counter' }, ADMIN_TOKEN);
  await elder(page);
  await page.goto(`${rig.h.url}/#/pages/rate/index?t=${token}`);
  await page.locator('.rate.lf .faces__item').first().waitFor();
  const labels = await labelLines(page);
  expect(labels.map((l) => l.text)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
  for (const l of labels) expect(l).toEqual({ text: l.text, lines: 1, inside: true });
  expect(await measure(page, true)).toEqual([]);
  expect(await overflowsSideways(page)).toBe(false);

  const normal = await rig.newPhonePage();
  await normal.goto(`${rig.h.url}/#/pages/rate/index?t=${token}`);
  await normal.locator('.rate .faces__item').first().waitFor();
  for (const l of await labelLines(normal)) expect(l).toEqual({ text: l.text, lines: 1, inside: true });
  await normal.context().close();
});

/** The search field's placeholder: its width in the field's font against the room the field gives it. */
const placeholderFit = (p: Page) =>
  p.locator('.searchbox input').evaluate((input: HTMLInputElement) => {
    const s = getComputedStyle(input);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    let room = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    // The field's own padding (the icon's room) sits on Taro's wrapper when the input fills it.
    for (let el: HTMLElement | null = input; el && !el.classList.contains('searchbox__field'); el = el.parentElement) room = Math.min(room, el.clientWidth - parseFloat(getComputedStyle(el).paddingLeft) - parseFloat(getComputedStyle(el).paddingRight));
    const [box, field] = [input.getBoundingClientRect(), input.closest('.searchbox__field')!.getBoundingClientRect()];
    // How far the text's middle is from the field's (the text is centred in the native field).
    const offCentre = Math.round(Math.abs(box.top + box.height / 2 - (field.top + field.height / 2)));
    return { text: input.placeholder, width: Math.ceil(ctx.measureText(input.placeholder).width), room: Math.floor(room), fontSize: parseFloat(s.fontSize), offCentre };
  });

test('the home search box placeholder fits its field, in 长辈模式 and in the normal mode', async () => {
  await page.goto(rig.h.url + '/');
  await page.locator('.catalogue .searchbox input').waitFor();
  const normal = await placeholderFit(page);
  expect(normal.fontSize).toBeGreaterThanOrEqual(16);
  expect(normal.width).toBeLessThanOrEqual(normal.room);
  expect(normal.offCentre).toBeLessThanOrEqual(2);

  await page.locator('.elder-switch').click();
  await page.locator('.catalogue.lf').waitFor();
  const large = await placeholderFit(page);
  expect(large.fontSize).toBeGreaterThanOrEqual(18);
  expect(large.text).toMatch(/^搜/);
  expect(large.width).toBeLessThanOrEqual(large.room);
  expect(large.offCentre).toBeLessThanOrEqual(2);
  expect(await overflowsSideways(page)).toBe(false);
});

test('/favicon.ico is the site icon: 200, an image, and no page load asks for anything that is not there', async () => {
  const res = await fetch(`${rig.h.url}/favicon.ico`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^image\//);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.equals(fs.readFileSync(path.resolve(__dirname, '../../src/favicon.ico')))).toBe(true);
  // An ICO directory (reserved 0, type 1, one image) holding a 32×32 PNG.
  expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2), bytes.readUInt16LE(4), bytes[6], bytes[7]]).toEqual([0, 1, 1, 32, 32]);
  expect(bytes.subarray(22, 26).toString('latin1')).toBe('\x89PNG');

  const missing: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) missing.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  await page.goto(rig.h.url + '/');
  await page.locator('.catalogue .list .card').first().waitFor();
  await page.waitForTimeout(500);
  expect(missing).toEqual([]);
});
