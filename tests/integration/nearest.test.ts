/**
 * Issue 24, nearest first: `catalogue.search { near, sort: 'distance' }` lists the catalogue by distance from the
 * citizen's point (or a district's centre), with the distance on each item, paged without gaps or repeats; a product
 * without coordinates counts from its district's centre and says so; and the point is never stored — not in the
 * database, not in its journal, not anywhere in the data folder.
 */
import fs from 'fs';
import path from 'path';
import type { ProductDoc, ProductListItem } from '../../types/product';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { DISTRICT_CENTRES, distanceKm, type Point } from '../../types/geo';
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import { COLLECTIONS } from '../../cloudfunctions/_lib/collections';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
/** Where each demo product is, by name (the test's own copy of the data, not the server's answer). */
const placeOf = new Map(DEMO_PRODUCTS.map((p) => [p.name, { latitude: p.latitude!, longitude: p.longitude! }]));
const km = (a: Point, b: Point) => distanceKm(a, b);
/** Distances as the server rounds them (to the metre). */
const sameKm = (a: number, b: number) => Math.abs(a - b) < 0.0015;

beforeAll(async () => {
  h = await startHarness({ seed: true });
  // One product declared without coordinates, in 淳安县.
  const template = (await h.app.store.get<ProductDoc>('products', 'p0006demo'))!;
  const { latitude: _lat, longitude: _lon, ...publicInfo } = template.spec.publicInfo;
  await h.app.store.insert('products', buildProductDoc({ ...template.spec, name: '千岛湖法律服务（无坐标）', publicInfo }, { productId: 'pnoplace1', declarationId: null, orgId: null, documentNumber: '杭司〔2026〕1号', publishedOn: '2026-01-05' }));
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('nearest first from a point in 西湖区: every listed product once, by distance, each with its distance', async () => {
  const near = { latitude: 30.2741, longitude: 120.1302 };
  const all = await h.searchAll({ near, sort: 'distance' }, 7);
  const listed = await h.app.store.count(COLLECTIONS.products, { status: 'listed' });
  expect(all.length).toBe(listed);
  expect(new Set(all.map((p) => p.productId)).size).toBe(listed);
  // Each distance is the one the test computes from the product's own coordinates.
  for (const p of all.filter((x) => placeOf.has(x.name))) {
    expect(p.distance!.approximate).toBe(false);
    expect({ name: p.name, right: sameKm(p.distance!.km, km(near, placeOf.get(p.name)!)) }).toEqual({ name: p.name, right: true });
  }
  // Nearest first, never farther before nearer.
  const d = all.map((p) => p.distance!.km);
  for (let i = 1; i < d.length; i++) expect(d[i]).toBeGreaterThanOrEqual(d[i - 1]);
  // The first is the demo product nearest to the point by the test's own reckoning; the last is in 淳安县 or 建德市.
  const nearest = [...placeOf.entries()].sort((a, b) => km(near, a[1]) - km(near, b[1]))[0][0];
  expect(all[0].name).toBe(nearest);
  expect(['淳安县', '建德市']).toContain(all[all.length - 1].district);
});

test('a product without coordinates counts from its district’s centre, and says it is an estimate', async () => {
  const near = DISTRICT_CENTRES.淳安县;
  const first = (await h.ok('catalogue', 'search', { near, sort: 'distance', limit: 5 })).items as ProductListItem[];
  const estimated = first.find((p) => p.productId === 'pnoplace1')!;
  expect(estimated.distance).toEqual({ km: 0, approximate: true });
  expect(first.filter((p) => p.productId !== 'pnoplace1').every((p) => p.distance!.approximate === false)).toBe(true);
});

test('with words and filters: only what they find, nearest first; words that find nothing answer as a search does', async () => {
  const near = DISTRICT_CENTRES.萧山区;
  const mediation = await h.searchAll({ category: 'mediation', near, sort: 'distance' }, 4);
  const expected = DEMO_PRODUCTS.filter((p) => p.category === 'mediation').map((p) => p.name).sort((a, b) => km(near, placeOf.get(a)!) - km(near, placeOf.get(b)!));
  expect(mediation.map((p) => p.name)).toEqual(expected);
  const labour = (await h.ok('catalogue', 'search', { q: '工资', near, sort: 'distance' })).items as ProductListItem[];
  expect(labour.length).toBeGreaterThan(1);
  expect(labour[0].name).toBe('农民工工资争议速裁调解');
  for (let i = 1; i < labour.length; i++) expect(labour[i].distance!.km).toBeGreaterThanOrEqual(labour[i - 1].distance!.km);
  const none = await h.ok('catalogue', 'search', { q: 'zzqqxx', near, sort: 'distance' });
  expect(none.items).toEqual([]);
  expect(none.related.length).toBeGreaterThan(0);
});

test('near without the distance order only adds each distance; the distance order needs a point', async () => {
  const near = DISTRICT_CENTRES.上城区;
  const plain = (await h.ok('catalogue', 'search', { limit: 10 })).items as ProductListItem[];
  const withNear = (await h.ok('catalogue', 'search', { limit: 10, near })).items as ProductListItem[];
  expect(withNear.map((p) => p.productId)).toEqual(plain.map((p) => p.productId));
  expect(plain.every((p) => p.distance === undefined)).toBe(true);
  expect(withNear.every((p) => typeof p.distance?.km === 'number')).toBe(true);
  const refused = await h.call('catalogue', 'search', { sort: 'distance' });
  expect([refused.status, (refused.body as any).error.issues]).toEqual([400, [{ path: 'near', message: '按距离排序需要您的位置，或先选择所在区县' }]]);
  const wrong = await h.call('catalogue', 'search', { sort: 'distance', near: { latitude: 91, longitude: 120 } });
  expect((wrong.body as any).error.issues).toEqual([{ path: 'near.latitude', message: '位置的纬度应在 -90 到 90 之间' }]);
});

test('the citizen’s point is stored nowhere: not in any collection, not in the database files', async () => {
  // A point no product, district centre or demo record has, in the forms a store could keep it.
  const near = { latitude: 30.1234567, longitude: 120.7654321 };
  const citizen = await h.citizen();
  await h.ok('catalogue', 'search', { near, sort: 'distance', limit: 3 }, citizen);
  await h.ok('catalogue', 'search', { q: '调解', near, limit: 3 }, citizen);
  await h.ok('catalogue', 'search', { near, limit: 3 });
  const needles = ['30.1234567', '120.7654321', '30.123456', '120.765432', '30.12346', '120.76543'];
  // Every document of every collection.
  for (const c of Object.values(COLLECTIONS)) {
    const text = JSON.stringify(await h.app.store.find(c, { limit: 1000 }));
    for (const n of needles) expect({ collection: c, n, found: text.includes(n) }).toEqual({ collection: c, n, found: false });
  }
  // And every byte in the data folder: the database, its journal, anything beside it.
  const files: string[] = [];
  (function walk(dir: string) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) (e.isDirectory() ? walk : (f: string) => files.push(f))(path.join(dir, e.name));
  })(h.dataDir);
  expect(files.some((f) => f.endsWith('store.sqlite'))).toBe(true);
  for (const f of files) {
    const bytes = fs.readFileSync(f);
    for (const n of needles) expect({ file: path.basename(f), n, found: bytes.includes(Buffer.from(n)) }).toEqual({ file: path.basename(f), n, found: false });
  }
});
