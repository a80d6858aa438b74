/**
 * 长辈模式 on every subpackage page (issue 24, item 6), at 390×844, signed in as the person the page is for — a
 * citizen, a provider, an expert, the bureau's staff, an assessor, a purchaser — measured as elder.test.ts measures the
 * main package (tests/browser/elderMeasure.ts: text ≥ 18 px, titles and main actions ≥ 30 px, targets ≥ 60×60 px as
 * minimum sizes, contrast, line height), and with a confirmation open (components/Dialog.tsx: askConfirm) on a tab
 * page and on a back-office page. The pages come from src/app.config.ts: a page added later must be given its person
 * here, or this test fails.
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { addExperts, FIVE_ORGANISATIONS } from '../support/experts';
import { ADMIN_TOKEN } from '../support/harness';
import { atButton, confirmation, dialogButton, overflowsSideways, signIn, usePhoneRig } from './browser';
import { measure, openSettled, type Finding } from './elderMeasure';

const rig = usePhoneRig({ page: false });

/** Every subpackage page of the app, as `packages/<root>/pages/<name>/index`. */
const SUB_PAGES: string[] = [...fs.readFileSync(path.resolve(__dirname, '../../src/app.config.ts'), 'utf8').matchAll(/root: '([^']+)', pages: \[([^\]]*)\]/g)].flatMap(([, root, pages]) =>
  [...pages.matchAll(/'([^']+)'/g)].map(([, p]) => `${root}/${p}`),
);

type Person = 'citizen' | 'provider' | 'expert' | 'staff' | 'assessor' | 'purchaser';
/** Who reaches each page (by its package, then by the page where a package serves more than one person). */
const BY_ROOT: Record<string, Person> = {
  'packages/account': 'citizen',
  'packages/promotion': 'citizen',
  'packages/applicant': 'provider',
  'packages/admin': 'staff',
  'packages/expert': 'expert',
  'packages/assessment': 'provider',
  'packages/assessor': 'assessor',
  'packages/supervision': 'staff',
  'packages/purchaser': 'purchaser',
};
const BY_PAGE: Record<string, Person> = { 'packages/supervision/pages/mine/index': 'provider' };
const personOf = (p: string): Person | undefined => BY_PAGE[p] ?? BY_ROOT[Object.keys(BY_ROOT).find((r) => p.startsWith(`${r}/`)) ?? ''];

const tokens = {} as Record<Person, string>;
let declarationId: string;
let draftId: string;

const query = (p: string): string =>
  ({
    'packages/promotion/pages/poster/index': '?id=p0001demo',
    'packages/applicant/pages/form/index': `?id=${draftId}`,
    'packages/admin/pages/declaration/index': `?id=${declarationId}`,
    'packages/expert/pages/score/index': `?id=${declarationId}`,
  })[p] ?? '';

/** What shows that a page holding the scene's records has drawn them (measured with them, not before). */
const SHOWS: Record<string, string> = {
  'packages/account/pages/cases/index': '.cases__card',
  'packages/applicant/pages/declarations/index': '.mine__item',
  'packages/expert/pages/assignments/index': '.expert__card',
  'packages/expert/pages/score/index': '.bands__band',
};

beforeAll(async () => {
  const { h } = rig;
  await h.ok('admin', 'setClock', { now: '2026-03-10T09:00:00+08:00' }, ADMIN_TOKEN);
  await h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度公共法律服务产品申报公告', opensOn: '2026-03-01', closesOn: '2026-03-31' }, ADMIN_TOKEN);
  const provider = await h.applicant('杭州钱江律师事务所');
  const experts = await addExperts(h, FIVE_ORGANISATIONS);
  // One declaration in review (the expert's task and score sheet, the bureau's record), one draft (the provider's form).
  ({ declarationId } = await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[2], 2) }, provider.token));
  await h.ok('declarations', 'submit', { declarationId }, provider.token);
  await h.ok('reviews', 'drawPanel', { declarationId, size: 5 }, ADMIN_TOKEN);
  ({ declarationId: draftId } = await h.ok('declarations', 'saveDraft', { spec: { name: '企业合规法律体检' } }, provider.token));
  // A citizen with a bad rating's case (their cases page, their messages).
  const citizen = await h.citizen();
  const { token } = await h.ok('ratings', 'issueToken', { productId: 'p0002demo', servedOn: '2026-03-09', channel: 'counter' }, ADMIN_TOKEN);
  await h.ok('ratings', 'rate', { token, level: 1, text: '等了很久才有人接待' }, citizen);
  const bind = async (role: 'assessor' | 'purchaser', orgName: string, extra: Record<string, string> = {}) => {
    const invite = await h.ok('admin', 'createInvite', { role, orgName, ...extra }, ADMIN_TOKEN);
    const t = await h.citizen();
    await h.ok('auth', 'redeemInvite', { code: invite.inviteCode }, t);
    return t;
  };
  Object.assign(tokens, {
    citizen,
    provider: provider.token,
    expert: experts[0].token,
    staff: ADMIN_TOKEN,
    assessor: await bind('assessor', '浙江公评社会评价中心'),
    purchaser: await bind('purchaser', '杭州市上城区湖滨街道办事处', { unitKind: 'sub-district-office' }),
  });
}, 120_000);

