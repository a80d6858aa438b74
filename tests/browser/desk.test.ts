/**
 * Issue 22, "Done when": at 1280×800 a staff person works through a call of 34 declarations at the bureau's desk —
 * the side navigation, sorting by a header, a filter kept in the address over a reload, search-as-you-type, keyboard
 * movement between rows, a bulk panel draw (one record refused, the rest done, the refused kept selected), a bulk
 * publicity start, and the to-do list — each checked against the store; the same pages at 390×844 are the phone pages
 * (cards, no table, nothing sideways); axe finds no serious or critical violation on the desk pages at either width.
 * A product is exited by searching its name (no wheel), confirmed by its provider and standing.
 * Screenshots go to DESK_SHOTS when set (docs/desk.png was taken that way).
 */
import fs from 'fs';
import path from 'path';
import type { AxeResults } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { ADMIN_TOKEN } from '../support/harness';
import { deskScene, proposed, type Expert } from '../support/reviewSteps';
import { overflowsSideways, PHONE, signIn, usePhoneRig } from './browser';
import { measure } from './elderMeasure';

const DESK = { width: 1280, height: 800 };
const SHOTS = process.env.DESK_SHOTS;
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const rig = usePhoneRig({ page: false, beforeClose: async () => context?.close() });
let context: BrowserContext;
let page: Page;
let experts: Expert[];
/** Every declaration of the call: 32 submitted (four organisations) and 2 proposed. */
let submittedIds: string[];
let proposedIds: string[];
let conflicted: string;
const conflictedIds: string[] = [];

const ADMIN = '/#/packages/admin/pages';
const rowsShown = () => page.locator('.dt__table tbody tr');
const names = () => page.locator('.dt__table tbody tr td:nth-child(2)').allInnerTexts();
/** The visible page's text settled: nothing loading. */
const settled = () => page.waitForFunction(() => !document.querySelector('.taro_page:not([style*="display: none"]) .state--loading'));
const shot = async (name: string) => SHOTS && page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

async function axe(): Promise<{ id: string; impact: string; where: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(() => (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<unknown> } }).axe.run(document, { resultTypes: ['violations'] }))) as AxeResults;
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact!, where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

beforeAll(async () => {
  const h = rig.h;
  let first: { token: string; orgId: string };
  ({ applicant: first, experts } = await deskScene(h, '杭州西湖律师事务所', '2026-03-10'));
  const applicants = [first, await h.applicant('杭州钱江律师事务所'), await h.applicant('拱墅区法律援助中心'), await h.applicant('杭州市上城区人民调解协会')];
  // One expert declared a conflict with the fourth organisation: its 8 declarations have 4 eligible experts, not 5.
  await h.ok('reviews', 'declareConflict', { expertId: experts[0].expertId, orgId: applicants[3].orgId, reason: '该专家在此单位兼职' }, ADMIN_TOKEN);
  conflicted = applicants[3].orgId;
  submittedIds = [];
  for (let i = 0; i < 32; i++) {
    const p = DEMO_PRODUCTS[i % DEMO_PRODUCTS.length];
    const spec = { ...demoSpec(p, i), name: `${p.name}（第${i + 1}号）`.slice(0, 40) };
    const { declarationId } = await h.ok('declarations', 'saveDraft', { spec }, applicants[i % 4].token);
    await h.ok('declarations', 'submit', { declarationId }, applicants[i % 4].token);
    submittedIds.push(declarationId);
    if (applicants[i % 4].orgId === conflicted) conflictedIds.push(declarationId);
  }
  proposedIds = [await proposed(h, first.token, 1, experts), await proposed(h, first.token, 2, experts)];
  context = await rig.browser.newContext({ viewport: DESK, deviceScaleFactor: 1, locale: 'zh-CN', reducedMotion: 'reduce' });
  page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await signIn(page, ADMIN_TOKEN);
}, 120_000);

