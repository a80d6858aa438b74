/**
 * A hostile pass over the HSDS read API's cost (issue 23): a page of services renders only the records on that page,
 * so `per_page=1` over a city's catalogue does not render the whole catalogue first. Every product outside the page
 * is a record whose specification throws when read: the old "render all, then slice" fails here.
 */
import { buildProductDoc } from '../../cloudfunctions/catalogue/productDoc';
import type { Directory } from '../../cloudfunctions/openData/directory';
import { listOrganizations, listServiceAtLocations, listServices } from '../../cloudfunctions/openData/readHsds';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { hsdsId } from '../../types/hsdsMapping';
import type { OrgDoc } from '../../types/org';
import type { ProductDoc } from '../../types/product';

const org: OrgDoc = { _id: 'o-probe', name: '杭州城西律师事务所', createdAt: '2026-01-01T00:00:00Z', status: 'verified', creditCode: '91330000142916567N', kind: 'law-firm', district: '西湖区' } as OrgDoc;

function directory(n: number, readable: (i: number) => boolean): Directory {
  const products: ProductDoc[] = [];
  for (let i = 0; i < n; i++) {
    const p = buildProductDoc(demoSpec(DEMO_PRODUCTS[i % DEMO_PRODUCTS.length], i % 30), { productId: `pp${String(i).padStart(4, '0')}`, declarationId: null, orgId: org._id, documentNumber: '杭司〔2026〕1号', publishedOn: '2026-01-05' });
    if (!readable(i)) {
      const spec = p.spec;
      Object.defineProperty(p, 'spec', { get: () => { throw new Error(`product ${i} outside the page was rendered`); }, enumerable: true });
      void spec;
    }
    products.push(p);
  }
  return { version: 1, products, orgs: new Map([[org._id, org]]), changes: new Map(), allChanges: [], byServiceId: new Map(products.map((p) => [hsdsId('service', p._id), p])), byServiceAtLocationId: new Map(), readAt: 0 };
}

test('a page of services renders only its own records, at either end of the catalogue', () => {
  const dir = directory(300, (i) => i >= 40 && i < 60);
  const page = listServices(dir, { page: 3, per_page: 20 }, null);
  expect('page' in page && page.page).toMatchObject({ total_items: 300, total_pages: 15, page_number: 3, size: 20 });
  expect('page' in page && (page.page.contents as { name: string }[]).map((s) => s.name)).toEqual(dir.products.slice(40, 60).map((p) => (p as ProductDoc & { name: string }).name));
  const last = directory(300, (i) => i >= 280);
  expect('page' in listServices(last, { page: 15, per_page: 20, full: true }, null) && 'ok').toBe('ok');
  const sal = directory(300, (i) => i < 5);
  expect('page' in listServiceAtLocations(sal, { page: 1, per_page: 5 }, null) && 'ok').toBe('ok');
});

test('the organisation filter selects by the organisation, without rendering the others', () => {
  const dir = directory(50, (i) => i < 10);
  const page = listServices(dir, { organization_id: hsdsId('organization', org._id), per_page: 10 }, null);
  expect('page' in page && page.page.total_items).toBe(50);
  expect('page' in listOrganizations(dir, { per_page: 10 }, null) && 'ok').toBe('ok');
});