const inFlight = new WeakMap<Page, Set<unknown>>();
/** Until the page's requests have all been answered for a moment: a page's second read (its list, its rubric) is drawn. */
async function quiet(p: Page): Promise<void> {
  const open = inFlight.get(p)!;
  for (let calm = 0; calm < 4; ) {
    await p.waitForTimeout(100);
    calm = open.size ? 0 : calm + 1;
  }
  await p.waitForFunction(() => ![...document.querySelectorAll('.taro_page')].some((x) => (x as HTMLElement).offsetParent !== null && x.querySelector('.state--loading')));
}

/** A phone page in 长辈模式, signed in as the person. */
async function elderPage(who: Person): Promise<Page> {
  const p = await rig.newPhonePage();
  const open = new Set<unknown>();
  inFlight.set(p, open);
  p.on('request', (r) => open.add(r));
  p.on('requestfinished', (r) => open.delete(r));
  p.on('requestfailed', (r) => open.delete(r));
  await p.addInitScript(() => localStorage.setItem('hzlp.largeFont', JSON.stringify({ data: true })));
  await signIn(p, tokens[who]);
  return p;
}

test('every subpackage page has its person', () => {
  expect(SUB_PAGES.length).toBeGreaterThan(30);
  expect(SUB_PAGES.filter((p) => !personOf(p))).toEqual([]);
});

test('长辈模式: every subpackage page meets the sizes, spacing and contrast, signed in as its person', async () => {
  const problems: Record<string, Finding[]> = {};
  const sideways: string[] = [];
  for (const who of Object.keys(tokens) as Person[]) {
    const p = await elderPage(who);
    try {
      for (const page of SUB_PAGES.filter((x) => personOf(x) === who)) {
        await openSettled(p, `${rig.h.url}/#/${page}${query(page)}`);
        await quiet(p);
        if (SHOWS[page]) await p.locator(`.taro_page:visible ${SHOWS[page]}`).first().waitFor();
        // The page itself follows the switch (its own class or the frame's), not only the elements it happens to hold.
        if ((await p.locator('.taro_page:visible .lf').count()) === 0) problems[page] = [{ what: 'no 长辈模式', text: '', value: '' }];
        // A subpackage page's way back may be the platform's own (WeChat's navigation bar): words are still required.
        const found = await measure(p, true, { wayOn: false }).catch(async () => [{ what: 'no words', text: (await p.locator('.taro_page:visible').innerText()).slice(0, 300), value: '' }]);
        if (found.length) problems[page] = [...(problems[page] ?? []), ...found];
        if (await overflowsSideways(p)) sideways.push(page);
      }
    } finally {
      await p.context().close();
    }
  }
  expect(problems).toEqual({});
  expect(sideways).toEqual([]);
}, 300_000);

test('长辈模式: a confirmation is drawn in the page at the elder sizes, on 我的 and on a back-office page', async () => {
  const p = await elderPage('citizen');
  try {
    await openSettled(p, `${rig.h.url}/#/pages/me/index`);
    await atButton(p, '退出登录').click();
    await confirmation(p).waitFor();
    await expect(confirmation(p).getAttribute('role')).resolves.toBe('dialog');
    expect(await measure(p, true)).toEqual([]);
    const title = await confirmation(p).locator('.dialog__title').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(title).toBeGreaterThanOrEqual(30);
    for (const b of await confirmation(p).locator('.at-button').all()) expect((await b.boundingBox())!.height).toBeGreaterThanOrEqual(60);
    // Taro's own modal (drawn by the platform at its size) never opens.
    await expect(p.locator('.taro__modal, .taro-modal__foot, .taro-model__btn').filter({ visible: true }).count()).resolves.toBe(0);
    await dialogButton(p, '不退出').click();
    await confirmation(p).waitFor({ state: 'hidden' });
  } finally {
    await p.context().close();
  }

  const expert = await elderPage('expert');
  try {
    await openSettled(expert, `${rig.h.url}/#/packages/expert/pages/score/index?id=${declarationId}`);
    await atButton(expert, '提交评分').click();
    await confirmation(expert).getByText('提交后不能修改，确认提交吗？', { exact: false }).waitFor();
    expect(await measure(expert, true)).toEqual([]);
    await dialogButton(expert, '再看看').click();
    await confirmation(expert).waitFor({ state: 'hidden' });
    expect(await overflowsSideways(expert)).toBe(false);
  } finally {
    await expert.context().close();
  }
});