test('the desk home is the to-do list: grouped by kind with counts and working-day deadlines, as admin.todo says', async () => {
  const todo = await rig.h.ok('admin', 'todo', {}, ADMIN_TOKEN);
  expect(todo.counts.awaitingPanel).toBe(32);
  await page.goto(`${rig.h.url}${ADMIN}/todo/index`);
  const group = page.locator('.todo__group', { hasText: '待抽取评审组' });
  await group.locator('.todo__title', { hasText: '待抽取评审组（32）' }).waitFor();
  // The first eight, then the rest on request.
  await expect(group.locator('.todo__item').count()).resolves.toBe(8);
  await group.getByRole('button', { name: '显示其余 24 项' }).click();
  await expect(group.locator('.todo__item').count()).resolves.toBe(32);
  // Every item carries its deadline in working days, the way the server counted it.
  const item = todo.items.find((i: { kind: string }) => i.kind === 'awaitingPanel');
  await group.locator('.todo__item', { hasText: item.title }).locator('.todo__due', { hasText: `还剩 ${item.workingDaysLeft} 个工作日（${item.dueOn}）` }).waitFor();
  // The frame: a navigation landmark with every stage, the identity in the header.
  const nav = page.getByRole('navigation', { name: '工作台导航' });
  for (const stage of ['申报', '评审', '公示', '公布', '测评', '监管与调整', '数据与设置']) await nav.getByRole('heading', { name: stage, exact: true }).waitFor();
  await expect(nav.getByRole('link', { name: '待办' }).getAttribute('aria-current')).resolves.toBe('page');
  await page.locator('.deskshell__role', { hasText: '市司法局' }).waitFor();
  expect(await overflowsSideways(page)).toBe(false);
  await shot('desk-home-1280');
  expect(await axe()).toEqual([]);
  // An item opens its record.
  await group.locator('.todo__item', { hasText: item.title }).click();
  await page.waitForURL(new RegExp(`declaration/index\\?id=${item.recordId}`));
  await page.locator('.deskshell__title', { hasText: item.title }).waitFor();
});

test('one click from the navigation to 申报管理: a dense table, sortable by its headers', async () => {
  await page.goto(`${rig.h.url}${ADMIN}/todo/index`);
  await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '申报管理' }).click();
  await page.waitForURL(/declarations\/index/);
  await page.locator('.dt__count', { hasText: '共 34 份' }).waitFor();
  // Moving between desk pages keeps a phone's root font size (the page left must not undo the one shown).
  await expect(page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).resolves.toBe('20px');
  // At least 10 rows on the first screen.
  const onScreen = await rowsShown().evaluateAll((rows) => rows.filter((r) => r.getBoundingClientRect().bottom <= window.innerHeight).length);
  expect(onScreen).toBeGreaterThanOrEqual(10);
  await expect(page.getByRole('table').count()).resolves.toBe(1);
  await shot('desk-declarations-1280');

  // Sorting by 申报单位: ascending, then descending, each as the browser's own collation orders the store's names.
  const header = page.getByRole('columnheader', { name: /申报单位/ });
  await expect(header.getAttribute('aria-sort')).resolves.toBe('none');
  await header.getByRole('button').click();
  await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
  const all = (await rig.h.ok('declarations', 'listAll', { limit: 100 }, ADMIN_TOKEN)).items as { applicantName: string }[];
  const collate = await page.evaluate((list) => [...list].sort(new Intl.Collator('zh-Hans-CN', { numeric: true }).compare), all.map((d) => d.applicantName));
  const applicantColumn = () => page.locator('.dt__table tbody tr td:nth-child(3)').allInnerTexts();
  expect(await applicantColumn()).toEqual(collate);
  await header.getByRole('button').click();
  await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
  expect(await applicantColumn()).toEqual([...collate].reverse());
  expect(page.url()).toMatch(/sort=applicant&dir=desc/);
});

