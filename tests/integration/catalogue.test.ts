/** The catalogue slice through the HTTP server: search, filters, keyset paging, and the public product page. */
import { CATEGORIES, PURCHASE_METHODS } from '../../types/domain';
import type { ProductDoc, ProductListItem } from '../../types/product';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: true });
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

const allPages = (filters: Record<string, unknown> = {}, limit = 7) => h.searchAll(filters, limit);

test('the demo catalogue covers every category and purchase method, and lists newest first', async () => {
  const items = await allPages();
  expect(items.length).toBeGreaterThanOrEqual(30);
  expect(new Set(items.map((i) => i.category))).toEqual(new Set(CATEGORIES));
  expect(new Set(items.map((i) => i.purchaseMethod))).toEqual(new Set(PURCHASE_METHODS));
  expect(new Set(items.map((i) => i.district)).size).toBeGreaterThanOrEqual(10);
  const dates = items.map((i) => i.publishedOn);
  expect([...dates].sort().reverse()).toEqual(dates);
});

test('filters combine, and every result matches every filter', async () => {
  const mediationFree = await allPages({ category: 'mediation', purchaseMethod: 'free' });
  expect(mediationFree.length).toBeGreaterThan(0);
  for (const p of mediationFree) expect([p.category, p.purchaseMethod]).toEqual(['mediation', 'free']);
  const all = await allPages();
  expect(mediationFree.length).toBe(all.filter((p) => p.category === 'mediation' && p.purchaseMethod === 'free').length);

  const district = await allPages({ district: '西湖区' });
  expect(district.length).toBe(all.filter((p) => p.district === '西湖区').length);
  expect(await allPages({ district: '西湖区', category: 'legal-aid', purchaseMethod: 'standard-fee' })).toEqual([]);
});

test('a keyword finds substrings in the name, summary, provider and audience', async () => {
  const names = async (q: string) => (await allPages({ q })).map((p) => p.name);
  expect(await names('调解')).toEqual(expect.arrayContaining(['“老娘舅”人民调解上门服务', '物业纠纷专业调解']));
  expect(await names('劳动')).toContain('劳动争议法律援助快速通道'); // name
  expect(await names('拖欠工资')).toContain('农民工工资争议速裁调解'); // summary
  // Issue 24: one shared word finds a product (律师 is in many), the product holding all of them comes first.
  expect((await names('千岛湖律师事务所'))[0]).toBe('“一村一法律顾问”驻村服务'); // provider
  expect((await names('外籍人士'))[0]).toBe('涉外法律咨询'); // audience
  expect(await names('不存在的服务名称')).toEqual([]);
});

test('paging has no duplicates or gaps, even while products are added', async () => {
  const before = await allPages({}, 50);
  const seen: string[] = [];
  let page = await h.ok('catalogue', 'search', { limit: 5 });
  let added = 0;
  while (true) {
    seen.push(...page.items.map((i: ProductListItem) => i.productId));
    // A product published meanwhile (newest, so it sorts before the cursor) must not shift the pages.
    const spec = (await h.app.store.get<ProductDoc>('products', before[0].productId))!.spec;
    const id = `pnew${added++}`;
    await h.app.store.insert('products', { ...buildProductDoc({ ...spec, name: `新产品${added}` }, { productId: id, declarationId: null, orgId: null, documentNumber: '杭司〔2026〕99号', publishedOn: '2026-11-20' }) });
    if (!page.nextCursor) break;
    page = await h.ok('catalogue', 'search', { limit: 5, cursor: page.nextCursor });
  }
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen).toEqual(before.map((p) => p.productId));
});

test('an exited product is in no result and has no page', async () => {
  const [first] = (await h.ok('catalogue', 'search', { limit: 1 })).items;
  await h.app.store.update('products', first.productId, { status: 'exited' });
  try {
    const ids = (await allPages({}, 50)).map((p) => p.productId);
    expect(ids).not.toContain(first.productId);
    const res = await h.call('catalogue', 'get', { productId: first.productId });
    expect(res.status).toBe(404);
    expect(res.body.ok || res.body.error.message).toBe('没有找到这个产品，它可能已调整出目录');
  } finally {
    await h.app.store.update('products', first.productId, { status: 'listed' });
  }
});

test('the product page shows public fields and never the applicant’s internal ones', async () => {
  const p = await h.ok('catalogue', 'get', { productId: 'p0001demo' });
  expect(p).toMatchObject({
    productId: 'p0001demo',
    name: '“老娘舅”人民调解上门服务',
    category: 'mediation',
    purchaseMethod: 'free',
    provider: { name: '拱墅区和睦街道人民调解委员会', district: '拱墅区', phone: '0571-88012345' },
    documentNumber: expect.stringMatching(/^杭司〔\d{4}〕\d+号$/),
  });
  expect(p.details['content.audience']).toContain('老年人');
  expect(p.details['price']).toBe('免费');
  const text = JSON.stringify(p);
  const stored = (await h.app.store.get<ProductDoc>('products', 'p0001demo'))!;
  for (const secret of [stored.spec.cover.principal, stored.spec.cover.contactName, stored.spec.cover.contactPhone, stored.spec.evaluationMethod, stored.spec.management.qualityControl]) {
    expect(text).not.toContain(secret);
  }
  expect(text).not.toMatch(/orgId|declarationId|searchText|sortKey/);
});

test('an unknown product is NOT_FOUND; a bad id is INVALID_INPUT', async () => {
  expect((await h.call('catalogue', 'get', { productId: 'nope' })).status).toBe(404);
  const bad = await h.call('catalogue', 'get', { productId: '' });
  expect(bad.status).toBe(400);
  expect(bad.body.ok || bad.body.error.issues).toEqual([{ path: 'productId', message: '缺少产品编号' }]);
});

test('a second start over the same data keeps it and does not seed again', async () => {
  const { seedDemo } = await import('../../server/seedDemo');
  const count = await h.app.store.count('products');
  expect(await seedDemo(h.app.store)).toBe(0);
  expect(await h.app.store.count('products')).toBe(count);
});
