/** The CloudBase provisioning plan (npm run cloud:setup) covers every collection and index the code uses, admin-only. */
import { execFileSync } from 'child_process';
import path from 'path';
import { COLLECTIONS, INDEXES } from '../../cloudfunctions/_lib/collections';
import { indexName, provisioningPlan } from '../../scripts/cloud/plan';

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
  expect(out).toContain(`${plan.length} collections, ${total} indexes`);
  for (const c of plan) expect(out).toContain(`collection ${c.name}  (permission ADMINONLY)`);
});