test('filters and search live in the address: a reload reopens the same view', async () => {
  await page.goto(`${rig.h.url}${ADMIN}/declarations/index`);
  await page.locator('.dt__count', { hasText: '共 34 份' }).waitFor();
  await page.getByLabel('状态').selectOption('proposed');
  await page.locator('.dt__count', { hasText: '共 2 份' }).waitFor();
  expect(page.url()).toMatch(/status=proposed/);
  await page.reload();
  await page.locator('.dt__count', { hasText: '共 2 份' }).waitFor();
  await expect(page.getByLabel('状态').inputValue()).resolves.toBe('proposed');
  const shown = await names();
  const stored = await Promise.all(proposedIds.map((id) => rig.h.ok('declarations', 'get', { declarationId: id }, ADMIN_TOKEN)));
  expect(shown.sort()).toEqual(stored.map((d: { name: string }) => d.name).sort());
  // The navigation knows this view: 待公示（拟定）.
  await expect(page.getByRole('link', { name: '待公示（拟定）' }).getAttribute('aria-current')).resolves.toBe('page');

  // Search as you type, also kept over a reload.
  await page.getByLabel('状态').selectOption('');
  await page.locator('.dt__count', { hasText: '共 34 份' }).waitFor();
  const target = DEMO_PRODUCTS[3].name;
  await page.getByLabel('在申报中搜索').fill(target.slice(0, 4));
  const expected = (await rig.h.ok('declarations', 'listAll', { limit: 100 }, ADMIN_TOKEN)).items.filter((d: { name: string; applicantName: string }) => `${d.name} ${d.applicantName}`.toLowerCase().includes(target.slice(0, 4).toLowerCase())).length;
  await page.locator('.dt__count', { hasText: `筛选出 ${expected} 份，共 34 份` }).waitFor();
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(34);
  await page.reload();
  await page.locator('.dt__count', { hasText: `筛选出 ${expected} 份，共 34 份` }).waitFor();
  await expect(page.getByLabel('在申报中搜索').inputValue()).resolves.toBe(target.slice(0, 4));
});

