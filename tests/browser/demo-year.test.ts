/**
 * The demo year in the browser (README's quick tour), at 390×844, on the server `npm start` starts the first time: the
 * notices in publicity today and their comments, a provider's public page, last year's published assessment and this
 * year's published review results, and a demo sign-in at 我的 → 工作人员登录.
 */
import { COLLECTIONS } from '../../cloudfunctions/_lib/collections';
import type { OrgDoc } from '../../types/org';
import { shanghaiDate } from '../../types/time';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { STORY } from '../../server/demo/cast';
import { readAccounts } from '../../server/demo/seedYear';
import { COMMENTS_NOW, NEW_DECLARATIONS } from '../../server/demo/thisYear';
import { GRADE_LABELS } from '../../types/assessment';
import type { ProductDoc } from '../../types/product';
import { percentText, SATISFACTION_NAME } from '../../types/rating';
import { atButton, overflowsSideways, usePhoneRig } from './browser';

const rig = usePhoneRig({ demoYear: true });
const year = Number(shanghaiDate(new Date()).slice(0, 4));
const inPublicity = NEW_DECLARATIONS.filter((n) => n.stage === 'in-publicity');

test('公示: the notices in publicity today, each with its days left; one opened shows its comments', async () => {
  const { page } = rig;
  await page.goto(`${rig.h.url}/#/pages/publicity/index`);
  for (const n of inPublicity) await page.locator('.notice-card', { hasText: n.name }).locator('.notice-card__state', { hasText: '公示中，还剩' }).waitFor();
  const first = inPublicity[0];
  await page.locator('.notice-card', { hasText: first.name }).click();
  const comment = COMMENTS_NOW.find((c) => c.declaration === first.name)!;
  await page.getByText(comment.text).waitFor();
  expect(await overflowsSideways(page)).toBe(false);
});

test('首页: every card says its 满意率 with how many rated, and its latest grade, as the store holds them', async () => {
  const { page } = rig;
  await page.goto(`${rig.h.url}/#/pages/catalogue/index`);
  await page.locator('.list .card').first().waitFor();
  const cards = await page.locator('.list .card').evaluateAll((els) => els.map((el) => ({ name: el.querySelector('.card__name')?.textContent ?? '', standing: el.querySelector('.card__standing')?.textContent ?? '' })));
  expect(cards.length).toBeGreaterThanOrEqual(10);
  let both = 0;
  for (const c of cards) {
    const p = (await rig.h.app.store.find<ProductDoc>(COLLECTIONS.products, { where: { name: c.name }, limit: 1 }))[0];
    const rated = p.rating.count > 0 && p.rating.satisfactionRate !== null ? `${SATISFACTION_NAME} ${percentText(p.rating.satisfactionRate)}（${p.rating.count} 条评价）` : '';
    const graded = p.grade ? `${p.grade.year} 年度测评${GRADE_LABELS[p.grade.grade]}${p.grade.carriedFrom ? `（沿用 ${p.grade.carriedFrom} 年度）` : ''}` : '';
    expect({ name: c.name, standing: c.standing }).toEqual({ name: c.name, standing: [rated, graded].filter(Boolean).join(' · ') });
    if (rated && graded) both++;
  }
  // The demo year rated and graded most of them.
  expect(both).toBeGreaterThanOrEqual(cards.length / 2);
  expect(await overflowsSideways(page)).toBe(false);
});

test("a provider's public page: its products with last year's grade, and its commendation", async () => {
  const { page } = rig;
  const name = DEMO_PRODUCTS[STORY.demoApplicant].provider;
  const org = (await rig.h.app.store.find<OrgDoc>(COLLECTIONS.orgs, { where: { name }, limit: 1 }))[0];
  await page.goto(`${rig.h.url}/#/pages/provider/index?id=${org._id}`);
  await page.locator('.sv__name', { hasText: name }).waitFor();
  const product = page.locator('.provider__product', { hasText: DEMO_PRODUCTS[STORY.demoApplicant].name });
  await product.getByText(new RegExp(`^${year - 1} 年度测评：(优秀|良好|合格|不合格)（`)).waitFor();
  await page.locator('.sv__badge--positive', { hasText: '表彰' }).waitFor();
  expect(await overflowsSideways(page)).toBe(false);
});

test("last year's published assessment, with its 不合格 product; this year's published review results", async () => {
  const { page } = rig;
  await page.goto(`${rig.h.url}/#/packages/assessment/pages/results/index?year=${year - 1}`);
  await page.getByText(`${year - 1} 年度共 ${DEMO_PRODUCTS.length} 项服务`).waitFor();
  await page.locator('.results__item', { hasText: DEMO_PRODUCTS[STORY.failing].name }).locator('.results__grade--fail').waitFor();
  await page.goto(`${rig.h.url}/#/pages/call/index`);
  for (const n of NEW_DECLARATIONS.filter((x) => x.stage === 'published')) await page.getByText(n.name).first().waitFor();
  expect(await overflowsSideways(page)).toBe(false);
});

test('a demo sign-in: the applicant signs in with its token behind 工作人员登录 and finds its declarations', async () => {
  const { page } = rig;
  const applicant = readAccounts(rig.h.dataDir).find((a) => a.role === '申报单位')!;
  await page.goto(`${rig.h.url}/#/pages/me/index`);
  await page.getByText('工作人员登录').click();
  await page.locator('.me__input input').nth(1).fill(applicant.token);
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll('.me__staff .at-button')].find((x) => x.textContent?.trim() === '登录');
    return !!b && !b.className.includes('disabled') && !b.hasAttribute('disabled');
  });
  await atButton(page, '登录').click();
  await page.getByText(`已以申报单位身份登录（${applicant.who}）`).waitFor();
  await atButton(page, '我的申报').click();
  await page.getByText(inPublicity.find((n) => n.provider === applicant.who)!.name).waitFor();
});
