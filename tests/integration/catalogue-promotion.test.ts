/** Issue 6: promotion to groups, open data export, and the printable QR poster. */
import type { ProductDoc } from '../../types/product';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';
import { qrPath } from '../../cloudfunctions/catalogue/makePoster';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ seed: true });
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('the demo data features products for groups, and the home page reads them per group', async () => {
  const { groups } = await h.ok('catalogue', 'featured');
  expect(groups.length).toBeGreaterThanOrEqual(4);
  for (const g of groups) {
    expect(g.items.length).toBeGreaterThan(0);
    for (const p of g.items) expect(p.audienceGroups).toContain(g.audience);
  }
  expect(groups.find((g: { audience: string }) => g.audience === 'elderly').label).toBe('老年人');
});

test('the bureau features a product for a group until a date; expired features disappear', async () => {
  await h.ok('admin', 'setClock', { now: '2026-11-26T10:00:00+08:00' }, ADMIN_TOKEN);
  try {
    const res = await h.ok('catalogue', 'feature', { productId: 'p0030demo', audience: 'enterprises', until: '2026-12-31' }, ADMIN_TOKEN);
    expect(res).toEqual({ productId: 'p0030demo', audience: 'enterprises', until: '2026-12-31' });
    let ent = (await h.ok('catalogue', 'featured')).groups.find((g: any) => g.audience === 'enterprises');
    expect(ent.items.map((p: any) => p.productId)).toContain('p0030demo');

    await h.ok('admin', 'setClock', { now: '2027-01-01T09:00:00+08:00' }, ADMIN_TOKEN);
    ent = (await h.ok('catalogue', 'featured')).groups.find((g: any) => g.audience === 'enterprises');
    expect(ent?.items.map((p: any) => p.productId) ?? []).not.toContain('p0030demo');

    const trail = await h.ok('admin', 'auditTrail', { recordId: 'p0030demo' }, ADMIN_TOKEN);
    expect(trail.entries.map((e: any) => e.action)).toEqual(['feature']);
  } finally {
    await h.ok('admin', 'setClock', { now: null }, ADMIN_TOKEN);
  }
});

test('featuring: only the bureau, only catalogue products, only future dates; unfeature removes it', async () => {
  const citizen = await h.citizen();
  expect((await h.call('catalogue', 'feature', { productId: 'p0001demo', audience: 'elderly', until: '2099-01-01' }, citizen)).status).toBe(403);
  expect((await h.call('catalogue', 'feature', { productId: 'p0001demo', audience: 'elderly', until: '2099-01-01' })).status).toBe(401);
  expect((await h.call('catalogue', 'feature', { productId: 'nope', audience: 'elderly', until: '2099-01-01' }, ADMIN_TOKEN)).status).toBe(404);
  expect((await h.call('catalogue', 'feature', { productId: 'p0001demo', audience: 'elderly', until: '2001-01-01' }, ADMIN_TOKEN)).status).toBe(409);
  const bad = await h.call('catalogue', 'feature', { productId: 'p0001demo', audience: 'aliens', until: 'soon' }, ADMIN_TOKEN);
  expect((bad.body as any).error.issues.map((i: any) => i.path).sort()).toEqual(['audience', 'until']);

  await h.ok('catalogue', 'feature', { productId: 'p0002demo', audience: 'disabled', until: '2099-01-01' }, ADMIN_TOKEN);
  expect(await h.ok('catalogue', 'unfeature', { productId: 'p0002demo', audience: 'disabled' }, ADMIN_TOKEN)).toEqual({ removed: true });
  expect(await h.ok('catalogue', 'unfeature', { productId: 'p0002demo', audience: 'disabled' }, ADMIN_TOKEN)).toEqual({ removed: false });
});

test('open data: the whole catalogue as JSON and CSV, stable ids, nothing internal', async () => {
  const listed = await h.app.store.count('products', { status: 'listed' });
  const json = await h.ok('catalogue', 'export', { format: 'json' });
  const rows = JSON.parse(json.content);
  expect(rows).toHaveLength(listed);
  expect(json.nextCursor).toBeNull();
  expect(rows.map((r: any) => r.productId)).toEqual([...rows.map((r: any) => r.productId)].sort());
  const first = rows.find((r: any) => r.productId === 'p0001demo');
  expect(first).toMatchObject({ name: '“老娘舅”人民调解上门服务', category: '人民调解', purchaseMethod: '免费服务', phone: '0571-88012345' });
  const stored = (await h.app.store.get<ProductDoc>('products', 'p0001demo'))!;
  expect(json.content).not.toContain(stored.spec.cover.contactPhone);
  expect(json.content).not.toContain(stored.spec.cover.principal);

  const csv = await h.ok('catalogue', 'export', { format: 'csv' });
  const lines = csv.content.trimEnd().split('\r\n');
  expect(lines[0].startsWith('\uFEFF"产品编号","产品名称"')).toBe(true);
  expect(lines).toHaveLength(listed + 1);
  expect(lines.some((l: string) => l.startsWith('"p0001demo","“老娘舅”人民调解上门服务","人民调解","免费服务"'))).toBe(true);
});

test('CSV cells cannot smuggle formulas or break rows', async () => {
  const { csvCell } = await import('../../cloudfunctions/catalogue/exportCatalogue');
  expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  expect(csvCell('a,b\r\nc')).toBe('"a,b\r\nc"');
  expect(csvCell(null)).toBe('""');
  expect(csvCell(0.95)).toBe('"0.95"');
});

test('the poster carries the product, its phone and a QR code of its own page, built from configuration', async () => {
  const saved = process.env.H5_BASE_URL;
  try {
    process.env.H5_BASE_URL = 'https://fw.example.gov.cn/';
    const { svg, link, codeKind, codeNote } = await h.ok('catalogue', 'poster', { productId: 'p0001demo' });
    expect(link).toBe('https://fw.example.gov.cn/#/pages/product/index?id=p0001demo');
    // Locally there is no WeChat to draw a mini-program code: the H5 link's QR code, with nothing to apologise for.
    expect(codeKind).toBe('link');
    expect(codeNote).toBeUndefined();
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('“老娘舅”人民调解上门服务');
    expect(svg).toContain('服务电话 0571-88012345');
    const drawn = /<path d="([^"]+)"/.exec(svg)![1];
    expect(drawn).toBe(qrPath(link).path);
    // Without a configured site (or with one that is not a plain http(s) address): the mini-program path.
    for (const base of ['', 'javascript:alert(1)', 'https://fw.example.gov.cn/?next=https://evil.example.com']) {
      process.env.H5_BASE_URL = base;
      const other = await h.ok('catalogue', 'poster', { productId: 'p0001demo' });
      expect(other.link).toBe('/pages/product/index?id=p0001demo');
      expect(/<path d="([^"]+)"/.exec(other.svg)![1]).toBe(qrPath('/pages/product/index?id=p0001demo').path);
    }
  } finally {
    if (saved === undefined) delete process.env.H5_BASE_URL;
    else process.env.H5_BASE_URL = saved;
  }
  // Issue 10, finding 9: a caller cannot put a link of their own on a poster — the old input is refused outright.
  for (const link of ['https://evil.example.com/#/pages/product/index?id=p0001demo', 'https://evil.example.com/']) {
    const res = await h.call('catalogue', 'poster', { productId: 'p0001demo', link });
    expect({ link, status: res.status, message: (res.body as any).error.issues[0].message }).toEqual({ link, status: 400, message: '不认识的字段：link' });
  }
  expect((await h.call('catalogue', 'poster', { productId: 'nope' })).status).toBe(404);
});