test('the keyboard: rows are reached by Tab and moved with j/k; Enter opens the declaration beside the list', async () => {
  await page.goto(`${rig.h.url}${ADMIN}/declarations/index?sort=name`);
  await page.locator('.dt__count', { hasText: '共 34 份' }).waitFor();
  await page.locator('.dt__table tbody tr').first().focus();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  const focused = await page.evaluate(() => [...document.querySelectorAll('.dt__table tbody tr')].indexOf(document.activeElement as HTMLTableRowElement));
  expect(focused).toBe(1);
  const name = (await names())[1];
  await page.keyboard.press('Enter');
  const beside = page.getByRole('complementary', { name: '所选申报' });
  await beside.locator('.admin__name', { hasText: name }).waitFor();
  expect(page.url()).toMatch(/open=/);
  // The actions sit in the panel beside, not at the foot of a long page.
  const box = (await beside.locator('.at-button', { hasText: '要求补充材料' }).boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(DESK.height * 2);
  await shot('desk-declarations-open-1280');
  await beside.getByRole('button', { name: '关闭所选申报' }).click();
  await expect(beside.count()).resolves.toBe(0);
});

test('长辈模式 at the desk: the switch in the header, 20 px text in the table, and back', async () => {
  await page.goto(`${rig.h.url}${ADMIN}/declarations/index`);
  await page.locator('.dt__count', { hasText: '共 34 份' }).waitFor();
  const sizes = () => page.locator('.dt__table td, .dt__table th, .deskshell__link').evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
  expect(Math.min(...(await sizes()))).toBeGreaterThanOrEqual(13);
  await page.getByRole('switch', { name: /长辈模式/ }).click();
  await page.locator('.deskshell.lf').waitFor();
  expect(Math.min(...(await sizes()))).toBeGreaterThanOrEqual(18);
  const rowHeight = await page.locator('.dt__table tbody tr').first().evaluate((r) => r.getBoundingClientRect().height);
  expect(rowHeight).toBeGreaterThanOrEqual(60);
  await page.getByRole('switch', { name: /长辈模式/ }).click();
  await page.locator('.deskshell:not(.lf)').waitFor();
});

test('bulk panel draw: says what it will do, asks once, reports per record; the refused stay listed and selected', async () => {
  await page.goto(`${rig.h.url}${ADMIN}/declarations/index?status=submitted`);
  await page.locator('.dt__count', { hasText: '共 32 份' }).waitFor();
  // Meanwhile someone drew a panel for one of them: the view is now stale for that record.
  const stale = submittedIds[5];
  await rig.h.ok('reviews', 'drawPanel', { declarationId: stale, size: 5 }, ADMIN_TOKEN);
  await page.getByLabel('选择本页全部').check();
  await page.locator('.dt__bar', { hasText: '已选 32 项' }).waitFor();
  await page.locator('.dt__bar').getByRole('button', { name: '抽取评审组' }).click();
  const dialog = page.getByRole('dialog', { name: '抽取评审组' });
  await dialog.getByText('将为 32 份申报各随机抽取 5 位评审专家组成评审组', { exact: false }).waitFor();
  // Esc closes it without doing anything.
  await page.keyboard.press('Escape');
  await expect(dialog.count()).resolves.toBe(0);
  expect(await rig.h.app.store.count('panels', {})).toBe(3);
  await page.locator('.dt__bar').getByRole('button', { name: '抽取评审组' }).click();
  await dialog.getByRole('button', { name: '抽取评审组（32 项）' }).click();
  // 8 of the conflicted organisation (4 eligible experts) and the stale one are refused, each with its reason.
  await dialog.getByText('完成 23 项，未能办理 9 项（仍保持选中）').waitFor();
  await expect(dialog.locator('.bulk__outcome--done').count()).resolves.toBe(23);
  // Each done draw names whom it chose.
  await expect(dialog.locator('.bulk__outcome--done', { hasText: /已完成：评审组 \S+、\S+/ }).count()).resolves.toBe(23);
  await expect(dialog.locator('.bulk__outcome--refused', { hasText: '可参加评审的专家只有 4 位，不足 5 位' }).count()).resolves.toBe(8);
  await expect(dialog.locator('.bulk__outcome--refused', { hasText: '这份申报已经抽取过评审组' }).count()).resolves.toBe(1);
  await shot('desk-bulk-report-1280');
  await dialog.getByRole('button', { name: '关闭' }).click();
  // The store: a panel for every declaration but the conflicted organisation's, each drawn once.
  for (const id of submittedIds) expect({ id, panel: !!(await rig.h.app.store.get('panels', id)) }).toEqual({ id, panel: !conflictedIds.includes(id) });
  expect(await rig.h.app.store.count('panels', {})).toBe(2 + 1 + 23);
  expect(await rig.h.app.store.count('declarations', { status: 'in-review' })).toBe(24);
  // The list is read again: the 8 refused are still 已提交, listed and selected.
  await page.locator('.dt__count', { hasText: '共 8 份' }).waitFor();
  await page.locator('.dt__bar', { hasText: '已选 8 项' }).waitFor();
  await expect(page.locator('.dt__row--picked').count()).resolves.toBe(8);
  // One of them opened beside the list, the selection kept: the README's picture.
  await page.locator('.dt__table tbody tr').first().locator('td').nth(1).click();
  await page.getByRole('complementary', { name: '所选申报' }).locator('.admin__name').waitFor();
  await page.locator('.dt__bar', { hasText: '已选 8 项' }).waitFor();
  await shot('desk-readme-1280');
});

test('bulk publicity start for the proposed, each checked in the store', async () => {
  await page.goto(`${rig.h.url}${ADMIN}/declarations/index?status=proposed`);
  await page.locator('.dt__count', { hasText: '共 2 份' }).waitFor();
  await page.getByLabel('选择本页全部').check();
  await page.locator('.dt__bar').getByRole('button', { name: '开始公示' }).click();
  const dialog = page.getByRole('dialog', { name: '开始公示' });
  await dialog.getByLabel('公示开始日期').fill('2026-03-16');
  await dialog.getByText('将对 2 个拟定产品开始公示：自 2026-03-16 起 7 个工作日', { exact: false }).waitFor();
  await dialog.getByRole('button', { name: '开始公示（2 项）' }).click();
  await dialog.getByText('完成 2 项').waitFor();
  await dialog.getByRole('button', { name: '关闭' }).click();
  for (const id of proposedIds) {
    expect((await rig.h.ok('declarations', 'get', { declarationId: id }, ADMIN_TOKEN)).status).toBe('in-publicity');
    expect(await rig.h.app.store.get('publicity', id)).toMatchObject({ status: 'open', windows: [{ startsOn: '2026-03-16', endsOn: '2026-03-24', workingDays: 7 }] });
  }
  // The to-do list follows the store: no declaration waits for a panel any more.
  await page.getByRole('navigation', { name: '工作台导航' }).getByRole('link', { name: '待办' }).click();
  await page.locator('.todo__summary').waitFor();
  await page.locator('.todo__title', { hasText: '待抽取评审组（8）' }).waitFor();
  expect((await rig.h.ok('admin', 'todo', {}, ADMIN_TOKEN)).counts.awaitingPanel).toBe(8);
});

test('assigning products to an assessing organisation picked by its name (never by an id)', async () => {
  const h = rig.h;
  await h.ok('assessments', 'open', { year: 2026, title: '2026 年度产品测评', startsOn: '2026-01-01', endsOn: '2026-12-31' }, ADMIN_TOKEN);
  const { orgId } = await h.ok('admin', 'createInvite', { role: 'assessor', orgName: '浙江公评社会评价中心' }, ADMIN_TOKEN);
  await h.ok('admin', 'createInvite', { role: 'assessor', orgName: '杭州民意调查研究所' }, ADMIN_TOKEN);
  await page.goto(`${h.url}${ADMIN}/assessment/index`);
  await page.locator('.dt__count').waitFor();
  const chosen = (await names()).slice(0, 3);
  for (const name of chosen) await page.locator('.dt__table tbody tr', { hasText: name }).getByRole('checkbox').check();
  await page.locator('.dt__bar').getByRole('button', { name: '分配给测评机构' }).click();
  const dialog = page.getByRole('dialog', { name: '分配给测评机构' });
  await dialog.getByRole('combobox').fill('公评');
  await dialog.getByRole('option', { name: /浙江公评社会评价中心/ }).click();
  await dialog.getByText('将把 3 个产品分配给浙江公评社会评价中心', { exact: false }).waitFor();
  await dialog.getByRole('button', { name: '分配（3 项）' }).click();
  await dialog.getByText('完成 3 项').waitFor();
  await dialog.getByRole('button', { name: '关闭' }).click();
  const rows = (await h.ok('assessments', 'progress', { year: 2026 }, ADMIN_TOKEN)).rows as { name: string; assessorOrgIds: string[] }[];
  expect(rows.filter((r) => r.assessorOrgIds.includes(orgId)).map((r) => r.name).sort()).toEqual([...chosen].sort());
});

test('exiting a product: found by a few characters of its name, confirmed by its provider and standing, never a wheel', async () => {
  // The exit date is today's (the page's date field starts there): the server's clock must agree.
  await rig.h.ok('admin', 'setClock', { now: null }, ADMIN_TOKEN);
  await page.goto(`${rig.h.url}/#/packages/supervision/pages/exit/index`);
  const field = page.getByRole('combobox', { name: '产品', exact: true });
  await field.fill('老娘舅');
  const options = page.getByRole('listbox', { name: /产品：找到/ }).getByRole('option');
  await options.first().waitFor();
  const product = (await rig.h.ok('catalogue', 'search', { q: '老娘舅', limit: 5 })).items[0];
  await options.filter({ hasText: product.name }).first().click();
  await page.locator('.pick--chosen', { hasText: `${product.providerName} · ${product.district} · 在目录中` }).waitFor();
  await page.getByRole('button', { name: '确认是这个产品，加入退出名单' }).click();
  await page.getByRole('list', { name: '退出名单' }).locator('.svp__text', { hasText: product.name }).waitFor();
  await expect(page.locator('taro-picker-core').filter({ hasText: '请选择产品' }).count()).resolves.toBe(0);
  await page.locator('.admin__field', { hasText: '文号' }).locator('input').fill('杭司〔2026〕88号');
  await page.locator('.admin__field', { hasText: '退出理由' }).locator('textarea').fill('年度测评不合格');
  const exitButton = page.locator('.at-button', { hasText: /^\s*退出目录\s*$/ });
  await exitButton.click();
  const asked = page.getByText(`“${product.name}”（${product.providerName}`, { exact: false });
  await asked.waitFor();
  // The confirmation answers the keyboard: Esc cancels (nothing happens), Enter on its focused button confirms.
  await page.keyboard.press('Escape');
  await asked.waitFor({ state: 'hidden' });
  expect(await rig.h.app.store.get('products', product.productId)).toMatchObject({ status: 'listed' });
  await exitButton.click();
  await asked.waitFor();
  await page.waitForFunction(() => !!document.activeElement?.closest('#dialog-host') && document.activeElement.classList.contains('at-button--primary'));
  await page.keyboard.press('Enter');
  await page.getByText(/已退出目录（目录第 \d+ 版）/).waitFor();
  expect(await rig.h.app.store.get('products', product.productId)).toMatchObject({ status: 'exited', exit: { documentNumber: '杭司〔2026〕88号' } });
  expect(await rig.h.app.store.count('products', { status: 'exited' })).toBe(1);
});

test('the same desk pages at 390×844 are the phone pages: cards, no table, nothing sideways, no serious axe finding', async () => {
  await page.goto(`${rig.h.url}${ADMIN}/declarations/index`);
  await page.locator('.dt__count').waitFor();
  expect(await axe()).toEqual([]);
  await page.setViewportSize(PHONE);
  try {
    await page.locator('.admin__card .admin__name').first().waitFor();
    await expect(page.locator('table').count()).resolves.toBe(0);
    await expect(page.locator('.deskshell').count()).resolves.toBe(0);
    // The page is the main landmark again, and the root font size a phone's own.
    await page.locator('.taro_page:visible[role=main]').waitFor();
    await expect(page.evaluate(() => document.documentElement.classList.contains('deskmode'))).resolves.toBe(false);
    expect(await overflowsSideways(page)).toBe(false);
    await settled();
    expect(await axe()).toEqual([]);
    await shot('phone-declarations-390');
    // The searchable select at a phone's width: what matches is listed as targets a finger can hit.
    await page.goto(`${rig.h.url}/#/packages/supervision/pages/exit/index`);
    await page.getByRole('combobox', { name: '产品', exact: true }).fill('调解');
    await page.getByRole('option').first().waitFor();
    expect((await measure(page, false)).filter((f) => f.what.startsWith('target'))).toEqual([]);
    expect(await overflowsSideways(page)).toBe(false);
    await page.goto(`${rig.h.url}${ADMIN}/todo/index`);
    await page.locator('.todo__summary').waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    expect(await axe()).toEqual([]);
    await shot('phone-home-390');
    await page.goto(`${rig.h.url}${ADMIN}/declaration/index?id=${proposedIds[0]}`);
    await page.locator('.specview__title').first().waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    expect(await axe()).toEqual([]);
    await shot('phone-declaration-390');
  } finally {
    await page.setViewportSize(DESK);
  }
  await page.goto(`${rig.h.url}${ADMIN}/declaration/index?id=${proposedIds[0]}`);
  await page.getByRole('complementary', { name: '办理这份申报' }).waitFor();
  await settled();
  expect(await axe()).toEqual([]);
  await shot('desk-declaration-1280');
});
