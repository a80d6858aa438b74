/** The CloudBase provisioning plan (npm run cloud:setup) covers every collection and index the code uses, admin-only. */
import { execFileSync } from 'child_process';
import path from 'path';
import { COLLECTIONS, INDEXES } from '../../cloudfunctions/_lib/collections';
import { httpAccessPlan, indexName, provisioningPlan } from '../../scripts/cloud/plan';

const plan = provisioningPlan();

test('every collection is planned once, with the admin-only permission', () => {
  expect(plan.map((c) => c.name).sort()).toEqual(Object.values(COLLECTIONS).sort());
  expect(new Set(plan.map((c) => c.name)).size).toBe(plan.length);
  for (const c of plan) expect({ c: c.name, permission: c.permission }).toEqual({ c: c.name, permission: 'ADMINONLY' });
});

test("every index a query needs is planned with its fields in order, and index names don't collide", () => {
  for (const [collection, indexes] of Object.entries(INDEXES)) {
    expect(Object.values(COLLECTIONS)).toContain(collection);
    const planned = plan.find((c) => c.name === collection)!.indexes;
    expect(planned.map((i) => i.fields)).toEqual(indexes);
    expect(new Set(planned.map((i) => i.name)).size).toBe(planned.length);
    for (const i of planned) expect(i.name).toMatch(/^[A-Za-z0-9_]{1,64}$/);
  }
  expect(indexName(['status', 'sortKey'])).toBe('idx_status_sortKey');
});

test('without credentials the script prints the plan and changes nothing', () => {
  const env = { ...process.env, TCB_ENV_ID: '', TENCENTCLOUD_SECRETID: '', TENCENTCLOUD_SECRETKEY: '' };
  const out = execFileSync('node', ['scripts/cloud-setup.mjs'], { cwd: path.resolve(__dirname, '../..'), env, encoding: 'utf8' });
  expect(out).toContain('dry run');
  const total = plan.reduce((n, c) => n + c.indexes.length, 0);
  expect(out).toContain(`${plan.length} collections, ${total} indexes, 2 HTTP access paths`);
  for (const c of plan) expect(out).toContain(`collection ${c.name}  (permission ADMINONLY)`);
  expect(out).toContain('http access /hsds → function openData (public)');
  expect(out).toContain('http access /feed.atom → function openData (public)');
});

test('the HTTP access paths are the ones the open-data handler answers, and only openData is exposed', async () => {
  const { handleOpenData } = await import('../../cloudfunctions/openData/handleRequest');
  const { SqliteStore } = await import('../../server/sqliteStore');
  const { seedDemo } = await import('../../server/seedDemo');
  const { SettableClock } = await import('../../cloudfunctions/_lib/clock');
  const store = new SqliteStore({ filename: ':memory:', indexes: INDEXES });
  await seedDemo(store);
  const http = httpAccessPlan();
  expect(http.map((a) => a.path).sort()).toEqual(['/feed.atom', '/hsds']);
  expect(new Set(http.map((a) => a.fn))).toEqual(new Set(['openData']));
  for (const a of http) {
    const res = await handleOpenData({ method: 'GET', path: a.path === '/hsds' ? '/hsds/services' : a.path, query: {}, headers: {}, clientAddress: '203.0.113.9' }, { store, clock: new SettableClock(), siteBase: null, apiBase: null });
    expect({ path: a.path, status: res.status }).toEqual({ path: a.path, status: 200 });
  }
  store.close();
});
