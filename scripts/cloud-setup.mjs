// npm run cloud:setup — creates every collection, index and the admin-only database permission in a CloudBase
// environment, from cloudfunctions/_lib/collections.ts (through scripts/cloud/plan.ts), and the open data's HTTP access
// paths (cloudfunctions/openData/httpAccess.ts). Idempotent: it reads what
// exists first and prints only what it changed. Without credentials (TCB_ENV_ID, TENCENTCLOUD_SECRETID,
// TENCENTCLOUD_SECRETKEY) it prints the plan and changes nothing (a dry run). `--dry-run` forces the dry run.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createRequire } from 'module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

export async function loadPlan() {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cloud-plan-')), 'plan.cjs');
  await build({ entryPoints: ['scripts/cloud/plan.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error' });
  try {
    const { provisioningPlan, httpAccessPlan } = require(out);
    return Object.assign(provisioningPlan(), { http: httpAccessPlan() });
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

function printPlan(plan) {
  for (const c of plan) {
    console.log(`collection ${c.name}  (permission ${c.permission})`);
    for (const i of c.indexes) console.log(`  index ${i.name}: ${i.fields.join(', ')}`);
  }
  for (const a of plan.http) console.log(`http access ${a.path} → function ${a.fn} (public)`);
  console.log(`\n${plan.length} collections, ${plan.reduce((n, c) => n + c.indexes.length, 0)} indexes, ${plan.http.length} HTTP access paths`);
}

async function apply(plan, { envId, secretId, secretKey }) {
  const CloudBase = require('@cloudbase/manager-node');
  const manager = new (CloudBase.default ?? CloudBase)({ envId, secretId, secretKey });
  const changed = [];
  for (const c of plan) {
    const exists = await manager.database.checkCollectionExists(c.name);
    if (!exists.Exists) {
      await manager.database.createCollection(c.name);
      changed.push(`created collection ${c.name}`);
    }
    const missing = [];
    for (const i of c.indexes) if (!(await manager.database.checkIndexExists(c.name, i.name)).Exists) missing.push(i);
    if (missing.length) {
      await manager.database.updateCollection(c.name, {
        CreateIndexes: missing.map((i) => ({ IndexName: i.name, MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: i.fields.map((Name) => ({ Name, Direction: '1' })) } })),
      });
      for (const i of missing) changed.push(`created index ${c.name}.${i.name}`);
    }
  }
  const { PermissionList = [] } = await manager.permission.describeResourcePermission({ resourceType: 'collection', resources: plan.map((c) => c.name) });
  const current = new Map(PermissionList.map((p) => [p.Resource, p.Permission]));
  for (const c of plan) {
    if (current.get(c.name) === c.permission) continue;
    await manager.permission.modifyResourcePermission({ resourceType: 'collection', resource: c.name, permission: c.permission });
    changed.push(`set ${c.name} to ${c.permission} (was ${current.get(c.name) ?? 'unset'})`);
  }
  // The open data's HTTP access paths (DescribeCloudBaseGWAPI / CreateCloudBaseGWAPI), public.
  for (const a of plan.http) {
    const { APISet = [] } = await manager.access.getAccessList({ name: a.fn });
    if (APISet.some((x) => x.Path === a.path)) continue;
    await manager.access.createAccess({ path: a.path, name: a.fn, auth: false });
    changed.push(`created http access ${a.path} → ${a.fn}`);
  }
  console.log(changed.length ? changed.join('\n') : 'nothing to change: the environment already matches the plan');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const plan = await loadPlan();
  const creds = { envId: process.env.TCB_ENV_ID, secretId: process.env.TENCENTCLOUD_SECRETID, secretKey: process.env.TENCENTCLOUD_SECRETKEY };
  if (process.argv.includes('--dry-run') || !creds.envId || !creds.secretId || !creds.secretKey) {
    console.log('dry run (set TCB_ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY to apply): the environment should hold\n');
    printPlan(plan);
  } else {
    await apply(plan, creds);
  }
}
