/** Each cloud function bundles into one index.js that loads in plain Node and exports main. */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { DEPLOYED_FUNCTION_NAMES } from '../../types/envelope';

const NAMES = [...DEPLOYED_FUNCTION_NAMES];
const dist = path.resolve(__dirname, '../../dist/cloudfunctions');

test('cloudbaserc.json deploys exactly the functions that exist', () => {
  const rc = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../cloudbaserc.json'), 'utf8'));
  expect(rc.functions.map((f: { name: string }) => f.name).sort()).toEqual([...NAMES].sort());
  for (const n of NAMES) expect(fs.existsSync(path.resolve(__dirname, '../../cloudfunctions', n, 'index.ts'))).toBe(true);
});

test.each(NAMES)('%s bundles to a self-contained index.js exporting main', (name) => {
  const file = path.join(dist, name, 'index.js');
  expect(fs.existsSync(file)).toBe(true);
  // Load it from an empty directory, so nothing from node_modules can be picked up by accident.
  const out = execFileSync(process.execPath, ['-e', `process.env.TENCENTCLOUD='true'; const m = require(${JSON.stringify(file)}); process.stdout.write(typeof m.main)`], { cwd: '/', encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(out).toBe('function');
  const pkg = JSON.parse(fs.readFileSync(path.join(dist, name, 'package.json'), 'utf8'));
  expect(pkg.dependencies).toEqual({});
});
